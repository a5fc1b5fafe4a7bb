"""Membership of a body: who joins, in which role, and when a term ends. The person's groups
(and so what Wagtail lets them see) follow every change (`intranet.signals`)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.refusals import require

from .. import rules
from ..models import Activity, Membership
from .activity import record


@transaction.atomic
def enrol(workspace, person, **fields):
    """A membership for callers that need no rule checked (the demo data, tests); `fields`
    are role, voting, resident, editor, start and end as in `Membership`."""
    return Membership.objects.create(workspace=workspace, user=person, **fields)


def _name(person):
    return person.get_full_name() or person.email


@transaction.atomic
def save_membership(*, workspace, user, membership):
    """The chair (or the office) takes someone in or changes a membership; `membership` is
    the unsaved instance a form filled in."""
    require(rules.can_manage_members(user, workspace))
    created = membership.pk is None
    membership.workspace = workspace
    membership.save()
    if created:
        record(
            workspace,
            Activity.Kind.MEMBERSHIP,
            _("Neues Mitglied: %(name)s") % {"name": _name(membership.user)},
            workspace.route_url("members"),
            user,
            notify_members=False,
        )
    return membership


@transaction.atomic
def end_membership(*, membership, user):
    """The term ends today (or on its first day, if it has not begun yet)."""
    workspace = membership.workspace
    require(rules.can_manage_members(user, workspace))
    membership.end = max(timezone.localdate(), membership.start)
    membership.save()
    record(
        workspace,
        Activity.Kind.MEMBERSHIP,
        _("Mitgliedschaft beendet: %(name)s") % {"name": _name(membership.user)},
        workspace.route_url("members"),
        user,
        notify_members=False,
    )
    return membership
