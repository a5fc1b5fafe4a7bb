"""Downloads of an application's files: receipts (applicants and office only) and settlement
photos (public once the action is funded and photos may be published; see rules)."""

from django.shortcuts import get_object_or_404

from core.files import serve_private
from core.refusals import require

from .. import rules
from .common import application_of


def receipt_file(request, page, pk, receipt):
    _fund, application = application_of(request, page, pk)
    receipt = get_object_or_404(application.receipts, pk=receipt)
    require(rules.can_view_receipts(request.user, application), page)
    name = receipt.original_name or f"beleg-{receipt.date:%Y-%m-%d}-{receipt.pk}"
    return serve_private(request, receipt.file, name, inline_ok=True)


def photo_file(request, page, pk, photo):
    _fund, application = application_of(request, page, pk)
    photo = get_object_or_404(application.photos, pk=photo)
    require(rules.can_view_photo(request.user, photo), page)
    return serve_private(request, photo.image, photo.image.name, inline_ok=True)
