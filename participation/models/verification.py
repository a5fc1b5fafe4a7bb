"""Who lives in the area: the street list and each person's verification record.

A record says how residency was established (at the office or by self-declaration), when and
by whom. It never holds copies or numbers of identity documents.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Street(models.Model):
    """A street of the area; staff keep the list, residents choose from it."""

    name = models.CharField(_("Straße"), max_length=120, unique=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("Straße im Gebiet")
        verbose_name_plural = _("Straßen im Gebiet")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.postcode})" if self.postcode else self.name


class VerificationMethod(models.TextChoices):
    OFFICE = "office", _("im Stadtteilbüro bestätigt")
    SELF = "self", _("selbst erklärt")


class ResidentVerification(models.Model):
    Method = VerificationMethod
    # The old names, kept for callers.
    OFFICE = Method.OFFICE
    SELF = Method.SELF
    METHODS = Method.choices

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="resident_verification",
    )
    method = models.CharField(_("Art der Bestätigung"), max_length=10, choices=Method.choices)
    age_16 = models.BooleanField(_("mindestens 16 Jahre alt"), default=False)
    street = models.ForeignKey(
        Street,
        verbose_name=_("Straße"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bestätigt durch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("bestätigt am"), default=timezone.now)

    class Meta:
        verbose_name = _("Bestätigung als Bewohner*in")
        verbose_name_plural = _("Bestätigungen als Bewohner*in")
        permissions = [("verify_resident", _("Bewohner*innen bestätigen"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(method=VerificationMethod.OFFICE)
                | models.Q(street__isnull=False),
                name="self_declaration_names_a_street",
            )
        ]

    def __str__(self):
        return f"{self.user_id}: {self.get_method_display()}"

    @property
    def is_office_verified(self):
        return self.method == self.OFFICE
