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


def terms_of(query):
    return [term for term in re.findall(r"\w+", query) if len(term) > 1][:10]


def highlight(text, query, length=SNIPPET_LENGTH):
    """An escaped excerpt around the first match with every term wrapped in <mark>."""
    terms = terms_of(query)
    if not text:
        return ""
    start = 0
    if terms:
        pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
        match = pattern.search(text)
        if match:
            start = max(0, match.start() - length // 3)
    excerpt = text[start : start + length]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + length < len(text) else ""
    escaped = escape(excerpt)
    if terms:
        escaped_pattern = re.compile("|".join(re.escape(escape(t)) for t in terms), re.IGNORECASE)
        escaped = escaped_pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
    return mark_safe(prefix + escaped + suffix)
