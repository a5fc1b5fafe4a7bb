"""Checks for files residents upload."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_IMAGE_BYTES = 5 * 1024 * 1024
IMAGE_TYPES = {"JPEG", "PNG", "WEBP"}


def validate_image_upload(upload):
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("Das Bild ist zu groß (höchstens %(size)s)."),
            params={"size": filesizeformat(MAX_IMAGE_BYTES)},
            code="too_large",
        )
    image = getattr(upload, "image", None)
    kind = getattr(image, "format", None)
    if kind is not None and kind not in IMAGE_TYPES:
        raise ValidationError(
            _("Bitte ein Foto als JPEG, PNG oder WebP hochladen."), code="wrong_type"
        )
