"""What happened in a workspace: the activity stream and the source of e-mail notices."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    MEETING = "meeting", _("Sitzung")
    MINUTES = "minutes", _("Protokoll")
    DECISION = "decision", _("Beschluss")
    DOCUMENT = "document", _("Dokument")
    TASK = "task", _("Aufgabe")
    CIRCULATION = "circulation", _("Umlaufverfahren")
    MEMBERSHIP = "membership", _("Mitgliedschaft")


KINDS = ActivityKind.choices  # the name callers used before the choices existed


class Activity(models.Model):
    Kind = ActivityKind

    workspace = models.ForeignKey(
        "intranet.WorkspacePage", on_delete=models.CASCADE, related_name="activities"
    )
    kind = models.CharField(max_length=20, choices=ActivityKind.choices)
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Aktivität")
        verbose_name_plural = _("Aktivitäten")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["workspace", "-created_at"])]

    def __str__(self):
        return self.text
