"""What the intranet offers the apps above it (the fund). Nothing else of the intranet may be
imported from outside it (import-linter contract in pyproject.toml); signals going back are
in `intranet.signals_public`.

The fund puts applications on a jury's agenda (and takes them off again when a meeting is
cancelled or moved: `signals_public.meeting_rescheduled`), flags members who are the
applicant, records the jury's vote on them, starts decisions by circulation and asks the
jury's rules who may do so.
"""

from django.utils import timezone

from .models import Meeting, WorkspacePage
from .rules import (
    can_manage_meetings,
    can_record_proceedings,
    can_start_circulation,
    can_view_workspace,
)
from .services.attendance import flag_conflict, item_quorum, voting_members
from .services.circulation import start as start_circulation
from .services.meetings import append_item, drop_item
from .services.minutes import record_decision

__all__ = [
    "Meeting",
    "WorkspacePage",
    "append_item",
    "can_manage_meetings",
    "can_record_decision",
    "can_start_circulation",
    "can_view_workspace",
    "circulation_url",
    "drop_item",
    "flag_conflict",
    "item_quorum",
    "meeting_url",
    "record_decision",
    "start_circulation",
    "upcoming_meetings",
    "voting_members",
]


def upcoming_meetings(workspace, after=None):
    """The body's meetings after `after` (default: now) that are not cancelled, soonest first."""
    return (
        Meeting.objects.filter(workspace=workspace, starts_at__gt=after or timezone.now())
        .exclude(state=Meeting.State.CANCELLED)
        .order_by("starts_at")
    )


def can_record_decision(user, meeting):
    """Whether `record_decision` lets `user` record a vote in `meeting`'s minutes: the rule
    that service checks (chair, minute-taker or office; minutes still a draft; the meeting
    has begun)."""
    return can_record_proceedings(user, meeting)


def meeting_url(meeting):
    """The meeting's page in its workspace (items are anchored `#top-<position>`)."""
    return meeting.get_absolute_url()


def circulation_url(circulation):
    """The page where the jury votes on a circulation."""
    return circulation.get_absolute_url()
