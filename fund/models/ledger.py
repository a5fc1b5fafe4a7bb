"""Every movement of money in a fund-year, in the order it happened."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a ledger entry does to the fund's money."""

    COMMIT = "commit", _("Bewilligung (gebunden)")
    RELEASE = "release", _("Freigabe nicht verbrauchter Mittel")
    PAY = "pay", _("Auszahlung")
    RECLAIM = "reclaim", _("Rückforderung")


COMMIT = Kind.COMMIT
RELEASE = Kind.RELEASE
PAY = Kind.PAY
RECLAIM = Kind.RECLAIM
KINDS = Kind.choices


class LedgerEntry(models.Model):
    Kind = Kind

    fund = models.ForeignKey("fund.Fund", on_delete=models.PROTECT, related_name="entries")
    application = models.ForeignKey(
        "fund.Application", on_delete=models.PROTECT, related_name="entries"
    )
    kind = models.CharField(max_length=10, choices=KINDS)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Buchung")
        verbose_name_plural = _("Buchungen")
        ordering = ["created_at", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="entry_positive")]

    def __str__(self):
        return f"{self.kind} {self.amount}"
