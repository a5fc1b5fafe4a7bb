"""Wagtail's image and document forms with the core upload check (see the settings
WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .uploads import ADMIN_DOCUMENT, ADMIN_IMAGE, check_field


class CheckedImageForm(BaseImageForm):
    """Images: type by content, pixel limit, EXIF/GPS removed, safe name."""

    def clean_file(self):
        return check_field(self.cleaned_data.get("file"), ADMIN_IMAGE)


class CheckedDocumentForm(BaseDocumentForm):
    """Documents: only office formats, PDF, text and photos, checked by content."""

    def clean_file(self):
        return check_field(self.cleaned_data.get("file"), ADMIN_DOCUMENT)
