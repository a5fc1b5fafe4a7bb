"""What people want to hear about, and messages waiting for a daily digest."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

KINDS = [
    ("state", _("Änderungen am Stand meiner Vorschläge")),
    ("comments", _("Neue Kommentare zu meinen Vorschlägen")),
    ("follows", _("Neuigkeiten zu Vorschlägen, denen ich folge")),
    ("reports", _("Neue Meldungen (für die Moderation)")),
    ("intranet", _("Neues aus meinen Arbeitsbereichen im Intranet")),
]
FREQUENCIES = [
    ("immediate", _("sofort")),
    ("daily", _("einmal am Tag gesammelt")),
    ("none", _("nie")),
]


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=20, choices=KINDS)
    frequency = models.CharField(max_length=20, choices=FREQUENCIES, default="immediate")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind}: {self.frequency}"


class PendingNotification(models.Model):
    """A line for tomorrow's digest, already written in the recipient's language."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_notifications"
    )
    kind = models.CharField(max_length=20, choices=KINDS)
    text = models.TextField()
    url = models.URLField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]
