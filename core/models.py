"""What people want to hear about, and messages waiting for a daily digest.

The kinds of notice are registered by the apps (`core.notifications.register_kind`); the
database keeps only their keys, so a new kind needs no migration here.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .files import RandomName, private_storage


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
    # The heading the digest lists it under (the intranet: the workspace); empty: none.
    group = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


class DeletionReason(models.TextChoices):
    SELF = "self", _("von der Person selbst gelöscht")
    OFFICE = "office", _("vom Stadtteilbüro gelöscht")


class DeletionLog(models.Model):
    """That an account was deleted, and how much went with it: no name, no e-mail, no id of
    the person (DSGVO Art. 5 (2): the office can show that deletions happen)."""

    created_at = models.DateTimeField(_("gelöscht am"), auto_now_add=True, db_index=True)
    reason = models.CharField(
        _("Anlass"), max_length=20, choices=DeletionReason.choices, default=DeletionReason.SELF
    )
    counts = models.JSONField(_("Gelöscht oder anonymisiert"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Kontolöschung")
        verbose_name_plural = _("Protokoll der Kontolöschungen")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M}: {self.get_reason_display()}"

    def counts_text(self):
        return ", ".join(f"{key}: {value}" for key, value in sorted(self.counts.items()))

    counts_text.short_description = _("Gelöscht oder anonymisiert")


class RateLimitCounter(models.Model):
    """Attempts counted in the database while the cache (Redis) is unreachable
    (core.ratelimit). `key` is "<scope>:<who>" (an address or a keyed hash, never a typed
    code); `window` numbers the fixed time window. Purged after
    RATELIMIT_FALLBACK_RETENTION_DAYS (core.privacy purger)."""

    key = models.CharField(max_length=255)
    window = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["key", "window"], name="one_ratelimit_counter_per_window"
            )
        ]

    def __str__(self):
        return f"{self.key} @{self.window}: {self.count}"


class HeldUpload(models.Model):
    """A file that passed the upload check while its form did not complete (a preview, an
    added row, an error in another field): kept privately for the person's session until
    the form is saved or the holding period ends (core.holding, HELD_UPLOAD_HOURS)."""

    token = models.CharField(max_length=64, unique=True)
    # A hash of the session key, never the key itself.
    session = models.CharField(max_length=64, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    file = models.FileField(upload_to=RandomName("held"), storage=private_storage)
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Zwischengespeicherte Datei")
        verbose_name_plural = _("Zwischengespeicherte Dateien")

    def __str__(self):
        return self.name
