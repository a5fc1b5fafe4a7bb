"""Text out of shared documents (PDF, DOCX, ODT, plain text), for full-text search.

Runs as a background task after each upload; a file it cannot read keeps an error note and
stays findable by its title."""

import io
import re
import zipfile
from xml.etree import ElementTree

from django_tasks import task

MAX_CHARS = 1_000_000
TEXT_SUFFIXES = (".txt", ".md", ".csv")


def _xml_text(data):
    root = ElementTree.fromstring(data)
    parts = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if element.text and tag in {"t", "p", "span", "h", "s", "a", "tab"}:
            parts.append(element.text)
        if tag in {"p", "h"}:
            parts.append("\n")
        if element.tail and tag in {"span", "a", "s", "tab"}:
            parts.append(element.tail)
    return re.sub(r"[ \t]+", " ", "".join(parts))


def text_of(name, data):
    lower = name.lower()
    if lower.endswith(".pdf"):
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    if lower.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _xml_text(archive.read("word/document.xml"))
    if lower.endswith(".odt"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _xml_text(archive.read("content.xml"))
    if lower.endswith(TEXT_SUFFIXES):
        return data.decode("utf-8", errors="replace")
    return ""


@task()
def extract_text(document_id):
    from wagtail.documents import get_document_model

    from .models import DocumentText

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return 0
    version = document.versions.order_by("-number").values_list("number", flat=True).first() or 1
    error = ""
    try:
        with document.file.open("rb") as handle:
            text = text_of(document.file.name, handle.read())
    except Exception as problem:  # a broken file must not break the worker
        text, error = "", f"{type(problem).__name__}: {problem}"[:300]
    record, _created = DocumentText.objects.update_or_create(
        document=document,
        defaults={"text": text[:MAX_CHARS].replace("\x00", ""), "version": version, "error": error},
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
