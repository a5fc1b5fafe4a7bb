"""What people want to hear about, and messages waiting for a daily digest.

The kinds of notice are registered by the apps (`core.notifications.register_kind`); the
database keeps only their keys, so a new kind needs no migration here.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("sofort")
    DAILY = "daily", _("einmal am Tag gesammelt")
    NONE = "none", _("nie")


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=20)
    frequency = models.CharField(
        max_length=20, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="one_notification_preference_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind}: {self.frequency}"


class PendingNotification(models.Model):
    """A line for tomorrow's digest, already written in the recipient's language."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_notifications"
    )
    kind = models.CharField(max_length=20)
    text = models.TextField()
    url = models.URLField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]
