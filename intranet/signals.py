"""Membership changes, however they are made (front end, admin, shell), update groups."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Membership


@receiver([post_save, post_delete], sender=Membership)
def membership_changed(sender, instance, **kwargs):
    from .services.workspaces import sync_user

    user = instance.user
    sync_user(user)
