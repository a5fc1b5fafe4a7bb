"""Shared documents: folders, multi-file upload, versions, downloads of older versions."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.documents import get_document_model
from wagtail.models import Collection

from .. import rules
from ..forms import FolderForm, UploadForm, VersionForm
from ..services import documents as services
from ..services.meetings import NotAllowed, Refused
from .common import context, guard_workspace, not_allowed


def _readable(request, page):
    """The workspace's page privacy and its collection's privacy must both admit the person."""
    denied = guard_workspace(request, page)
    if denied:
        return denied
    if not page.collection_id or not rules.collection_allows(request.user, page.collection):
        raise Http404
    return None


def documents(request, page):
    denied = _readable(request, page)
    if denied:
        return denied
    folder_list = services.folders(page)
    current = folder_list[0]
    if request.GET.get("ordner"):
        current = next((f for f in folder_list if str(f.pk) == request.GET["ordner"]), None)
        if current is None:
            raise Http404
    can_upload = rules.can_upload(request.user, page)
    upload_form = UploadForm(folders=folder_list, initial={"folder": current.pk}, prefix="up")
    folder_form = FolderForm(folders=folder_list, initial={"parent": current.pk}, prefix="folder")
    error, status = "", 200
    if request.method == "POST":
        if not can_upload:
            return not_allowed(request, page, can_upload)
        try:
            if "folder-name" in request.POST:
                folder_form = FolderForm(request.POST, folders=folder_list, prefix="folder")
                if folder_form.is_valid():
                    made = services.make_folder(
                        workspace=page,
                        user=request.user,
                        parent=folder_form.cleaned_data["parent"],
                        name=folder_form.cleaned_data["name"],
                    )
                    messages.success(request, _("Der Ordner ist angelegt."))
                    return redirect(page.url + f"dokumente/?ordner={made.pk}")
            else:
                upload_form = UploadForm(
                    request.POST, request.FILES, folders=folder_list, prefix="up"
                )
                if upload_form.is_valid():
                    made = services.upload(
                        workspace=page,
                        user=request.user,
                        files=upload_form.cleaned_data["files"],
                        folder=upload_form.cleaned_data["folder"],
                    )
                    messages.success(
                        request,
                        ngettext(
                            "%(count)d Dokument hochgeladen.",
                            "%(count)d Dokumente hochgeladen.",
                            len(made),
                        )
                        % {"count": len(made)},
                    )
                    return redirect(
                        page.url + f"dokumente/?ordner={upload_form.cleaned_data['folder'].pk}"
                    )
        except NotAllowed as refused:
            return not_allowed(request, page, refused.decision)
        except Refused as refused:
            error = refused.message
        status = 400
    files = (
        get_document_model()
        .objects.filter(collection=current)
        .select_related("uploaded_by_user")
        .order_by("title")
    )
    return TemplateResponse(
        request,
        "intranet/documents.html",
        context(
            request,
            page,
            folders=folder_list,
            current=current,
            subfolders=[
                f
                for f in folder_list
                if f.depth == current.depth + 1 and f.path.startswith(current.path)
            ],
            files=files,
            upload_form=upload_form,
            folder_form=folder_form,
            can_upload=can_upload,
            error=error,
        ),
        status=status,
    )


def _document(page, pk):
    document = get_object_or_404(get_document_model(), pk=pk)
    if not page.collection_id or not services.in_workspace(page, document.collection):
        raise Http404
    return document


def document(request, page, pk):
    denied = _readable(request, page)
    if denied:
        return denied
    current = _document(page, pk)
    can_upload = rules.can_upload(request.user, page)
    form = VersionForm()
    error, status = "", 200
    if request.method == "POST":
        form = VersionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.add_version(
                    workspace=page,
                    user=request.user,
                    document=current,
                    upload_file=form.cleaned_data["file"],
                    note=form.cleaned_data["note"],
                )
            except NotAllowed as refused:
                return not_allowed(request, page, refused.decision)
            except Refused as refused:
                error = refused.message
            else:
                messages.success(request, _("Die neue Version ist gespeichert."))
                return redirect(page.url + f"dokumente/{current.pk}/")
        status = 400
    return TemplateResponse(
        request,
        "intranet/document.html",
        context(
            request,
            page,
            document=current,
            versions=current.versions.select_related("uploaded_by"),
            folder=Collection.objects.get(pk=current.collection_id),
            form=form,
            can_upload=can_upload,
            error=error,
        ),
        status=status,
    )


def document_version(request, page, pk, number):
    denied = _readable(request, page)
    if denied:
        return denied
    current = _document(page, pk)
    version = get_object_or_404(current.versions, number=number)
    response = FileResponse(version.file.open("rb"), as_attachment=True, filename=version.filename)
    response["Cache-Control"] = "private, no-store"
    return response
