"""Text out of one file, run in its own process with a memory ceiling (see extraction.py).

Usage: python extraction_worker.py PATH MAX_BYTES MAX_CHARS MEMORY_MB
Writes the text (UTF-8) to stdout; the last line on stderr is "peak_rss_kb=N".

Only the standard library, defusedxml and pypdf; no Django, so it starts fast. The type is
taken from the content, never from the name. Zip members are read in chunks and parsing
stops at MAX_BYTES of decompressed content; XML is parsed incrementally by defusedxml, which
refuses entity declarations (billion laughs) and external references."""

import re
import resource
import sys
import zipfile

CHUNK = 64 * 1024
TEXT_TAGS = {"t", "p", "span", "h", "s", "a", "tab", "v", "is"}
BLOCK_TAGS = {"p", "h", "row", "tr"}
TAIL_TAGS = {"span", "a", "s", "tab"}
ODF_MAIN = "content.xml"
OOXML_MAIN = ("word/document.xml", "xl/sharedStrings.xml", "ppt/slides/slide1.xml")


class Budget:
    def __init__(self, max_bytes, max_chars):
        self.bytes_left = max_bytes
        self.max_chars = max_chars
        self.parts = []
        self.chars = 0

    def take(self, size):
        self.bytes_left -= size
        return self.bytes_left > 0

    def add(self, text):
        if self.chars < self.max_chars and text:
            text = text[: self.max_chars - self.chars]
            self.parts.append(text)
            self.chars += len(text)

    @property
    def full(self):
        return self.bytes_left <= 0 or self.chars >= self.max_chars

    def text(self):
        return re.sub(r"[ \t]+", " ", "".join(self.parts))


class Collector:
    """A parser target that keeps only text, as it arrives (no tree is built)."""

    def __init__(self, budget):
        self.budget = budget
        self.stack = []

    @staticmethod
    def _local(tag):
        return tag.rsplit("}", 1)[-1]

    def start(self, tag, attrs):
        self.stack.append(self._local(tag))

    def end(self, tag):
        local = self.stack.pop() if self.stack else self._local(tag)
        if local in BLOCK_TAGS:
            self.budget.add("\n")

    def data(self, text):
        if self.stack and self.stack[-1] in TEXT_TAGS:
            self.budget.add(text)

    def close(self):
        return None


def parse_xml_stream(stream, budget):
    """Feed an XML stream to defusedxml in chunks until it ends or the budget is spent."""
    from defusedxml.ElementTree import DefusedXMLParser

    parser = DefusedXMLParser(
        target=Collector(budget), forbid_dtd=False, forbid_entities=True, forbid_external=True
    )
    while not budget.full:
        chunk = stream.read(CHUNK)
        if not chunk:
            parser.close()
            return
        budget.take(len(chunk))
        parser.feed(chunk)
    # Budget spent: keep what was read so far, do not decompress the rest.


def zip_text(path, budget):
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if ODF_MAIN in names:
            members = [ODF_MAIN]
        else:
            members = [name for name in OOXML_MAIN if name in names]
            slides = sorted(
                (n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                key=lambda n: int(re.search(r"\d+", n).group()),
            )
            members += [n for n in slides if n not in members]
        for name in members:
            if budget.full:
                break
            with archive.open(name) as stream:
                parse_xml_stream(stream, budget)
            budget.add("\n")


def pdf_text(path, budget):
    from pypdf import PdfReader

    reader = PdfReader(path)
    for page in reader.pages:
        if budget.full:
            break
        text = page.extract_text() or ""
        budget.take(len(text.encode("utf-8")))
        budget.add(text + "\n")


def plain_text(path, budget):
    with open(path, "rb") as handle:
        while not budget.full:
            chunk = handle.read(CHUNK)
            if not chunk:
                break
            budget.take(len(chunk))
            budget.add(chunk.decode("utf-8", errors="replace"))


def text_of_file(path, max_bytes, max_chars):
    budget = Budget(max_bytes, max_chars)
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF-"):
        pdf_text(path, budget)
    elif head.startswith(b"PK\x03\x04"):
        zip_text(path, budget)
    elif head.startswith((b"\xff\xd8", b"\x89PNG", b"RIFF", b"GIF8")):
        return ""
    else:
        plain_text(path, budget)
    return budget.text()


def peak_rss_kb():
    """This process's peak resident memory. VmHWM belongs to the address space made by exec;
    ru_maxrss would still include the parent's memory at fork."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def limit_memory(memory_mb):
    ceiling = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def main(argv):
    path, max_bytes, max_chars, memory_mb = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    limit_memory(memory_mb)
    code = 0
    try:
        text = text_of_file(path, max_bytes, max_chars)
        sys.stdout.buffer.write(text.encode("utf-8", errors="replace"))
    except MemoryError:
        sys.stderr.write("error=MemoryError: memory ceiling reached\n")
        code = 3
    except Exception as problem:  # reported to the parent, which logs it
        sys.stderr.write(f"error={type(problem).__name__}: {problem}"[:300] + "\n")
        code = 2
    peak = peak_rss_kb()
    sys.stderr.write(f"peak_rss_kb={peak}\n")
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))


# For tests that call the parsing in-process.
def text_of_bytes(data, max_bytes=10 * 1024 * 1024, max_chars=1_000_000):
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".bin") as handle:
        handle.write(data)
        handle.flush()
        return text_of_file(handle.name, max_bytes, max_chars)
