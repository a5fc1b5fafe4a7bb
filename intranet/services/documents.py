"""Shared documents: upload into the workspace's collection or a folder below it, new
versions that keep the old files, and the text extraction that feeds search."""

import os

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection

from core.refusals import Refused, require
from core.text import clean_text
from core.uploads import DOCUMENT, check_upload

from .. import rules
from ..extraction import extract_text
from ..models import Activity, DocumentVersion
from .activity import record

MAX_SIZE = DOCUMENT.max_bytes


def folders(workspace):
    """The workspace's collection and its sub-collections (folders), in tree order."""
    root = workspace.collection
    return list(Collection.objects.filter(path__startswith=root.path).order_by("path"))


def in_workspace(workspace, collection):
    return collection.path.startswith(workspace.collection.path)


def check_file(upload):
    """The core upload check (type by content, size, images cleaned); returns the file to
    store. Forms check already; this guards callers without a form."""
    name = os.path.basename(str(upload.name))
    try:
        return check_upload(upload, DOCUMENT)
    except ValidationError as refused:
        raise Refused(
            _("„%(name)s“: %(reason)s") % {"name": name, "reason": " ".join(refused.messages)}
        ) from None


def _keep_version(document, number, upload, user, note=""):
    upload.seek(0)
    version = DocumentVersion(
        document=document, number=number, uploaded_by=user, note=note, file_size=upload.size
    )
    version.file.save(os.path.basename(upload.name), ContentFile(upload.read()), save=False)
    version.save()
    upload.seek(0)
    return version


@transaction.atomic
def upload(*, workspace, user, files, folder=None):
    """Several files at once; all checked before any is stored."""
    require(rules.can_upload(user, workspace))
    folder = folder or workspace.collection
    if not in_workspace(workspace, folder):
        raise Refused(_("Dieser Ordner gehört nicht zu diesem Arbeitsbereich."))
    if not files:
        raise Refused(_("Bitte wählen Sie mindestens eine Datei."))
    files = [check_file(upload_file) for upload_file in files]
    Document = get_document_model()
    made = []
    for upload_file in files:
        original = getattr(upload_file, "original_name", upload_file.name)
        # A file name can hide a bidi override ("rechnung\u202efdp.exe" shows as "…exe.pdf").
        title = clean_text(os.path.splitext(os.path.basename(original))[0])
        title = title.strip()[:255] or _("Dokument")
        document = Document(title=title, collection=folder, uploaded_by_user=user)
        document.file.save(os.path.basename(upload_file.name), upload_file, save=False)
        document._set_document_file_metadata()
        document.save()
        _keep_version(document, 1, upload_file, user)
        made.append(document)
    for document in made:
        transaction.on_commit(lambda pk=document.pk: extract_text.enqueue(pk))
    names = ", ".join(document.title for document in made)
    record(
        workspace,
        Activity.Kind.DOCUMENT,
        _("Neue Dokumente: %(names)s") % {"names": names},
        workspace.route_url("documents"),
        user,
    )
    return made


@transaction.atomic
def add_version(*, workspace, user, document, upload_file, note=""):
    require(rules.can_upload(user, workspace))
    if not in_workspace(workspace, document.collection):
        raise Refused(_("Dieses Dokument gehört nicht zu diesem Arbeitsbereich."))
    upload_file = check_file(upload_file)
    number = (document.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = _keep_version(document, number, upload_file, user, note)
    # Point the document at a new file of its own; the old one stays with its version.
    document.file.save(os.path.basename(upload_file.name), upload_file, save=False)
    document._set_document_file_metadata()
    document.save()
    transaction.on_commit(lambda: extract_text.enqueue(document.pk))
    record(
        workspace,
        Activity.Kind.DOCUMENT,
        _("Neue Version %(number)d von „%(title)s“") % {"number": number, "title": document.title},
        workspace.route_url("document", document.pk),
        user,
    )
    return version


@transaction.atomic
def make_folder(*, workspace, user, parent, name):
    require(rules.can_upload(user, workspace))
    if not in_workspace(workspace, parent):
        raise Refused(_("Dieser Ordner gehört nicht zu diesem Arbeitsbereich."))
    name = name.strip()
    if not name:
        raise Refused(_("Bitte geben Sie dem Ordner einen Namen."))
    if parent.get_children().filter(name=name).exists():
        raise Refused(_("Einen Ordner mit diesem Namen gibt es hier schon."))
    return parent.add_child(name=name[:255])
