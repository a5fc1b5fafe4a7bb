"""The meeting page: agenda, attendance and minutes with every form the person may use.
Actions that fail render it again with what was typed (`Bound`) and the reason."""

from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.documents import get_document_model

from core.refusals import require

from .. import bodies, rules, selectors
from ..forms import (
    ActionItemForm,
    AgendaItemEditForm,
    AgendaItemForm,
    CommentForm,
    DecisionForm,
    ItemMinutesForm,
)
from ..models import Attendance, Meeting
from ..services import attendance as attendance_services
from ..services import meetings as meeting_services
from .common import context


@dataclass(frozen=True)
class Bound:
    """What was posted to one of the page's forms, to show it again with its errors: the
    agenda item's form of `kind` (minutes, decision, task), the attendance (`kind`
    "attendance"), or one of the page's own forms (`forms`: item, comment)."""

    data: object = None
    item: int | None = None
    kind: str = ""
    forms: dict = field(default_factory=dict)

    def for_item(self, item, kind):
        return self.data if self.item == item.pk and self.kind == kind else None


NOTHING_BOUND = Bound()


def get_meeting(page, pk):
    return get_object_or_404(Meeting.objects.select_related("workspace"), pk=pk, workspace=page)


def workspace_documents(page):
    if not page.collection_id:
        return get_document_model().objects.none()
    return (
        get_document_model()
        .objects.filter(collection__path__startswith=page.collection.path)
        .order_by("title")
    )


def back(page, meeting, anchor=""):
    """Back to the meeting page after an action, at the part it changed."""
    return redirect(page.route_url("meeting", meeting.pk) + (f"#{anchor}" if anchor else ""))


def _item_rows(meeting, user, can_edit, member_list, bound):
    can_change_agenda = rules.can_change_agenda(user, meeting)
    # Conflicts the fund found (applicant, or named in the application): for chair and office.
    sees_found = bool(rules.can_manage_meetings(user, meeting.workspace))
    voters = attendance_services.meeting_voters(meeting) if can_edit else None
    members = [ms.user for ms in member_list if ms.role != ms.Role.GUEST]  # guests take no task
    voting = [ms.user for ms in member_list if ms.voting]
    rows = []
    items = meeting.items.select_related("fund_application").prefetch_related(
        "documents", "decisions", "action_items__assignee", "conflicts__user"
    )
    for item in items:
        item.meeting = meeting  # the rules read the meeting and its workspace: no query
        declared = {c.user_id for c in item.declared_conflicts()}
        # A reverse one-to-one that is missing raises; templates would take the failure
        # for a value in the test settings, so the row carries None instead.
        application = getattr(item, "fund_application", None)
        row = {
            "item": item,
            "fund_application": application,
            "removable": application is None and not item.decisions.all(),
            "conflicted": user.pk in declared,
            # Found by the fund (the member is the applicant): not the member's to withdraw.
            "conflict_found": any(
                c.user_id == user.pk and c.reason and c.confirmed for c in item.conflicts.all()
            ),
            "conflict_count": len(declared),
            "found_conflicts": [c for c in item.conflicts.all() if c.reason] if sees_found else [],
            "can_declare": rules.can_declare_conflict(user, item),
            "can_record_conflict": rules.can_record_conflict(user, item),
        }
        if row["can_record_conflict"]:
            row["conflict_form"] = [person for person in voting if person.pk not in declared]
        if can_change_agenda:
            row["edit_form"] = AgendaItemEditForm(
                bound.for_item(item, "edit"), instance=item, prefix=f"e{item.pk}"
            )
        if can_edit:
            row["quorum"] = attendance_services.item_quorum(item, voters)
            row["minutes_form"] = ItemMinutesForm(
                bound.for_item(item, "minutes"), instance=item, prefix=f"i{item.pk}"
            )
            row["decision_form"] = DecisionForm(
                bound.for_item(item, "decision"), prefix=f"d{item.pk}"
            )
            row["task_form"] = ActionItemForm(
                bound.for_item(item, "task"), prefix=f"t{item.pk}", members=members
            )
        rows.append(row)
    return rows


def _permissions(user, meeting):
    return {
        "can_invite": rules.can_send_invitation(user, meeting),
        "can_circulate": rules.can_circulate_minutes(user, meeting),
        "can_reopen": rules.can_reopen_minutes(user, meeting),
        "can_comment": rules.can_comment_minutes(user, meeting),
        "can_approve": rules.can_approve_minutes(user, meeting),
        "can_publish": rules.can_publish_minutes(user, meeting),
        "can_publish_public": rules.can_publish_public_minutes(user, meeting),
    }


def _attendance(meeting, bound):
    """The attendance as recorded, or as just posted when saving it was refused."""
    if bound.kind == "attendance" and bound.data is not None:
        typed = {key[2:]: value for key, value in bound.data.items() if key.startswith("a-")}
        return {
            "attendance": {
                int(key): value for key, value in typed.items() if key.isascii() and key.isdigit()
            },
            "guests": bound.data.get("guests", ""),
            "attendance_choices": Attendance.Status.choices,
        }
    present = list(meeting.attendance.all())
    return {
        "attendance": {a.user_id: a.status for a in present if a.user_id},
        "guests": "\n".join(a.guest_name for a in present if not a.user_id and not a.former_member),
        "attendance_choices": Attendance.Status.choices,
    }


def meeting(request, page, pk, *, bound=NOTHING_BOUND, error="", status=200):
    require(rules.can_view_workspace(request.user, page), page)
    meeting = get_meeting(page, pk)
    user = request.user
    can_edit = bool(rules.can_edit_minutes(user, meeting))
    can_record = rules.can_record_proceedings(user, meeting)
    can_manage = bool(rules.can_manage_meetings(user, page))
    minutes_visible = rules.can_view_minutes(user, meeting)
    member_list = selectors.members(page, meeting.starts_at.date())
    item_form = bound.forms.get("item")
    if item_form is None and can_manage and can_edit:
        item_form = AgendaItemForm(documents=workspace_documents(page), meeting=meeting)
    data = context(
        request,
        page,
        meeting=meeting,
        rows=_item_rows(meeting, user, can_edit, member_list, bound),
        minutes_visible=minutes_visible,
        can_edit=can_edit,
        can_record=can_record,
        can_manage=can_manage,
        member_list=member_list,
        item_form=item_form,
        comment_form=bound.forms.get("comment") or CommentForm(),
        comments=meeting.comments.select_related("author") if minutes_visible else [],
        later_meetings=Meeting.objects.filter(
            workspace=page, starts_at__gt=meeting.starts_at
        ).order_by("starts_at"),
        invitation_due=meeting_services.invitation_due(meeting),
        short_notice=meeting_services.short_notice(meeting),
        auto_invitation=meeting.state == Meeting.State.PLANNED
        and meeting_services.invitation_due(meeting) > timezone.now(),
        majority_text=bodies.rule_text(page.majority_rule),
        error=error,
        **_permissions(user, meeting),
        **_attendance(meeting, bound),
    )
    return TemplateResponse(request, "intranet/meeting.html", data, status=status)
