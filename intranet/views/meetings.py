"""Meeting pages: agenda, invitation, attendance, conflicts, minutes, decisions, tasks,
the minutes workflow, and the meeting as iCalendar and the minutes as PDF."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.documents import get_document_model

from core.exports import pdf_response

from .. import bodies, rules, selectors
from ..calendar import meeting_calendar
from ..forms import (
    ActionItemForm,
    AgendaItemForm,
    CommentForm,
    DecisionForm,
    ItemMinutesForm,
    MeetingForm,
)
from ..models import AgendaItem, Meeting
from ..models import meetings as m
from ..services import meetings as services
from ..services.meetings import NotAllowed, Refused
from .common import context, guard_workspace, not_allowed


def _meeting(page, pk):
    return get_object_or_404(Meeting.objects.select_related("workspace"), pk=pk, workspace=page)


def _documents(page):
    if not page.collection_id:
        return get_document_model().objects.none()
    return (
        get_document_model()
        .objects.filter(collection__path__startswith=page.collection.path)
        .order_by("title")
    )


def meeting_edit(request, page, meeting=None):
    denied = guard_workspace(request, page)
    if denied:
        return denied
    decision = rules.can_manage_meetings(request.user, page)
    if not decision:
        return not_allowed(request, page, decision)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        saved = services.save_meeting(
            workspace=page, user=request.user, data=form.cleaned_data, meeting=meeting
        )
        messages.success(request, _("Die Sitzung ist gespeichert."))
        return redirect(page.url + f"sitzungen/{saved.pk}/")
    return TemplateResponse(
        request,
        "intranet/meeting_form.html",
        context(request, page, form=form, meeting=meeting),
        status=400 if request.method == "POST" else 200,
    )


def _item_rows(meeting, user, can_edit, members, data=None, bound_item=None, bound_kind=None):
    voters = services.meeting_voters(meeting) if can_edit else None
    rows = []
    items = meeting.items.select_related("fund_application").prefetch_related(
        "documents", "decisions", "action_items__assignee", "conflicts"
    )
    for item in items:

        def bound(kind, item=item):
            return data if bound_item == item.pk and bound_kind == kind else None

        row = {
            "item": item,
            "conflicted": any(c.user_id == user.pk for c in item.conflicts.all()),
            "conflict_count": len(item.conflicts.all()),
            "can_declare": rules.can_declare_conflict(user, item),
        }
        if can_edit:
            row["quorum"] = services.item_quorum(item, voters)
            row["minutes_form"] = ItemMinutesForm(
                bound("minutes"), instance=item, prefix=f"i{item.pk}"
            )
            row["decision_form"] = DecisionForm(bound("decision"), prefix=f"d{item.pk}")
            row["task_form"] = ActionItemForm(bound("task"), prefix=f"t{item.pk}", members=members)
        rows.append(row)
    return rows


def meeting(
    request,
    page,
    pk,
    *,
    data=None,
    bound_item=None,
    bound_kind=None,
    error="",
    status=200,
    forms=None,
):
    denied = guard_workspace(request, page)
    if denied:
        return denied
    meeting = _meeting(page, pk)
    user = request.user
    can_edit = bool(rules.can_edit_minutes(user, meeting))
    can_manage = bool(rules.can_manage_meetings(user, page))
    minutes_visible = rules.can_view_minutes(user, meeting)
    member_list = selectors.members(page, meeting.starts_at.date())
    present = list(meeting.attendance.all())
    attendance = {a.user_id: a.status for a in present if a.user_id}
    forms = forms or {}
    later = Meeting.objects.filter(workspace=page, starts_at__gt=meeting.starts_at).order_by(
        "starts_at"
    )
    return TemplateResponse(
        request,
        "intranet/meeting.html",
        context(
            request,
            page,
            meeting=meeting,
            rows=_item_rows(
                meeting,
                user,
                can_edit,
                [ms.user for ms in member_list],
                data,
                bound_item,
                bound_kind,
            ),
            minutes_visible=minutes_visible,
            can_edit=can_edit,
            can_manage=can_manage,
            can_invite=rules.can_send_invitation(user, meeting),
            can_circulate=rules.can_circulate_minutes(user, meeting),
            can_comment=rules.can_comment_minutes(user, meeting),
            can_approve=rules.can_approve_minutes(user, meeting),
            can_publish=rules.can_publish_minutes(user, meeting),
            can_publish_public=rules.can_publish_public_minutes(user, meeting),
            member_list=member_list,
            attendance=attendance,
            guests=[a.guest_name for a in present if not a.user_id],
            attendance_choices=m.ATTENDANCE,
            item_form=forms.get("item")
            or (AgendaItemForm(documents=_documents(page)) if can_manage and can_edit else None),
            comment_form=forms.get("comment") or CommentForm(),
            comments=meeting.comments.select_related("author") if minutes_visible else [],
            later_meetings=later,
            invitation_due=services.invitation_due(meeting),
            majority_text=bodies.rule_text(page.majority_rule),
            error=error,
        ),
        status=status,
    )


def _back(page, meeting, anchor=""):
    return redirect(page.url + f"sitzungen/{meeting.pk}/" + (f"#{anchor}" if anchor else ""))


def meeting_action(request, page, pk, action):
    denied = guard_workspace(request, page)
    if denied:
        return denied
    current = _meeting(page, pk)
    if action == "bearbeiten":
        return meeting_edit(request, page, current)
    if action == "kalender":
        url = services.absolute(services.meeting_url(current))
        response = HttpResponse(meeting_calendar(current, url), content_type="text/calendar")
        response["Content-Disposition"] = f'attachment; filename="sitzung-{current.pk}.ics"'
        return response
    if action == "protokoll-pdf":
        return minutes_pdf(request, page, current)
    if request.method != "POST" or action not in ACTIONS:
        raise Http404
    handler, rule = ACTIONS[action]
    if rule is not None:
        decision = rule(request.user, current)
        if not decision:
            return not_allowed(request, page, decision)
    try:
        return handler(request, page, current)
    except NotAllowed as refused:
        return not_allowed(request, page, refused.decision)
    except Refused as refused:
        return meeting(request, page, pk, error=refused.message, status=400)


def _item(request, current):
    return get_object_or_404(AgendaItem, pk=request.POST.get("item"), meeting=current)


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
    return _back(page, current)


def cancel(request, page, current):
    services.cancel_meeting(meeting=current, user=request.user)
    messages.success(request, _("Die Sitzung ist abgesagt."))
    return _back(page, current)


def add_item(request, page, current):
    form = AgendaItemForm(request.POST, documents=_documents(page))
    if not form.is_valid():
        return meeting(request, page, current.pk, forms={"item": form}, status=400)
    services.add_item(meeting=current, user=request.user, **form.cleaned_data)
    return _back(page, current, "tagesordnung")


def move_item(request, page, current):
    services.move_item(
        item=_item(request, current), user=request.user, up=request.POST.get("direction") == "up"
    )
    return _back(page, current, "tagesordnung")


def attendance(request, page, current):
    statuses = {}
    for key, value in request.POST.items():
        if key.startswith("a-"):
            try:
                statuses[int(key[2:])] = value
            except ValueError:
                raise Refused(
                    _("Diese Anwesenheit passt nicht zu den Mitgliedern des Gremiums.")
                ) from None
    guests = [line for line in request.POST.get("guests", "").splitlines() if line.strip()]
    services.record_attendance(meeting=current, user=request.user, statuses=statuses, guests=guests)
    messages.success(request, _("Die Anwesenheit ist gespeichert."))
    return _back(page, current, "anwesenheit")


def conflict(request, page, current):
    item = _item(request, current)
    services.declare_conflict(
        item=item, user=request.user, conflicted=request.POST.get("conflicted") == "1"
    )
    return _back(page, current, f"top-{item.position}")


def item_minutes(request, page, current):
    item = _item(request, current)
    if not rules.can_edit_minutes(request.user, current):
        raise NotAllowed(rules.can_edit_minutes(request.user, current))
    form = ItemMinutesForm(request.POST, instance=item, prefix=f"i{item.pk}")
    if not form.is_valid():
        return meeting(
            request,
            page,
            current.pk,
            data=request.POST,
            bound_item=item.pk,
            bound_kind="minutes",
            status=400,
        )
    form.save()
    return _back(page, current, f"top-{item.position}")


def decision(request, page, current):
    item = _item(request, current)
    form = DecisionForm(request.POST, prefix=f"d{item.pk}")
    if not form.is_valid():
        return meeting(
            request,
            page,
            current.pk,
            data=request.POST,
            bound_item=item.pk,
            bound_kind="decision",
            status=400,
        )
    try:
        services.record_decision(item=item, user=request.user, **form.cleaned_data)
    except Refused as refused:
        return meeting(
            request,
            page,
            current.pk,
            data=request.POST,
            bound_item=item.pk,
            bound_kind="decision",
            error=refused.message,
            status=400,
        )
    return _back(page, current, f"top-{item.position}")


def task(request, page, current):
    item = _item(request, current)
    members = [ms.user for ms in selectors.members(page, current.starts_at.date())]
    form = ActionItemForm(request.POST, prefix=f"t{item.pk}", members=members)
    if not form.is_valid():
        return meeting(
            request,
            page,
            current.pk,
            data=request.POST,
            bound_item=item.pk,
            bound_kind="task",
            status=400,
        )
    services.add_action_item(workspace=page, user=request.user, item=item, **form.cleaned_data)
    return _back(page, current, f"top-{item.position}")


def circulate(request, page, current):
    services.circulate_minutes(meeting=current, user=request.user)
    messages.success(request, _("Der Entwurf ist an die Mitglieder verschickt."))
    return _back(page, current)


def comment(request, page, current):
    form = CommentForm(request.POST)
    if not form.is_valid():
        return meeting(request, page, current.pk, forms={"comment": form}, status=400)
    services.comment_minutes(meeting=current, user=request.user, text=form.cleaned_data["text"])
    return _back(page, current, "anmerkungen")


def approve(request, page, current):
    at = request.POST.get("at_meeting")
    at_meeting = Meeting.objects.filter(pk=at, workspace=page).first() if at else None
    services.approve_minutes(meeting=current, user=request.user, at_meeting=at_meeting)
    messages.success(request, _("Das Protokoll ist genehmigt."))
    return _back(page, current)


def publish(request, page, current):
    services.publish_minutes(meeting=current, user=request.user)
    messages.success(request, _("Das Protokoll ist für die Mitglieder veröffentlicht."))
    return _back(page, current)


def publish_public(request, page, current):
    services.publish_public_minutes(meeting=current, user=request.user)
    messages.success(request, _("Die öffentliche Fassung ist veröffentlicht."))
    return _back(page, current)


def _managing(user, meeting):
    return rules.can_manage_meetings(user, meeting.workspace)


# action: (handler, rule checked before anything is read from the form; None: the service
# checks, because the rule depends on the state the service locks)
ACTIONS = {
    "einladen": (invite, None),
    "absagen": (cancel, None),
    "top-neu": (add_item, _managing),
    "top-verschieben": (move_item, _managing),
    "anwesenheit": (attendance, rules.can_edit_minutes),
    "befangenheit": (conflict, None),
    "protokoll-top": (item_minutes, rules.can_edit_minutes),
    "beschluss": (decision, rules.can_edit_minutes),
    "aufgabe": (task, rules.can_edit_minutes),
    "umlauf": (circulate, None),
    "anmerkung": (comment, None),
    "genehmigen": (approve, None),
    "veroeffentlichen": (publish, None),
    "oeffentlich": (publish_public, None),
}


def minutes_pdf(request, page, current):
    decision = rules.can_view_minutes(request.user, current)
    if not decision:
        return not_allowed(request, page, decision)
    context = {
        "meeting": current,
        "workspace": page,
        "items": current.items.prefetch_related("decisions", "action_items__assignee"),
        "attendance": current.attendance.select_related("user"),
        "majority_text": bodies.rule_text(page.majority_rule),
        "generated": timezone.now(),
    }
    return pdf_response(
        f"protokoll-{current.pk}.pdf", "intranet/minutes_pdf.html", context, request
    )
