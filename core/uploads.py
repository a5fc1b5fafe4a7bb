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


MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ATTACHMENT_TYPES = {
    # extension: magic bytes at the start of the file
    "pdf": (b"%PDF",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG",),
    "odt": (b"PK\x03\x04",),
    "docx": (b"PK\x03\x04",),
}


def validate_attachment(upload):
    """PDF, photos or office documents up to 10 MB; the content must match the extension."""
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("Die Datei ist zu groß (höchstens %(size)s)."),
            params={"size": filesizeformat(MAX_ATTACHMENT_BYTES)},
            code="too_large",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ATTACHMENT_TYPES:
        raise ValidationError(
            _("Bitte eine PDF-, JPEG-, PNG-, ODT- oder DOCX-Datei hochladen."), code="wrong_type"
        )
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(ATTACHMENT_TYPES[extension]):
        raise ValidationError(
            _("Der Inhalt der Datei passt nicht zu ihrer Endung."), code="wrong_content"
        )
