from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def close_deletion_requests(sender, instance, **kwargs):
    """Deleting an account fulfils its open deletion request."""
    instance.deletion_requests.filter(completed_at__isnull=True).update(completed_at=timezone.now())
