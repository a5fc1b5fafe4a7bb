"""The activity stream, and e-mail notices to the members of the workspace (only them)."""

from django.conf import settings

from core.notifications import notify

from ..models import Activity, Membership


def record(workspace, kind, text, url, actor=None, notify_members=True, notice="intranet", told=()):
    """An entry in the workspace's activity; its members are told (kind of notice
    `notice`: "intranet" waits for the daily digest by default) unless `notify_members`
    is False; `told`: people already told otherwise."""
    activity = Activity.objects.create(
        workspace=workspace, kind=kind, text=text[:300], url=url, actor=actor
    )
    if notify_members:
        members = Membership.objects.active().filter(workspace=workspace).select_related("user")
        skip = {person.pk for person in told if person is not None}
        for ms in members:
            if ms.user_id in skip:
                continue
            notify(
                ms.user,
                notice,
                lambda: f"{workspace.title}: {activity.text}",
                settings.SITE_URL + url,
                exclude=actor,
                title=workspace.title,
                group=workspace.title,
            )
    return activity


def visible_activity(user, workspaces):
    """Activity of the given workspaces (already filtered by what the person may see)."""
    return (
        Activity.objects.filter(workspace__in=workspaces)
        .select_related("workspace", "actor")
        .order_by("-created_at", "-pk")
    )
