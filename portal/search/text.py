"""Plain text of a page for result snippets, and highlighting of the search terms."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

SNIPPET_LENGTH = 240
TEXT_FIELDS = ("intro", "description", "search_description", "offers", "goals", "results")


def stream_text(stream):
    parts = []
    for block in stream or []:
        value = block.value
        if hasattr(value, "source"):  # RichText
            parts.append(strip_tags(value.source))
        elif isinstance(value, str):
            parts.append(value)
        elif hasattr(value, "get"):  # StructValue
            for key in ("text", "quote", "title", "question"):
                if value.get(key):
                    parts.append(str(value.get(key)))
    return " ".join(parts)


def page_text(page):
    parts = []
    for name in TEXT_FIELDS:
        value = getattr(page, name, "")
        if value:
            parts.append(strip_tags(str(value)))
    body = getattr(page, "body", None)
    if body is not None:
        parts.append(stream_text(body))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def highlight(text, query, length=SNIPPET_LENGTH):
    """An escaped excerpt around the first match with every matching word wrapped in
    <mark>: the words of the query as typed or in another form (same folded stem in the
    visitor's language, as the search finds them: "Lindenplätze" marks "Lindenplatz")."""
    from django.utils import translation

    from .terms import WORD, fold, query_words, stemmer

    if not text:
        return ""
    language = translation.get_language()
    stem = stemmer(language)
    typed = query_words(query, language)
    wanted = {fold(word) for word in typed} | {stem(word) for word in typed}

    def hit(word):
        return fold(word) in wanted or stem(word) in wanted

    start = 0
    for match in WORD.finditer(text):
        if hit(match.group()):
            start = max(0, match.start() - length // 3)
            break
    excerpt = text[start : start + length]
    parts, position = [], 0
    for match in WORD.finditer(excerpt):
        if hit(match.group()):
            parts.append(escape(excerpt[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(excerpt[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + length < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)
