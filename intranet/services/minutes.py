"""The minutes of a meeting: what was said and decided per agenda item, and the way from the
draft through the members' review and the approval to publication."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.refusals import Refused, require

from .. import bodies, rules
from ..models import Activity, Decision, Meeting, MinutesComment
from .activity import record
from .attendance import item_quorum


@transaction.atomic
def write_item_minutes(*, item, user, summary, public_summary=""):
    """The minutes of one agenda item, and their public version without names."""
    require(rules.can_edit_minutes(user, item.meeting))
    item.summary = summary
    item.public_summary = public_summary
    item.save(update_fields=["summary", "public_summary"])
    return item


def _check_votes(counted, yes, no, abstain):
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


@transaction.atomic
def record_decision(*, item, user, text, yes, no, abstain, for_fund=False):
    """The body's vote on an item, if it could decide (quorum) and the count is possible.
    An application to the fund is decided through the fund (`for_fund`), which books the
    grant and tells the applicants; the generic form cannot record it."""
    meeting = item.meeting
    require(rules.can_record_proceedings(user, meeting))
    if not for_fund and hasattr(item, "fund_application"):
        raise Refused(
            _(
                "Über diesen Antrag an den Aktionsfonds entscheidet die Jury auf der Seite des "
                "Antrags: dort werden Betrag, Mittel und Bescheid zusammen eingetragen."
            )
        )
    counted = item_quorum(item).quorum
    _check_votes(counted, yes, no, abstain)
    workspace = meeting.workspace
    return Decision.objects.create(
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


# --- the minutes workflow -----------------------------------------------------------------


@transaction.atomic
def circulate_minutes(*, meeting, user):
    require(rules.can_circulate_minutes(user, meeting))
    meeting.minutes_state = Meeting.MinutesState.CIRCULATED
    meeting.save(update_fields=["minutes_state", "updated_at"])
    record(
        meeting.workspace,
        Activity.Kind.MINUTES,
        _("Protokollentwurf zur Durchsicht: %(title)s") % {"title": meeting.title},
        meeting.get_absolute_url(),
        user,
    )


@transaction.atomic
def reopen_minutes(*, meeting, user):
    """Back from the members' review to the draft to work in their comments; the comments
    stay with the meeting and the step is in the activity stream."""
    require(rules.can_reopen_minutes(user, meeting))
    meeting.minutes_state = Meeting.MinutesState.DRAFT
    meeting.save(update_fields=["minutes_state", "updated_at"])
    record(
        meeting.workspace,
        Activity.Kind.MINUTES,
        _("Protokollentwurf wird überarbeitet: %(title)s") % {"title": meeting.title},
        meeting.get_absolute_url(),
        user,
        notify_members=False,
    )


@transaction.atomic
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
    meeting.minutes_state = Meeting.MinutesState.APPROVED
    meeting.minutes_approved_at = at_meeting
    meeting.save(update_fields=["minutes_state", "minutes_approved_at", "updated_at"])


@transaction.atomic
def publish_minutes(*, meeting, user):
    require(rules.can_publish_minutes(user, meeting))
    meeting.minutes_state = Meeting.MinutesState.PUBLISHED
    meeting.save(update_fields=["minutes_state", "updated_at"])
    record(
        meeting.workspace,
        Activity.Kind.MINUTES,
        _("Protokoll veröffentlicht: %(title)s") % {"title": meeting.title},
        meeting.get_absolute_url(),
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
