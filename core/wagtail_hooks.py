"""Admin avatars are private files (default storage, no URL): the admin shows them through
a view under /admin/, which only people with admin access reach."""

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from wagtail import hooks
from wagtail.users.models import UserProfile

from .files import serve_private


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
