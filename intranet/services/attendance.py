"""Who was at a meeting, who declared a conflict of interest, and so whether the meeting
could decide on an item (the quorum)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.refusals import Refused, require

from .. import bodies, rules
from ..models import Attendance, ConflictOfInterest, Meeting
from ..models.membership import Membership


def members_at(workspace, day):
    """The body's members on `day`, with their accounts."""
    return Membership.objects.active(day).filter(workspace=workspace).select_related("user")


@transaction.atomic
def record_attendance(*, meeting, user, statuses, guests=()):
    """statuses: {user id: present|excused|absent} for members; guests: names (the whole
    list: names left out are removed). Only once the meeting has begun."""
    require(rules.can_record_proceedings(user, meeting))
    allowed = {ms.user_id for ms in members_at(meeting.workspace, meeting.starts_at.date())}
    for person_id, status in statuses.items():
        if person_id not in allowed or status not in Attendance.Status.values:
            raise Refused(_("Diese Anwesenheit passt nicht zu den Mitgliedern des Gremiums."))
        Attendance.objects.update_or_create(
            meeting=meeting, user_id=person_id, defaults={"status": status}
        )
    Attendance.objects.filter(meeting=meeting, user__isnull=True, former_member=False).delete()
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, guest_name=name.strip()[:120], status=Attendance.Status.PRESENT)
        for name in guests
        if name.strip()
    )
    upcoming = (Meeting.State.PLANNED, Meeting.State.INVITED)
    if meeting.state in upcoming and meeting.starts_at <= timezone.now():
        meeting.state = Meeting.State.HELD
        meeting.save(update_fields=["state", "updated_at"])


@transaction.atomic
def declare_conflict(*, item, user, conflicted=True):
    """The person declares (or withdraws) a conflict of interest for one agenda item."""
    require(rules.can_declare_conflict(user, item))
    if conflicted:
        ConflictOfInterest.objects.update_or_create(
            item=item, user=user, defaults={"confirmed": True}
        )
        return
    found = ConflictOfInterest.objects.filter(item=item, user=user, confirmed=True)
    if found.exclude(reason="").exists():
        raise Refused(
            _(
                "Diese Befangenheit wurde aus dem Antrag festgestellt; streichen können sie "
                "Vorsitz, Protokollführung und Stadtteilbüro in der Sitzung."
            )
        )
    ConflictOfInterest.objects.filter(item=item, user=user).delete()


@transaction.atomic
def record_conflict(*, item, user, member, conflicted=True):
    """The chair, the minute-taker or the office records a conflict of interest a voting
    member announced at the table (or takes it back)."""
    require(rules.can_record_conflict(user, item))
    meeting = item.meeting
    if not any(
        ms.user_id == member.pk and ms.voting
        for ms in members_at(meeting.workspace, meeting.starts_at.date())
    ):
        raise Refused(_("Befangenheit erklären stimmberechtigte Mitglieder des Gremiums."))
    if conflicted:
        # Also how the chair confirms a conflict the fund suspected from a name.
        ConflictOfInterest.objects.update_or_create(
            item=item, user=member, defaults={"recorded_by": user, "confirmed": True}
        )
    else:
        ConflictOfInterest.objects.filter(item=item, user=member).delete()


def flag_conflict(*, item, member, reason, confirmed):
    """A conflict found by the fund (the member is the applicant or named in the
    application), for callers that checked their own rules. `confirmed`: out of the vote at
    once; otherwise flagged for the chair. Never overrides what is already recorded."""
    ConflictOfInterest.objects.get_or_create(
        item=item, user=member, defaults={"reason": reason[:300], "confirmed": confirmed}
    )


def voting_members(workspace, day):
    """The accounts of the body's voting members on `day`."""
    return [ms.user for ms in members_at(workspace, day).filter(voting=True)]


@dataclass(frozen=True)
class MeetingVoters:
    """Who could vote at a meeting, and who of them was there (the same for every item)."""

    voting: frozenset
    present: frozenset


def meeting_voters(meeting):
    voting = frozenset(
        ms.user_id
        for ms in members_at(meeting.workspace, meeting.starts_at.date()).filter(voting=True)
    )
    present = frozenset(
        Attendance.objects.filter(
            meeting=meeting, status=Attendance.Status.PRESENT, user_id__in=voting
        ).values_list("user_id", flat=True)
    )
    return MeetingVoters(voting, present)


@dataclass(frozen=True)
class ItemQuorum:
    quorum: bodies.Quorum
    voting_members: int
    voting_present: int
    conflicted: int


def item_quorum(item, voters=None):
    """The item's quorum; pass `voters` (meeting_voters) when counting several items."""
    workspace = item.meeting.workspace
    voters = voters or meeting_voters(item.meeting)
    voting, present = voters.voting, voters.present
    conflicted = {c.user_id for c in item.conflicts.all() if c.confirmed and c.user_id in voting}
    result = bodies.quorum(
        workspace.quorum_rule,
        voting_members=len(voting),
        voting_present=len(present),
        conflicted_members=len(conflicted),
        conflicted_present=len(conflicted & present),
        fixed=workspace.quorum_count,
    )
    return ItemQuorum(result, len(voting), len(present), len(conflicted))
