from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from intranet.models import IntranetIndexPage, Membership
from intranet.services import meetings, workspaces
from portal.editorial import EDITORS
from tests.portal.factories import UserFactory, with_mfa


def intranet():
    return IntranetIndexPage.objects.get(locale__language_code="de")


def make_workspace(slug, **fields):
    fields.setdefault("title", f"Gremium {slug}")
    fields.setdefault("kind", "arbeitskreis")
    return workspaces.create_workspace(intranet(), slug=slug, **fields)


def add_member(workspace, user=None, role="member", voting=True, resident=False, **fields):
    user = user or UserFactory()
    Membership.objects.create(
        workspace=workspace,
        user=user,
        role=role,
        voting=voting if role != "guest" else False,
        resident=resident,
        start=fields.pop("start", timezone.localdate() - timedelta(days=30)),
        **fields,
    )
    return type(user).objects.get(pk=user.pk)  # fresh: groups and caches as in a new request


def office_editor():
    user = UserFactory()
    user.groups.add(Group.objects.get(name=EDITORS))
    return with_mfa(type(user).objects.get(pk=user.pk))


def make_meeting(workspace, chair, days=-7, items=("Bericht", "Beschlussvorlage"), **data):
    start = timezone.now() + timedelta(days=days)
    meeting = meetings.save_meeting(
        workspace=workspace,
        user=chair,
        data={
            "title": data.pop("title", "Sitzung"),
            "starts_at": start,
            "ends_at": start + timedelta(hours=2),
            **data,
        },
    )
    for title in items:
        meetings.add_item(meeting=meeting, user=chair, title=title)
    return meeting


def world(slug="a"):
    """A members-only workspace with a chair, a minute-taker, three voting members and a
    guest; returns (workspace, people)."""
    workspace = make_workspace(f"ws-{slug}")
    people = {
        "chair": add_member(workspace, role="chair"),
        "taker": add_member(workspace, role="minute_taker"),
        "m1": add_member(workspace, resident=True),
        "m2": add_member(workspace, resident=True),
        "m3": add_member(workspace),
        "guest": add_member(workspace, role="guest"),
    }
    return workspace, {key: type(u).objects.get(pk=u.pk) for key, u in people.items()}
