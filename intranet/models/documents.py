"""Shared documents are Wagtail documents in the workspace's collection (whose privacy Wagtail
enforces); what Wagtail does not keep, we do: every version's file, and the extracted text."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.files import RandomName, private_storage


class DocumentVersion(models.Model):
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("Version"))
    # Private, under a random name; the uploaded name is kept in `original_name`.
    file = models.FileField(
        _("Datei"),
        upload_to=RandomName("intranet/versions", keep_in="original_name"),
        storage=private_storage,
    )
    original_name = models.CharField(_("Dateiname"), max_length=255, blank=True)
    file_size = models.PositiveBigIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("Was hat sich geändert?"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Dokumentversion")
        verbose_name_plural = _("Dokumentversionen")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.document_id} v{self.number}"

    @property
    def filename(self):
        return self.original_name or self.file.name.rsplit("/", 1)[-1]


class DocumentText(models.Model):
    """Text extracted from a document's current file (PDF, DOCX, ODT, plain text)."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted"
    )
    text = models.TextField(blank=True)
    # PostgreSQL: the German full-text vector of title and text, GIN-indexed (migration 0002).
    search_vector = SearchVectorField(null=True, editable=False)
    version = models.PositiveIntegerField(default=1)
    extracted_at = models.DateTimeField(auto_now=True)
    error = models.CharField(max_length=300, blank=True)

    def __str__(self):
        return f"{self.document_id}: {len(self.text)} characters"
