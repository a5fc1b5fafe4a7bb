"""Actions on a meeting's minutes: attendance, conflicts of interest, what was said and
decided per agenda item, tasks, the way from draft to publication, and the minutes as PDF.
Each handler gets the meeting page and the meeting; `meetings.meeting_action` routes here."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exports import pdf_response
from core.params import id_param
from core.refusals import Refused, require
from core.text import clean_text

from .. import bodies, rules, selectors
from ..forms import ActionItemForm, CommentForm, DecisionForm, ItemMinutesForm
from ..models import AgendaItem, Meeting
from ..services import attendance as attendance_services
from ..services import minutes as services
from ..services import tasks as task_services
from .meeting_page import Bound, back, meeting


def agenda_item(request, current):
    return get_object_or_404(AgendaItem, pk=id_param(request.POST, "item"), meeting=current)


def _again(request, page, current, item, kind, error=""):
    """The meeting page again, the item's form of `kind` showing what was typed."""
    bound = Bound(data=request.POST, item=item.pk, kind=kind)
    return meeting(request, page, current.pk, bound=bound, error=error, status=400)


def attendance(request, page, current):
    """Record who attended; refused, the page shows again what was ticked and typed."""
    statuses = {}
    try:
        for key, value in request.POST.items():
            if key.startswith("a-"):
                person = id_param({"a": key[2:]}, "a")
                if person is None:
                    raise Refused(
                        _("Diese Anwesenheit passt nicht zu den Mitgliedern des Gremiums.")
                    )
                statuses[person] = value
        typed = clean_text(request.POST.get("guests", ""), multiline=True)
        guests = [line for line in typed.splitlines() if line.strip()]
        attendance_services.record_attendance(
            meeting=current, user=request.user, statuses=statuses, guests=guests
        )
    except Refused as refused:
        bound = Bound(data=request.POST, kind="attendance")
        return meeting(request, page, current.pk, bound=bound, error=refused.message, status=400)
    messages.success(request, _("Die Anwesenheit ist gespeichert."))
    return back(page, current, "anwesenheit")


def conflict(request, page, current):
    item = agenda_item(request, current)
    attendance_services.declare_conflict(
        item=item, user=request.user, conflicted=request.POST.get("conflicted") == "1"
    )
    return back(page, current, f"top-{item.position}")


def record_conflict(request, page, current):
    """A conflict announced at the table, written down by the chair, minute-taker or office."""
    item = agenda_item(request, current)
    require(rules.can_record_conflict(request.user, item), page)
    person = id_param(request.POST, "member")
    member = next(
        (
            ms.user
            for ms in selectors.members(page, current.starts_at.date())
            if ms.user_id == person and ms.voting
        ),
        None,
    )
    if member is None:
        raise Refused(_("Bitte wählen Sie ein stimmberechtigtes Mitglied des Gremiums."))
    attendance_services.record_conflict(
        item=item,
        user=request.user,
        member=member,
        conflicted=request.POST.get("conflicted") == "1",
    )
    return back(page, current, f"top-{item.position}")


def item_minutes(request, page, current):
    item = agenda_item(request, current)
    form = ItemMinutesForm(request.POST, instance=item, prefix=f"i{item.pk}")
    if not form.is_valid():
        return _again(request, page, current, item, "minutes")
    services.write_item_minutes(item=item, user=request.user, **form.cleaned_data)
    return back(page, current, f"top-{item.position}")


def decision(request, page, current):
    item = agenda_item(request, current)
    form = DecisionForm(request.POST, prefix=f"d{item.pk}")
    if not form.is_valid():
        return _again(request, page, current, item, "decision")
    try:
        services.record_decision(item=item, user=request.user, **form.cleaned_data)
    except Refused as refused:
        return _again(request, page, current, item, "decision", error=refused.message)
    return back(page, current, f"top-{item.position}")


def task(request, page, current):
    item = agenda_item(request, current)
    members = [
        ms.user
        for ms in selectors.members(page, current.starts_at.date())
        if ms.role != ms.Role.GUEST
    ]
    form = ActionItemForm(request.POST, prefix=f"t{item.pk}", members=members)
    if not form.is_valid():
        return _again(request, page, current, item, "task")
    task_services.add_action_item(workspace=page, user=request.user, item=item, **form.cleaned_data)
    return back(page, current, f"top-{item.position}")


def circulate(request, page, current):
    services.circulate_minutes(meeting=current, user=request.user)
    messages.success(request, _("Der Entwurf ist an die Mitglieder verschickt."))
    return back(page, current)


def reopen(request, page, current):
    services.reopen_minutes(meeting=current, user=request.user)
    messages.success(
        request,
        _("Der Entwurf ist wieder in Arbeit. Die Anmerkungen der Mitglieder bleiben sichtbar."),
    )
    return back(page, current, "anmerkungen")


def comment(request, page, current):
    form = CommentForm(request.POST)
    if not form.is_valid():
        bound = Bound(forms={"comment": form})
        return meeting(request, page, current.pk, bound=bound, status=400)
    services.comment_minutes(meeting=current, user=request.user, text=form.cleaned_data["text"])
    return back(page, current, "anmerkungen")


def approve(request, page, current):
    at = id_param(request.POST, "at_meeting")
    at_meeting = Meeting.objects.filter(pk=at, workspace=page).first() if at else None
    services.approve_minutes(meeting=current, user=request.user, at_meeting=at_meeting)
    messages.success(request, _("Das Protokoll ist genehmigt."))
    return back(page, current)


def publish(request, page, current):
    services.publish_minutes(meeting=current, user=request.user)
    messages.success(request, _("Das Protokoll ist für die Mitglieder veröffentlicht."))
    return back(page, current)


def publish_public(request, page, current):
    services.publish_public_minutes(meeting=current, user=request.user)
    messages.success(request, _("Die öffentliche Fassung ist veröffentlicht."))
    return back(page, current)


def minutes_pdf(request, page, current):
    require(rules.can_view_minutes(request.user, current), page)
    data = {
        "meeting": current,
        "workspace": page,
        "items": current.items.prefetch_related(
            "decisions", "action_items__assignee", "conflicts__user"
        ),
        "attendance": current.attendance.select_related("user"),
        "majority_text": bodies.rule_text(page.majority_rule),
        "generated": timezone.now(),
    }
    return pdf_response(f"protokoll-{current.pk}.pdf", "intranet/minutes_pdf.html", data, request)
