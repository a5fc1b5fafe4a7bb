"""Admin screens of the kernel: the read-only log of account deletions, and admin avatars
(private files, default storage, no URL) shown through a view under /admin/, which only
people with admin access reach."""

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.users.models import UserProfile

from .files import serve_private
from .models import DeletionLog


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Only viewing: nobody adds, changes or deletes log entries, not even a superuser."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class DeletionLogViewSet(ModelViewSet):
    model = DeletionLog
    url_namespace = "core_deletionlog"
    menu_label = _("Kontolöschungen")
    icon = "bin"
    add_to_admin_menu = False
    list_display = ["created_at", "reason", "counts_text"]
    list_filter = ["reason"]
    form_fields = ["reason"]
    inspect_view_enabled = True
    inspect_view_fields = ["created_at", "reason", "counts_text"]

    @property
    def permission_policy(self):
        return ReadOnlyPolicy(self.model)


deletion_log_viewset = DeletionLogViewSet("deletion_log")


@hooks.register("register_admin_viewset")
def register_deletion_log_viewset():
    return deletion_log_viewset


@hooks.register("register_settings_menu_item")
def register_deletion_log_menu_item():
    return deletion_log_viewset.get_menu_item()


def avatar(request, user_id):
    profile = get_object_or_404(UserProfile, user_id=user_id)
    return serve_private(request, profile.avatar, profile.avatar.name, inline_ok=True)


@hooks.register("register_admin_urls")
def avatar_urls():
    return [path("avatar/<int:user_id>/", avatar, name="core_avatar")]


@hooks.register("get_avatar_url")
def private_avatar_url(user, size):
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return reverse("core_avatar", args=[user.pk])
    return None
