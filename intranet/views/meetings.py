"""Meetings: planning one, the actions on its page (agenda and invitation here, the minutes
in `minutes`), and the meeting as iCalendar."""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.refusals import Refused, require
from portal.models.listing import paginate

from .. import rules
from ..calendar import meeting_calendar
from ..forms import AgendaItemEditForm, AgendaItemForm, MeetingForm
from ..models import Meeting
from ..services import meetings as services
from . import minutes
from .common import context
from .meeting_page import Bound, back, get_meeting, meeting, workspace_documents

__all__ = ["meeting", "meeting_action", "meeting_archive", "meeting_edit"]


def meeting_archive(request, page):
    """Every meeting of the body, newest first, by year (?jahr=2026)."""
    require(rules.can_view_workspace(request.user, page), page)
    meetings = Meeting.objects.filter(workspace=page).annotate(item_count=Count("items"))
    years = [d.year for d in meetings.dates("starts_at", "year", order="DESC")]
    year = request.GET.get("jahr", "")
    if year.isascii() and year.isdigit() and int(year) in years:
        meetings = meetings.filter(starts_at__year=int(year))
    else:
        year = ""
    return TemplateResponse(
        request,
        "intranet/meetings.html",
        context(
            request,
            page,
            meetings=paginate(request, meetings.order_by("-starts_at")),
            year_options=[(y, str(y)) for y in years],
            year=year,
            can_manage_meetings=rules.can_manage_meetings(request.user, page),
        ),
    )


def meeting_edit(request, page, meeting=None):
    require(rules.can_view_workspace(request.user, page), page)
    require(rules.can_manage_meetings(request.user, page), page)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        saved = services.save_meeting(
            workspace=page, user=request.user, data=form.cleaned_data, meeting=meeting
        )
        messages.success(request, _("Die Sitzung ist gespeichert."))
        if services.short_notice(saved):
            messages.warning(request, short_notice_text(page))
        return redirect(page.route_url("meeting", saved.pk))
    return TemplateResponse(
        request,
        "intranet/meeting_form.html",
        context(request, page, form=form, meeting=meeting),
        status=400 if request.method == "POST" else 200,
    )


def short_notice_text(page):
    return ngettext(
        "Die Einladungsfrist von %(days)d Tag ist schon unterschritten. Bitte laden Sie "
        "jetzt ein und prüfen Sie, ob die Geschäftsordnung eine so kurze Frist zulässt.",
        "Die Einladungsfrist von %(days)d Tagen ist schon unterschritten. Bitte laden Sie "
        "jetzt ein und prüfen Sie, ob die Geschäftsordnung eine so kurze Frist zulässt.",
        page.invitation_days,
    ) % {"days": page.invitation_days}


def calendar(current):
    url = services.absolute(current.get_absolute_url())
    response = HttpResponse(meeting_calendar(current, url), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="sitzung-{current.pk}.ics"'
    return response


def invite(request, page, current):
    count = services.send_invitation(meeting=current, user=request.user)
    messages.success(
        request,
        ngettext(
            "Die Einladung ging an %(count)d Mitglied.",
            "Die Einladung ging an %(count)d Mitglieder.",
            count,
        )
        % {"count": count},
    )
    return back(page, current)


def cancel(request, page, current):
    services.cancel_meeting(meeting=current, user=request.user)
    messages.success(request, _("Die Sitzung ist abgesagt."))
    return back(page, current)


def add_item(request, page, current):
    form = AgendaItemForm(request.POST, documents=workspace_documents(page), meeting=current)
    if not form.is_valid():
        return meeting(request, page, current.pk, bound=Bound(forms={"item": form}), status=400)
    services.add_item(meeting=current, user=request.user, **form.cleaned_data)
    return back(page, current, "tagesordnung")


def move_item(request, page, current):
    item = minutes.agenda_item(request, current)
    services.move_item(item=item, user=request.user, up=request.POST.get("direction") == "up")
    return back(page, current, "tagesordnung")


def edit_item(request, page, current):
    item = minutes.agenda_item(request, current)
    form = AgendaItemEditForm(request.POST, instance=item, prefix=f"e{item.pk}")
    if not form.is_valid():
        bound = Bound(data=request.POST, item=item.pk, kind="edit")
        return meeting(request, page, current.pk, bound=bound, status=400)
    services.update_item(item=item, user=request.user, **form.cleaned_data)
    messages.success(request, _("Der Tagesordnungspunkt ist gespeichert."))
    return back(page, current, f"top-{item.position}")


def remove_item(request, page, current):
    item = minutes.agenda_item(request, current)
    services.remove_item(item=item, user=request.user)
    messages.success(request, _("Der Tagesordnungspunkt ist entfernt."))
    return back(page, current, "tagesordnung")


def _managing(user, current):
    return rules.can_manage_meetings(user, current.workspace)


# action: (handler, rule checked before anything is read from the form; None: the service
# checks, because the rule depends on the state the service locks)
ACTIONS = {
    "einladen": (invite, None),
    "absagen": (cancel, None),
    "top-neu": (add_item, _managing),
    "top-verschieben": (move_item, rules.can_change_agenda),
    "top-bearbeiten": (edit_item, rules.can_change_agenda),
    "top-entfernen": (remove_item, rules.can_change_agenda),
    "anwesenheit": (minutes.attendance, rules.can_record_proceedings),
    "befangenheit": (minutes.conflict, None),
    "befangenheit-erfassen": (minutes.record_conflict, None),
    "protokoll-top": (minutes.item_minutes, rules.can_edit_minutes),
    "beschluss": (minutes.decision, rules.can_record_proceedings),
    "aufgabe": (minutes.task, rules.can_edit_minutes),
    "umlauf": (minutes.circulate, None),
    "ueberarbeiten": (minutes.reopen, None),
    "anmerkung": (minutes.comment, None),
    "genehmigen": (minutes.approve, None),
    "veroeffentlichen": (minutes.publish, None),
    "oeffentlich": (minutes.publish_public, None),
}


def meeting_action(request, page, pk, action):
    require(rules.can_view_workspace(request.user, page), page)
    current = get_meeting(page, pk)
    if action == "bearbeiten":
        return meeting_edit(request, page, current)
    if action == "kalender":
        return calendar(current)
    if action == "protokoll-pdf":
        return minutes.minutes_pdf(request, page, current)
    if request.method != "POST" or action not in ACTIONS:
        raise Http404
    handler, rule = ACTIONS[action]
    if rule is not None:
        require(rule(request.user, current), page)
    try:
        return handler(request, page, current)
    except Refused as refused:
        return meeting(request, page, pk, error=refused.message, status=400)
