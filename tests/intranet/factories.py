"""Intranet test data, made through the intranet's own services: the entry page under the
German home page, workspaces (with their groups, collection and privacy), members,
meetings, documents, tasks, and the public page of the bodies."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from intranet.models import BodiesPage, IntranetIndexPage, Membership, WorkspacePage
from intranet.services import documents, meetings, members, minutes, tasks, workspaces
from portal.editorial import EDITORS
from portal.models import HomePage
from tests.portal.factories import UserFactory, with_mfa


def home():
    return HomePage.objects.get(locale__language_code="de")


def intranet():
    """The intranet's entry page (made, protected and published on first use)."""
    index = IntranetIndexPage.objects.filter(locale__language_code="de").first()
    return index or workspaces.ensure_intranet(home())


def public_bodies():
    """The public page of the bodies ("Gremien", /de/gremien/), made on first use."""
    page = BodiesPage.objects.child_of(home()).first()
    if page is None:
        page = BodiesPage(title="Gremien", slug="gremien", intro="Wer im Stadtteil mitentscheidet.")
        home().add_child(instance=page)
        page.save_revision().publish()
    return page


def synchronise_language_trees():
    """Aliases of the German pages in the other language trees, as the site keeps them (made
    in the admin by wagtail-localize; here on demand), with the intranet's privacy."""
    from portal.setup import ensure_locales, synchronise_language_trees

    synchronise_language_trees(ensure_locales())
    workspaces.protect_intranet(intranet())
    for workspace in WorkspacePage.objects.filter(locale__language_code="de"):
        workspaces.sync_privacy(workspace)


def make_workspace(slug, **fields):
    fields.setdefault("title", f"Gremium {slug}")
    fields.setdefault("kind", WorkspacePage.Kind.WORKING_GROUP)
    return workspaces.create_workspace(intranet(), slug=slug, **fields)


def add_member(workspace, user=None, role=Membership.Role.MEMBER, voting=True, **fields):
    """A member since 30 days (unless `start` is given); returns the person, fresh from the
    database (groups and caches as in a new request)."""
    user = user or UserFactory()
    fields.setdefault("start", timezone.localdate() - timedelta(days=30))
    members.enrol(
        workspace, user, role=role, voting=voting and role != Membership.Role.GUEST, **fields
    )
    return type(user).objects.get(pk=user.pk)


def office_editor():
    """Someone of the office (group "Redaktion"): sees every workspace."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name=EDITORS))
    return with_mfa(type(user).objects.get(pk=user.pk))


def make_meeting(workspace, chair, days=-7, items=("Bericht", "Beschlussvorlage"), **data):
    """A meeting `days` from now (two hours long) with the given agenda."""
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


def write_minutes(item, user, summary, public_summary=""):
    """The minutes of one agenda item, as the minute-taker writes them."""
    return minutes.write_item_minutes(
        item=item, user=user, summary=summary, public_summary=public_summary
    )


def upload(workspace, user, name="notiz.txt", content=b"Inhalt"):
    """One document uploaded into the workspace's main folder."""
    (document,) = documents.upload(
        workspace=workspace, user=user, files=[ContentFile(content, name=name)]
    )
    return document


def make_task(workspace, chair, assignee, title="Aufgabe", due=None, item=None):
    return tasks.add_action_item(
        workspace=workspace,
        user=chair,
        item=item,
        title=title,
        assignee=assignee,
        due=due or timezone.localdate(),
    )


def world(slug="a"):
    """A members-only workspace with a chair, a minute-taker, three voting members (two of
    them residents) and a guest; returns (workspace, people)."""
    workspace = make_workspace(f"ws-{slug}")
    Role = Membership.Role
    people = {
        "chair": add_member(workspace, role=Role.CHAIR),
        "taker": add_member(workspace, role=Role.MINUTE_TAKER),
        "m1": add_member(workspace, resident=True),
        "m2": add_member(workspace, resident=True),
        "m3": add_member(workspace),
        "guest": add_member(workspace, role=Role.GUEST),
    }
    return workspace, people
