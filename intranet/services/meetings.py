"""Meetings: agenda, invitations, attendance, conflicts of interest, decisions, minutes."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.refusals import NotAllowed, Refused, require  # noqa: F401 - re-exported
from core.tasks import send_email

from .. import bodies, rules
from ..calendar import meeting_calendar
from ..models import (
    ActionItem,
    AgendaItem,
    Attendance,
    ConflictOfInterest,
    Decision,
    Meeting,
    MinutesComment,
)
from ..models import meetings as m
from ..models.membership import Membership
from .activity import record


def absolute(url):
    return settings.SITE_URL + url


def meeting_url(meeting):
    return meeting.workspace.url + f"sitzungen/{meeting.pk}/"


# --- meetings and agenda ------------------------------------------------------------------


@transaction.atomic
def save_meeting(*, workspace, user, data, meeting=None):
    require(rules.can_manage_meetings(user, workspace))
    created = meeting is None
    meeting = meeting or Meeting(workspace=workspace, created_by=user)
    for field, value in data.items():
        setattr(meeting, field, value)
    meeting.save()
    if created:
        record(
            workspace,
            "meeting",
            _("Neue Sitzung: %(title)s") % {"title": meeting.title},
            meeting_url(meeting),
            user,
        )
    return meeting


@transaction.atomic
def add_item(*, meeting, user, title, description="", public=True, documents=()):
    require(rules.can_manage_meetings(user, meeting.workspace))
    item = append_item(meeting, title=title, description=description, public=public)
    item.documents.set(documents)
    return item


def append_item(meeting, **fields):
    """An item at the end of the agenda, for callers that checked their own rules (the fund
    puts complete applications on the jury's agenda)."""
    position = (meeting.items.aggregate(top=Max("position"))["top"] or 0) + 1
    return AgendaItem.objects.create(meeting=meeting, position=position, **fields)


@transaction.atomic
def move_item(*, item, user, up):
    require(rules.can_manage_meetings(user, item.meeting.workspace))
    items = list(item.meeting.items.order_by("position"))
    index = items.index(item)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    # Two steps around the unique (meeting, position) constraint.
    for number, entry in enumerate(items, start=1):
        AgendaItem.objects.filter(pk=entry.pk).update(position=number + 1000)
    for number, entry in enumerate(items, start=1):
        AgendaItem.objects.filter(pk=entry.pk).update(position=number)


def members_at(workspace, day):
    return Membership.objects.active(day).filter(workspace=workspace).select_related("user")


@transaction.atomic
def send_invitation(*, meeting, user):
    require(rules.can_send_invitation(user, meeting))
    return _invite(meeting, user)


def invitation_due(meeting):
    """When the invitation goes out by itself: the body's lead time before the meeting."""
    from datetime import timedelta

    return meeting.starts_at - timedelta(days=meeting.workspace.invitation_days)


def send_due_invitations(moment=None):
    """Daily: invite to planned meetings whose lead time has begun (nobody invited yet)."""
    moment = moment or timezone.now()
    sent = 0
    planned = Meeting.objects.filter(
        state=m.PLANNED, invited_at__isnull=True, starts_at__gt=moment
    ).select_related("workspace")
    for meeting in planned:
        if invitation_due(meeting) <= moment:
            with transaction.atomic():
                _invite(meeting, None)
            sent += 1
    return sent


def _invite(meeting, user, cancelled=False):
    url = absolute(meeting_url(meeting))
    ics = meeting_calendar(meeting, url)
    recipients = 0
    for ms in members_at(meeting.workspace, meeting.starts_at.date()):
        person = ms.user
        if not person.is_active or not person.email:
            continue
        with translation.override(person.language or "de"):
            body = render_to_string(
                "intranet/email/invitation.txt",
                {"meeting": meeting, "url": url, "person": person, "cancelled": cancelled},
            )
            subject = (
                _("Abgesagt: %(body)s, %(date)s")
                if cancelled
                else _("Einladung: %(body)s, %(date)s")
            ) % {
                "body": meeting.workspace.title,
                "date": timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y %H:%M"),
            }
        send_email.enqueue(
            subject=subject,
            body=body,
            recipients=[person.email],
            attachments=[("sitzung.ics", ics, "text/calendar")],
        )
        recipients += 1
    if cancelled:
        return recipients
    meeting.state = m.INVITED
    meeting.invited_at = timezone.now()
    meeting.save(update_fields=["state", "invited_at", "updated_at"])
    record(
        meeting.workspace,
        "meeting",
        _("Einladung verschickt: %(title)s") % {"title": meeting.title},
        meeting_url(meeting),
        user,
    )
    return recipients


@transaction.atomic
def cancel_meeting(*, meeting, user):
    """Cancel an upcoming meeting; members who were invited get a cancellation with an
    updated calendar entry."""
    require(rules.can_send_invitation(user, meeting))
    was_invited = meeting.invited_at is not None
    meeting.state = m.CANCELLED
    meeting.save(update_fields=["state", "updated_at"])
    if was_invited:
        _invite(meeting, user, cancelled=True)
    record(
        meeting.workspace,
        "meeting",
        _("Sitzung abgesagt: %(title)s") % {"title": meeting.title},
        meeting_url(meeting),
        user,
        notify_members=not was_invited,
    )


# --- attendance, conflicts, quorum --------------------------------------------------------


@transaction.atomic
def record_attendance(*, meeting, user, statuses, guests=()):
    """statuses: {user id: present|excused|absent} for members; guests: names."""
    require(rules.can_edit_minutes(user, meeting))
    allowed = {ms.user_id for ms in members_at(meeting.workspace, meeting.starts_at.date())}
    for person_id, status in statuses.items():
        if person_id not in allowed or status not in dict(m.ATTENDANCE):
            raise Refused(_("Diese Anwesenheit passt nicht zu den Mitgliedern des Gremiums."))
        Attendance.objects.update_or_create(
            meeting=meeting, user_id=person_id, defaults={"status": status}
        )
    Attendance.objects.filter(meeting=meeting, user__isnull=True).delete()
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, guest_name=name.strip()[:120], status=m.PRESENT)
        for name in guests
        if name.strip()
    )
    if meeting.state in (m.PLANNED, m.INVITED) and meeting.starts_at <= timezone.now():
        meeting.state = m.HELD
        meeting.save(update_fields=["state", "updated_at"])


def declare_conflict(*, item, user, conflicted=True):
    require(rules.can_declare_conflict(user, item))
    if conflicted:
        ConflictOfInterest.objects.get_or_create(item=item, user=user)
    else:
        ConflictOfInterest.objects.filter(item=item, user=user).delete()


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
            meeting=meeting, status=m.PRESENT, user_id__in=voting
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
    conflicted = {c.user_id for c in item.conflicts.all() if c.user_id in voting}
    result = bodies.quorum(
        workspace.quorum_rule,
        voting_members=len(voting),
        voting_present=len(present),
        conflicted_members=len(conflicted),
        conflicted_present=len(conflicted & present),
        fixed=workspace.quorum_count,
    )
    return ItemQuorum(result, len(voting), len(present), len(conflicted))


@transaction.atomic
def record_decision(*, item, user, text, yes, no, abstain):
    meeting = item.meeting
    require(rules.can_edit_minutes(user, meeting))
    counted = item_quorum(item).quorum
    if not counted.quorate:
        raise Refused(
            _(
                "Nicht beschlussfähig: %(present)d von %(eligible)d stimmberechtigten, nicht "
                "befangenen Mitgliedern sind anwesend, nötig sind %(required)d."
            )
            % {
                "present": counted.present,
                "eligible": counted.eligible,
                "required": counted.required,
            }
        )
    if yes + no + abstain > counted.present:
        raise Refused(
            _(
                "Es wurden mehr Stimmen gezählt (%(votes)d), als stimmberechtigte, nicht "
                "befangene Mitglieder anwesend sind (%(present)d)."
            )
            % {"votes": yes + no + abstain, "present": counted.present}
        )
    workspace = meeting.workspace
    decision = Decision.objects.create(
        workspace=workspace,
        item=item,
        text=text,
        yes=yes,
        no=no,
        abstain=abstain,
        majority_rule=workspace.majority_rule,
        eligible=counted.eligible,
        present=counted.present,
        quorum_required=counted.required,
        quorate=True,
        carried=bodies.passes(workspace.majority_rule, yes, no, abstain),
        decided_on=timezone.localtime(meeting.starts_at).date(),
    )
    return decision


def add_action_item(*, workspace, user, title, assignee, due, item=None):
    require(rules.can_manage_meetings(user, workspace))
    if (
        assignee is not None
        and not Membership.objects.active().filter(workspace=workspace, user=assignee).exists()
    ):
        raise Refused(_("Aufgaben können nur Mitgliedern des Gremiums zugeordnet werden."))
    task = ActionItem.objects.create(
        workspace=workspace, item=item, title=title, assignee=assignee, due=due
    )
    record(
        workspace,
        "task",
        _("Neue Aufgabe: %(title)s") % {"title": title},
        workspace.url + f"aufgaben/{task.pk}/",
        user,
    )
    return task


# --- minutes workflow ---------------------------------------------------------------------


@transaction.atomic
def circulate_minutes(*, meeting, user):
    require(rules.can_circulate_minutes(user, meeting))
    meeting.minutes_state = m.CIRCULATED
    meeting.save(update_fields=["minutes_state", "updated_at"])
    record(
        meeting.workspace,
        "minutes",
        _("Protokollentwurf zur Durchsicht: %(title)s") % {"title": meeting.title},
        meeting_url(meeting),
        user,
    )


def comment_minutes(*, meeting, user, text):
    require(rules.can_comment_minutes(user, meeting))
    return MinutesComment.objects.create(meeting=meeting, author=user, text=text)


@transaction.atomic
def approve_minutes(*, meeting, user, at_meeting):
    require(rules.can_approve_minutes(user, meeting))
    if at_meeting is not None and (
        at_meeting.workspace_id != meeting.workspace_id or at_meeting.starts_at <= meeting.starts_at
    ):
        raise Refused(
            _("Genehmigt wird ein Protokoll in einer späteren Sitzung desselben Gremiums.")
        )
    meeting.minutes_state = m.APPROVED
    meeting.minutes_approved_at = at_meeting
    meeting.save(update_fields=["minutes_state", "minutes_approved_at", "updated_at"])


@transaction.atomic
def publish_minutes(*, meeting, user):
    require(rules.can_publish_minutes(user, meeting))
    meeting.minutes_state = m.PUBLISHED
    meeting.save(update_fields=["minutes_state", "updated_at"])
    record(
        meeting.workspace,
        "minutes",
        _("Protokoll veröffentlicht: %(title)s") % {"title": meeting.title},
        meeting_url(meeting),
        user,
    )


@transaction.atomic
def publish_public_minutes(*, meeting, user):
    require(rules.can_publish_public_minutes(user, meeting))
    missing = [item for item in meeting.items.filter(public=True) if not item.public_summary]
    if missing:
        raise Refused(
            _("Für die öffentliche Fassung fehlt der Text ohne Namen bei: %(items)s")
            % {"items": ", ".join(f"TOP {item.position}" for item in missing)}
        )
    meeting.public_minutes_published = True
    meeting.save(update_fields=["public_minutes_published", "updated_at"])
