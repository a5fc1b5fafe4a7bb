"""Meetings: planning, the agenda, invitations (by hand or at the body's lead time) and
cancellations. Attendance and quorum are in `attendance`, the minutes in `minutes`."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.refusals import NotAllowed, Refused, require  # noqa: F401 - re-exported
from core.tasks import send_email

from .. import rules
from ..calendar import meeting_calendar
from ..models import Activity, AgendaItem, Meeting
from ..signals_public import meeting_rescheduled
from .activity import record

# Moved to their own modules; the names stay importable from here for existing callers.
from .attendance import (  # noqa: F401
    ItemQuorum,
    MeetingVoters,
    declare_conflict,
    item_quorum,
    meeting_voters,
    members_at,
    record_attendance,
)
from .minutes import (  # noqa: F401
    approve_minutes,
    circulate_minutes,
    comment_minutes,
    publish_minutes,
    publish_public_minutes,
    record_decision,
    write_item_minutes,
)
from .tasks import add_action_item  # noqa: F401


def absolute(url):
    return settings.SITE_URL + url


def meeting_url(meeting):
    return meeting.get_absolute_url()


# --- meetings and agenda ------------------------------------------------------------------


@transaction.atomic
def save_meeting(*, workspace, user, data, meeting=None):
    """Plan a meeting or change it; members invited to it are told when it moves."""
    require(rules.can_manage_meetings(user, workspace))
    created = meeting is None
    meeting = meeting or Meeting(workspace=workspace, created_by=user)
    # As stored: a ModelForm has already written the new values onto the instance.
    stored = Meeting.objects.filter(pk=meeting.pk).values_list("starts_at", "ends_at", "place")
    before = stored.first() if meeting.pk else None
    before = tuple(before) if before else (meeting.starts_at, meeting.ends_at, meeting.place)
    for field, value in data.items():
        setattr(meeting, field, value)
    meeting.save()
    moved = before != (meeting.starts_at, meeting.ends_at, meeting.place)
    if not created and before[0] != meeting.starts_at:
        meeting_rescheduled.send(sender=Meeting, meeting=meeting, cancelled=False, user=user)
    if not created and moved and meeting.state == Meeting.State.INVITED:
        start = timezone.localtime(meeting.starts_at)
        record(
            workspace,
            Activity.Kind.MEETING,
            _("Sitzung verlegt: %(title)s, jetzt am %(date)s um %(time)s Uhr, %(place)s")
            % {
                "title": meeting.title,
                "date": start.strftime("%d.%m.%Y"),
                "time": start.strftime("%H:%M"),
                "place": meeting.place or meeting.online_link or _("Ort folgt"),
            },
            meeting.get_absolute_url(),
            user,
            notice="intranet_meetings",
        )
    if created:
        record(
            workspace,
            Activity.Kind.MEETING,
            _("Neue Sitzung: %(title)s") % {"title": meeting.title},
            meeting.get_absolute_url(),
            user,
        )
    return meeting


@transaction.atomic
def add_item(*, meeting, user, title, description="", public=None, documents=()):
    """An item at the end of the agenda; public like the meeting unless `public` says.
    Added after the invitation, the members are told."""
    require(rules.can_manage_meetings(user, meeting.workspace))
    item = append_item(meeting, title=title, description=description, public=public)
    item.documents.set(documents)
    if meeting.invited_at is not None and meeting.state == Meeting.State.INVITED:
        record(
            meeting.workspace,
            Activity.Kind.MEETING,
            _("Neuer Tagesordnungspunkt für %(meeting)s: %(item)s")
            % {"meeting": meeting.title, "item": item.title},
            meeting.get_absolute_url() + f"#top-{item.position}",
            user,
            notice="intranet_meetings",
        )
    return item


def drop_item(item):
    """Take an undecided item off its agenda (the ones after it move up), for callers that
    checked their own rules (the fund moves an application to another meeting)."""
    if item.decisions.exists():
        raise Refused(_("Zu diesem Punkt gibt es schon einen Beschluss; er bleibt im Protokoll."))
    meeting = item.meeting
    item.delete()
    _renumber(list(meeting.items.order_by("position")))


def append_item(meeting, public=None, **fields):
    """An item at the end of the agenda, for callers that checked their own rules (the fund
    puts complete applications on the jury's agenda). Public as the meeting is unless
    `public` says."""
    public = meeting.public if public is None else public
    position = (meeting.items.aggregate(top=Max("position"))["top"] or 0) + 1
    return AgendaItem.objects.create(meeting=meeting, position=position, public=public, **fields)


@transaction.atomic
def update_item(*, item, user, title, description="", public=True):
    require(rules.can_change_agenda(user, item.meeting))
    item.title, item.description, item.public = title, description, public
    item.save(update_fields=["title", "description", "public"])
    return item


@transaction.atomic
def remove_item(*, item, user):
    """Take an item off the agenda (the ones after it move up); not once it has a decision,
    and not a fund application's item (the fund moves those)."""
    require(rules.can_change_agenda(user, item.meeting))
    if item.decisions.exists():
        raise Refused(_("Zu diesem Punkt gibt es schon einen Beschluss; er bleibt im Protokoll."))
    if getattr(item, "fund_application", None) is not None:
        raise Refused(
            _(
                "Dieser Punkt gehört zu einem Antrag an den Aktionsfonds; "
                "verschieben Sie den Antrag."
            )
        )
    meeting = item.meeting
    item.delete()
    _renumber(list(meeting.items.order_by("position")))


def _renumber(items):
    # Two steps around the unique (meeting, position) constraint.
    for number, entry in enumerate(items, start=1):
        AgendaItem.objects.filter(pk=entry.pk).update(position=number + 1000)
    for number, entry in enumerate(items, start=1):
        AgendaItem.objects.filter(pk=entry.pk).update(position=number)


@transaction.atomic
def move_item(*, item, user, up):
    require(rules.can_change_agenda(user, item.meeting))
    items = list(item.meeting.items.order_by("position"))
    index = items.index(item)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    _renumber(items)


# --- invitations and cancellations --------------------------------------------------------


@transaction.atomic
def send_invitation(*, meeting, user):
    require(rules.can_send_invitation(user, meeting))
    return _invite(meeting, user)


def invitation_due(meeting):
    """When the invitation goes out by itself: the body's lead time before the meeting."""
    return meeting.starts_at - timedelta(days=meeting.workspace.invitation_days)


def short_notice(meeting, moment=None):
    """Nobody invited yet, the meeting is ahead, but its lead time has already begun."""
    moment = moment or timezone.now()
    return (
        meeting.state == Meeting.State.PLANNED
        and meeting.invited_at is None
        and meeting.starts_at > moment
        and invitation_due(meeting) <= moment
    )


def send_due_invitations(moment=None):
    """Daily: invite to planned meetings whose lead time has begun (nobody invited yet)."""
    moment = moment or timezone.now()
    sent = 0
    planned = Meeting.objects.filter(
        state=Meeting.State.PLANNED, invited_at__isnull=True, starts_at__gt=moment
    ).select_related("workspace")
    for meeting in planned:
        if invitation_due(meeting) <= moment:
            with transaction.atomic():
                _invite(meeting, None)
            sent += 1
    return sent


def _mail_members(meeting, cancelled):
    """The invitation (or cancellation) with the meeting as a calendar file to every member
    with an address, in their language; returns how many got it."""
    url = absolute(meeting.get_absolute_url())
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
    return recipients


def _invite(meeting, user):
    recipients = _mail_members(meeting, cancelled=False)
    meeting.state = Meeting.State.INVITED
    meeting.invited_at = timezone.now()
    meeting.save(update_fields=["state", "invited_at", "updated_at"])
    record(
        meeting.workspace,
        Activity.Kind.MEETING,
        _("Einladung verschickt: %(title)s") % {"title": meeting.title},
        meeting.get_absolute_url(),
        user,
    )
    return recipients


@transaction.atomic
def cancel_meeting(*, meeting, user):
    """Cancel an upcoming meeting; members who were invited get a cancellation with an
    updated calendar entry."""
    require(rules.can_send_invitation(user, meeting))
    was_invited = meeting.invited_at is not None
    meeting.state = Meeting.State.CANCELLED
    meeting.save(update_fields=["state", "updated_at"])
    meeting_rescheduled.send(sender=Meeting, meeting=meeting, cancelled=True, user=user)
    if was_invited:
        _mail_members(meeting, cancelled=True)
    record(
        meeting.workspace,
        Activity.Kind.MEETING,
        _("Sitzung abgesagt: %(title)s") % {"title": meeting.title},
        meeting.get_absolute_url(),
        user,
        notify_members=not was_invited,
    )
