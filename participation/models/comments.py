"""Comments on proposals (one level of replies) and reports of proposals or comments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Comment(models.Model):
    proposal = models.ForeignKey(
        "participation.Proposal", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Antwort auf"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Verfasser*in"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="proposal_comments",
    )
    text = models.TextField(_("Kommentar"), max_length=3000)
    official = models.BooleanField(_("Antwort des Stadtteilbüros"), default=False)
    hidden = models.BooleanField(_("ausgeblendet"), default=False)
    hidden_reason = models.CharField(_("Grund für das Ausblenden"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("geschrieben"), auto_now_add=True)
    edited_at = models.DateTimeField(_("bearbeitet"), null=True, blank=True)

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["proposal", "hidden"])]

    def __str__(self):
        return self.text[:60]


class Report(models.Model):
    """Someone reports a proposal or a comment. Exactly one of the two is set."""

    proposal = models.ForeignKey(
        "participation.Proposal",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("Grund"), max_length=500)
    created_at = models.DateTimeField(_("gemeldet"), auto_now_add=True)
    resolved = models.BooleanField(_("erledigt"), default=False)

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        ordering = ["resolved", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(proposal__isnull=False, comment__isnull=True)
                    | models.Q(proposal__isnull=True, comment__isnull=False)
                ),
                name="report_targets_one_thing",
            ),
            models.UniqueConstraint(
                fields=["reporter", "proposal"],
                condition=models.Q(proposal__isnull=False),
                name="one_report_per_person_and_proposal",
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=models.Q(comment__isnull=False),
                name="one_report_per_person_and_comment",
            ),
        ]

    def __str__(self):
        return self.reason[:60]

    @property
    def target(self):
        return self.proposal or self.comment


class Block(models.Model):
    """A person blocked from taking part (commenting, proposing, supporting)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participation_block"
    )
    reason = models.CharField(_("Grund"), max_length=300)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Sperre")
        verbose_name_plural = _("Sperren")

    def __str__(self):
        return str(self.user)
