"""Who may do what in the intranet, and why not. Views, templates, feeds, exports and tests ask
only here. Roles: office (permission intranet.manage_intranet, or superuser), chair,
minute-taker, member, guest (per workspace, by active membership), other intranet users,
residents and anonymous visitors. Page and collection privacy enforce the same visibility
in Wagtail (kept in sync by services.workspaces); these checks are the second lock.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.rules import ALLOWED, LOGIN, ROLE, STATE, deny, first_refusal

from .bodies import Visibility
from .models.meetings import MeetingState, MinutesState
from .models.membership import Role

PERMISSION = "intranet.manage_intranet"


def is_office(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm(PERMISSION))


def memberships(user):
    """The person's active memberships by workspace id (one query per request)."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_intranet_memberships", None)
    if cached is None:
        from .models import Membership

        cached = {ms.workspace_id: ms for ms in Membership.objects.active().filter(user=user)}
        user._intranet_memberships = cached
    return cached


def membership(user, workspace):
    return memberships(user).get(workspace.pk)


def is_intranet_user(user):
    return is_office(user) or bool(memberships(user))


def _role(user, workspace):
    ms = membership(user, workspace)
    return ms.role if ms else None


def is_voting_member(user, workspace):
    ms = membership(user, workspace)
    return bool(ms and ms.voting)


def _need_login(user):
    return deny(LOGIN, _("Bitte melden Sie sich an. Das Intranet ist nur für Mitglieder."))


# --- workspaces --------------------------------------------------------------------------


def can_enter_intranet(user):
    if not user.is_authenticated:
        return _need_login(user)
    if is_intranet_user(user):
        return ALLOWED
    return deny(
        ROLE,
        _(
            "Das Intranet ist für Mitglieder der Gremien und Arbeitskreise. Das "
            "Stadtteilbüro nimmt Sie gern auf."
        ),
    )


def can_view_workspace(user, workspace):
    if not user.is_authenticated:
        return _need_login(user)
    if is_office(user) or membership(user, workspace):
        return ALLOWED
    if workspace.visibility == Visibility.INTRANET and is_intranet_user(user):
        return ALLOWED
    return deny(ROLE, _("Dieser Arbeitsbereich ist nur für seine Mitglieder."))


def can_take_part(user, workspace):
    """Comment, upload, see the member list: members (not guests) and the office."""
    gate = can_view_workspace(user, workspace)
    if not gate:
        return gate
    if is_office(user) or _role(user, workspace) not in (None, Role.GUEST):
        return ALLOWED
    return deny(ROLE, _("Das können nur Mitglieder dieses Gremiums."))


def can_manage_members(user, workspace):
    if is_office(user) or _role(user, workspace) == Role.CHAIR:
        return ALLOWED
    return deny(ROLE, _("Die Mitglieder verwalten der Vorsitz und das Stadtteilbüro."))


def can_manage_meetings(user, workspace):
    if is_office(user) or _role(user, workspace) in (Role.CHAIR, Role.MINUTE_TAKER):
        return ALLOWED
    return deny(ROLE, _("Sitzungen planen Vorsitz, Protokollführung und das Stadtteilbüro."))


# --- meetings and minutes -----------------------------------------------------------------


def can_view_meeting(user, meeting):
    return can_view_workspace(user, meeting.workspace)


def can_view_minutes(user, meeting):
    gate = can_view_workspace(user, meeting.workspace)
    if not gate:
        return gate
    drafting = meeting.minutes_state == MinutesState.DRAFT
    if drafting and not can_manage_meetings(user, meeting.workspace):
        return deny(STATE, _("Der Protokollentwurf ist noch in Arbeit."))
    return ALLOWED


def _minutes_step(user, meeting, state, who=can_manage_meetings):
    gate = who(user, meeting.workspace)
    if not gate:
        return gate
    if meeting.minutes_state != state:
        return deny(STATE, _("Das ist im aktuellen Stand des Protokolls nicht möglich."))
    return ALLOWED


def can_edit_minutes(user, meeting):
    return _minutes_step(user, meeting, MinutesState.DRAFT)


def can_circulate_minutes(user, meeting):
    """The draft goes round once the meeting has begun (never minutes of a meeting ahead)."""
    return first_refusal(_minutes_step(user, meeting, MinutesState.DRAFT), _started(meeting))


def can_reopen_minutes(user, meeting):
    """Back from the members' review to the draft, to work in their comments."""
    return _minutes_step(user, meeting, MinutesState.CIRCULATED)


def can_change_agenda(user, meeting):
    """Edit, remove and reorder agenda items: those who plan meetings, while the minutes are
    a draft."""
    return first_refusal(
        can_manage_meetings(user, meeting.workspace), can_edit_minutes(user, meeting)
    )


def _started(meeting):
    """What happens at the table (attendance, conflicts, decisions) is recorded once the
    meeting has begun, never days ahead, and never for a cancelled meeting."""
    if meeting.state == MeetingState.CANCELLED:
        return deny(STATE, _("Die Sitzung ist abgesagt."))
    if meeting.starts_at > timezone.now():
        start = timezone.localtime(meeting.starts_at)
        return deny(
            STATE,
            _(
                "Anwesenheit, Befangenheit und Beschlüsse werden ab Beginn der Sitzung "
                "erfasst, also ab dem %(date)s um %(time)s Uhr."
            )
            % {"date": start.strftime("%d.%m.%Y"), "time": start.strftime("%H:%M")},
            opens_at=meeting.starts_at,
        )
    return ALLOWED


def can_record_proceedings(user, meeting):
    """Attendance and decisions: the minute writers, in the draft, once the meeting began."""
    return first_refusal(can_edit_minutes(user, meeting), _started(meeting))


def can_record_conflict(user, item):
    """A conflict announced at the table, recorded by the chair, the minute-taker or the
    office for a voting member."""
    meeting = item.meeting
    if not (is_office(user) or _role(user, meeting.workspace) in (Role.CHAIR, Role.MINUTE_TAKER)):
        return deny(
            ROLE, _("Befangenheit am Tisch tragen Vorsitz, Protokollführung und Stadtteilbüro ein.")
        )
    return first_refusal(can_edit_minutes(user, meeting), _started(meeting))


def can_see_conflicted(user, meeting):
    """Who declared a conflict: the chair, the minute-taker and the office at once; the
    members in the minutes once they are circulated."""
    if can_manage_meetings(user, meeting.workspace):
        return ALLOWED
    return can_view_minutes(user, meeting)


def can_comment_minutes(user, meeting):
    return _minutes_step(user, meeting, MinutesState.CIRCULATED, who=can_take_part)


def _chair_or_office(user, workspace):
    if is_office(user) or _role(user, workspace) == Role.CHAIR:
        return ALLOWED
    return deny(ROLE, _("Das entscheiden der Vorsitz und das Stadtteilbüro."))


def can_approve_minutes(user, meeting):
    return _minutes_step(user, meeting, MinutesState.CIRCULATED, who=_chair_or_office)


def can_publish_minutes(user, meeting):
    return _minutes_step(user, meeting, MinutesState.APPROVED, who=_chair_or_office)


def can_publish_public_minutes(user, meeting):
    if not meeting.workspace.public_minutes:
        return deny(ROLE, _("Dieses Gremium veröffentlicht keine Protokolle."))
    if not meeting.public:
        return deny(
            STATE, _("Die Sitzung war nicht öffentlich: es gibt keine öffentliche Fassung.")
        )
    gate = _minutes_step(user, meeting, MinutesState.PUBLISHED, who=_chair_or_office)
    if gate and meeting.public_minutes_published:
        return deny(STATE, _("Die öffentliche Fassung ist bereits veröffentlicht."))
    return gate


def can_view_public_minutes(meeting):
    if meeting.public and meeting.workspace.public_minutes and meeting.public_minutes_published:
        return ALLOWED
    return deny(ROLE, _("Zu dieser Sitzung gibt es kein öffentliches Protokoll."))


def can_declare_conflict(user, item):
    workspace = item.meeting.workspace
    if not is_voting_member(user, workspace):
        return deny(ROLE, _("Befangenheit erklären stimmberechtigte Mitglieder."))
    if item.meeting.minutes_state != MinutesState.DRAFT:
        return deny(STATE, _("Das Protokoll dieser Sitzung ist abgeschlossen."))
    return _started(item.meeting)


def can_send_invitation(user, meeting):
    gate = can_manage_meetings(user, meeting.workspace)
    if not gate:
        return gate
    upcoming = meeting.state in (MeetingState.PLANNED, MeetingState.INVITED)
    if not upcoming or meeting.starts_at <= timezone.now():
        return deny(STATE, _("Zu dieser Sitzung kann nicht mehr eingeladen werden."))
    return ALLOWED


# --- circulation --------------------------------------------------------------------------


def can_start_circulation(user, workspace):
    if not workspace.allows_circulation:
        return deny(ROLE, _("Die Geschäftsordnung dieses Gremiums sieht kein Umlaufverfahren vor."))
    return _chair_or_office(user, workspace)


def can_vote_in_circulation(user, circulation, moment=None):
    moment = moment or timezone.now()
    if not is_voting_member(user, circulation.workspace):
        return deny(ROLE, _("Abstimmen können die stimmberechtigten Mitglieder."))
    if circulation.closed_at or moment >= circulation.deadline:
        return deny(STATE, _("Die Frist dieses Umlaufverfahrens ist abgelaufen."))
    return ALLOWED


def can_withdraw_circulation(user, circulation, moment=None):
    gate = _chair_or_office(user, circulation.workspace)
    if not gate:
        return gate
    if circulation.closed_at or (moment or timezone.now()) >= circulation.deadline:
        return deny(
            STATE, _("Ein abgeschlossenes Umlaufverfahren kann nicht zurückgezogen werden.")
        )
    return ALLOWED


# --- tasks and documents ------------------------------------------------------------------


def can_update_task(user, task):
    gate = can_view_workspace(user, task.workspace)
    if not gate:
        return gate
    if task.assignee_id == user.pk or can_manage_meetings(user, task.workspace):
        return ALLOWED
    return deny(ROLE, _("Diese Aufgabe ändern die zuständige Person und die Sitzungsleitung."))


def can_upload(user, workspace):
    return can_take_part(user, workspace)


def restriction_admits(restriction, user, group_ids):
    """Whether one Wagtail view restriction (page or collection) lets `user` in, given the
    ids of the user's groups. Shared passwords are switched off on this site."""
    if user.is_superuser:
        return True
    if not user.is_authenticated:
        return False
    if restriction.restriction_type == restriction.GROUPS:
        return bool(group_ids & {group.pk for group in restriction.groups.all()})
    return restriction.restriction_type == restriction.LOGIN


def collection_allows(user, collection):
    """Wagtail's collection privacy (the collection's and its ancestors' restrictions), asked
    for a user instead of a request."""
    restrictions = collection.get_view_restrictions().prefetch_related("groups")
    if not restrictions:
        return True
    group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    return all(restriction_admits(r, user, group_ids) for r in restrictions)
