"""Text out of shared documents (PDF, DOCX, ODT, XLSX, ODS, PPTX, ODP, plain text), for
full-text search.

Runs as a background task after each upload. The parsing happens in a subprocess
(extraction_worker.py) with a memory ceiling (EXTRACT_MEMORY_MB: the worker sets RLIMIT_AS
on itself before it imports a parser; no preexec_fn, which is unsafe in threaded servers)
and a timeout
(EXTRACT_TIMEOUT_SECONDS); it reads at most EXTRACT_MAX_BYTES of decompressed content and
parses XML with defusedxml. A file it cannot read keeps an error note, is logged, and stays
findable by its title: a failure is never a crash."""

import logging
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)

MAX_CHARS = 1_000_000
WORKER = Path(__file__).with_name("extraction_worker.py")


@dataclass
class Extracted:
    text: str
    error: str = ""
    peak_rss_kb: int = 0


def extract_path(path, *, max_bytes=None, memory_mb=None, timeout=None, max_chars=MAX_CHARS):
    """Run the worker on a local file; never raises for a bad file."""
    max_bytes = max_bytes or settings.EXTRACT_MAX_BYTES
    memory_mb = memory_mb or settings.EXTRACT_MEMORY_MB
    timeout = timeout or settings.EXTRACT_TIMEOUT_SECONDS
    command = [sys.executable, "-I", str(WORKER), str(path), str(max_bytes)]
    command += [str(max_chars), str(memory_mb)]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            timeout=timeout,  # run() kills the worker when it is exceeded
            check=False,
        )
    except subprocess.TimeoutExpired:
        logger.warning("text extraction of %s stopped after %s s", path, timeout)
        return Extracted("", f"Zeitlimit ({timeout} s) überschritten")
    except OSError as problem:
        logger.warning("text extraction of %s could not start: %s", path, problem)
        return Extracted("", f"{type(problem).__name__}: {problem}"[:300])
    peak, error = 0, ""
    for line in done.stderr.decode("utf-8", errors="replace").splitlines():
        if line.startswith("peak_rss_kb="):
            peak = int(line.split("=", 1)[1])
        elif line.startswith("error="):
            error = line.split("=", 1)[1]
    if done.returncode != 0:
        error = error or f"Abbruch (Code {done.returncode})"
        logger.warning("text extraction of %s failed: %s", path, error)
        return Extracted("", error[:300], peak)
    return Extracted(done.stdout.decode("utf-8", errors="replace"), "", peak)


def text_of(name, data, **limits):
    """The text of some bytes (the name is not used: the content decides)."""
    with tempfile.NamedTemporaryFile(prefix="quartier-extract-") as local:
        local.write(data)
        local.flush()
        return extract_path(local.name, **limits).text


def extract_file(field_file, **limits):
    """Copy a stored file (any storage) to a temporary file in chunks and extract its text."""
    with tempfile.NamedTemporaryFile(prefix="quartier-extract-") as local:
        with field_file.open("rb") as handle:
            shutil.copyfileobj(handle, local, 1024 * 1024)
        local.flush()
        return extract_path(local.name, **limits)


@task()
def extract_text(document_id):
    from wagtail.documents import get_document_model

    from .models import DocumentText

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return 0
    version = document.versions.order_by("-number").values_list("number", flat=True).first() or 1
    try:
        result = extract_file(document.file)
    except Exception as problem:  # a missing file must not break the worker
        logger.warning("text extraction of document %s failed: %s", document_id, problem)
        result = Extracted("", f"{type(problem).__name__}: {problem}"[:300])
    text = result.text
    record, _created = DocumentText.objects.update_or_create(
        document=document,
        defaults={
            "text": text[:MAX_CHARS].replace("\x00", ""),
            "version": version,
            "error": result.error,
        },
    )
    update_search_vector(DocumentText.objects.filter(pk=record.pk))
    return len(text)


def update_search_vector(records):
    """PostgreSQL: the German full-text vector of title (weight A) and text (weight B)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    ids_sql, params = records.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE intranet_documenttext AS t SET search_vector = "
            "setweight(to_tsvector('german', coalesce(d.title, '')), 'A') || "
            "setweight(to_tsvector('german', coalesce(t.text, '')), 'B') "
            "FROM wagtaildocs_document AS d "
            f"WHERE d.id = t.document_id AND t.id IN ({ids_sql})",
            params,
        )
