"""Shared documents: folders, multi-file upload, versions, downloads of older versions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.documents import get_document_model
from wagtail.models import Collection

from core.files import serve_private
from core.refusals import Refused, require
from core.tables import Cell, Column, Table

from .. import rules
from ..forms import FolderForm, UploadForm, VersionForm
from ..services import documents as services
from .common import context


def _require_readable(request, page):
    """The workspace's page privacy and its collection's privacy must both admit the person."""
    require(rules.can_view_workspace(request.user, page), page)
    if not page.collection_id or not rules.collection_allows(request.user, page.collection):
        raise Http404


def _current_folder(request, folder_list):
    if not request.GET.get("ordner"):
        return folder_list[0]
    current = next((f for f in folder_list if str(f.pk) == request.GET["ordner"]), None)
    if current is None:
        raise Http404
    return current


def _in_folder(page, folder):
    return page.route_url("documents") + f"?ordner={folder.pk}"


def _make_folder(request, page, folder_list, forms):
    form = forms["folder_form"] = FolderForm(request.POST, folders=folder_list, prefix="folder")
    if not form.is_valid():
        return None
    made = services.make_folder(
        workspace=page,
        user=request.user,
        parent=form.cleaned_data["parent"],
        name=form.cleaned_data["name"],
    )
    messages.success(request, _("Der Ordner ist angelegt."))
    return redirect(_in_folder(page, made))


def _upload(request, page, folder_list, forms):
    form = forms["upload_form"] = UploadForm(
        request.POST, request.FILES, folders=folder_list, prefix="up", holder=request
    )
    if not form.is_valid():
        return None
    made = services.upload(
        workspace=page,
        user=request.user,
        files=form.cleaned_data["files"],
        folder=form.cleaned_data["folder"],
    )
    form.release_held()
    messages.success(
        request,
        ngettext("%(count)d Dokument hochgeladen.", "%(count)d Dokumente hochgeladen.", len(made))
        % {"count": len(made)},
    )
    return redirect(_in_folder(page, form.cleaned_data["folder"]))


def documents(request, page):
    _require_readable(request, page)
    folder_list = services.folders(page)
    current = _current_folder(request, folder_list)
    can_upload = rules.can_upload(request.user, page)
    forms = {
        "upload_form": UploadForm(folders=folder_list, initial={"folder": current.pk}, prefix="up"),
        "folder_form": FolderForm(
            folders=folder_list, initial={"parent": current.pk}, prefix="folder"
        ),
    }
    error, status = "", 200
    if request.method == "POST":
        require(can_upload, page)
        handle = _make_folder if "folder-name" in request.POST else _upload
        try:
            done = handle(request, page, folder_list, forms)
        except Refused as refused:
            done, error = None, refused.message
        if done:
            return done
        status = 400
    files = (
        get_document_model()
        .objects.filter(collection=current)
        .select_related("uploaded_by_user")
        .order_by("title")
    )
    subfolders = [
        f for f in folder_list if f.depth == current.depth + 1 and f.path.startswith(current.path)
    ]
    return TemplateResponse(
        request,
        "intranet/documents.html",
        context(
            request,
            page,
            folders=folder_list,
            current=current,
            subfolders=subfolders,
            files=files,
            can_upload=can_upload,
            error=error,
            **forms,
        ),
        status=status,
    )


def _document(page, pk):
    document = get_object_or_404(get_document_model(), pk=pk)
    if not page.collection_id or not services.in_workspace(page, document.collection):
        raise Http404
    return document


def versions_table(page, document):
    """Every version of the document with its date, author, note and download."""
    versions = document.versions.select_related("uploaded_by")
    columns = [_("Version"), _("Datum"), _("von"), _("Änderung"), _("Datei")]
    rows = []
    for version in versions:
        author = version.uploaded_by
        when = timezone.localtime(version.created_at)
        download = Cell(
            _("Version %(n)s herunterladen") % {"n": version.number},
            url=page.route_url("document_version", document.pk, version.number),
        )
        rows.append(
            [
                version.number,
                formats.date_format(when, "SHORT_DATETIME_FORMAT"),
                (author.get_full_name() or author.email) if author else "",
                version.note,
                download,
            ]
        )
    return Table(
        caption=_("Versionen"),
        columns=[Column(label) for label in columns],
        rows=rows,
        caption_id="versions-caption",
    )


def document(request, page, pk):
    _require_readable(request, page)
    current = _document(page, pk)
    form = VersionForm()
    error, status = "", 200
    if request.method == "POST":
        form = VersionForm(request.POST, request.FILES, holder=request)
        if form.is_valid():
            try:
                services.add_version(
                    workspace=page,
                    user=request.user,
                    document=current,
                    upload_file=form.cleaned_data["file"],
                    note=form.cleaned_data["note"],
                )
            except Refused as refused:
                error = refused.message
            else:
                form.release_held()
                messages.success(request, _("Die neue Version ist gespeichert."))
                return redirect(page.route_url("document", current.pk))
        status = 400
    return TemplateResponse(
        request,
        "intranet/document.html",
        context(
            request,
            page,
            document=current,
            versions=versions_table(page, current),
            folder=Collection.objects.get(pk=current.collection_id),
            form=form,
            can_upload=rules.can_upload(request.user, page),
            error=error,
        ),
        status=status,
    )


def document_version(request, page, pk, number):
    _require_readable(request, page)
    current = _document(page, pk)
    version = get_object_or_404(current.versions, number=number)
    return serve_private(request, version.file, version.filename)
