"""Notifications in the privacy registry: preferences and digest lines (core/privacy.py)."""

from .. import privacy
from ..models import NotificationPreference, PendingNotification


def export(user):
    return privacy.Export(
        {
            "preferences": [
                {"kind": p.kind, "frequency": p.frequency}
                for p in NotificationPreference.objects.filter(user=user).order_by("kind")
            ],
            "pending_digest": [
                {
                    "kind": n.kind,
                    "group": n.group,
                    "text": n.text,
                    "url": n.url,
                    "created_at": n.created_at,
                }
                for n in PendingNotification.objects.filter(user=user)
            ],
        }
    )


def erase(user):
    return {
        "preferences": NotificationPreference.objects.filter(user=user).delete()[0],
        "pending": PendingNotification.objects.filter(user=user).delete()[0],
    }


def purge_pending(now):
    """Digest lines never sent (e.g. the person chose "nie" afterwards)."""
    expired = PendingNotification.objects.filter(
        created_at__lt=privacy.cutoff(now, "NOTIFICATION_RETENTION_DAYS")
    )
    return expired.delete()[0]


def register():
    privacy.register_exporter("notifications", export)
    privacy.register_eraser("notifications", erase)
    privacy.register_purger("notifications.pending", "NOTIFICATION_RETENTION_DAYS", purge_pending)
