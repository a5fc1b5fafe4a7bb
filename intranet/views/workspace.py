"""A workspace's overview, members, activity and task pages."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.params import id_param
from core.refusals import require
from portal.models.listing import paginate

from .. import bodies, rules, selectors
from ..forms import ActionItemForm, MembershipForm
from ..models import ActionItem, Activity, Membership
from ..services import members as member_services
from ..services import tasks as task_services
from .common import context


def workspace(request, page):
    require(rules.can_view_workspace(request.user, page), page)
    member_list = selectors.members(page)
    return TemplateResponse(
        request,
        "intranet/workspace.html",
        context(
            request,
            page,
            overview=selectors.workspace_overview(page),
            membership=rules.membership(request.user, page),
            seats=selectors.seat_balance(member_list),
            member_count=len(member_list),
            can_manage_meetings=rules.can_manage_meetings(request.user, page),
            can_start_circulation=rules.can_start_circulation(request.user, page),
            can_upload=rules.can_upload(request.user, page),
            quorum_text=dict(bodies.QuorumRule.choices)[page.quorum_rule],
            majority_text=bodies.rule_text(page.majority_rule),
            today=timezone.localdate(),
        ),
    )


def _change_members(request, page, form):
    """A POST on the member list: end a membership, or save the form. A response when it
    is done, None when the form has errors."""
    require(rules.can_manage_members(request.user, page), page)
    if "end" in request.POST:
        ended = get_object_or_404(Membership, pk=id_param(request.POST, "end"), workspace=page)
        member_services.end_membership(membership=ended, user=request.user)
        messages.success(request, _("Die Mitgliedschaft ist beendet."))
        return redirect(page.route_url("members"))
    if not form.is_valid():
        return None
    member_services.save_membership(
        workspace=page, user=request.user, membership=form.save(commit=False)
    )
    messages.success(request, _("Die Mitgliedschaft ist gespeichert."))
    return redirect(page.route_url("members"))


def members(request, page):
    require(rules.can_view_workspace(request.user, page), page)
    manage = rules.can_manage_members(request.user, page)
    editing = None
    if "bearbeiten" in request.GET and manage:
        editing = get_object_or_404(
            Membership, pk=id_param(request.GET, "bearbeiten"), workspace=page
        )
    form = None
    if manage:
        form = MembershipForm(
            request.POST or None,
            instance=editing or Membership(workspace=page),
            workspace=page,
            prefix="member",
        )
    if request.method == "POST":
        done = _change_members(request, page, form)
        if done:
            return done
    member_list = selectors.members(page)
    return TemplateResponse(
        request,
        "intranet/members.html",
        context(
            request,
            page,
            member_list=member_list,
            seats=selectors.seat_balance(member_list),
            form=form,
            editing=editing,
            can_manage=manage,
            can_see_contacts=rules.can_take_part(request.user, page),
        ),
        status=400 if request.method == "POST" else 200,
    )


def workspace_activity(request, page):
    require(rules.can_view_workspace(request.user, page), page)
    entries = paginate(
        request,
        Activity.objects.filter(workspace=page).select_related("actor").order_by("-created_at"),
        per_page=30,
    )
    return TemplateResponse(
        request, "intranet/activity.html", context(request, page, entries=entries, workspace=page)
    )


def _assignable(page):
    return [ms.user for ms in task_services.assignable(page)]


def task_new(request, page):
    """A task outside any meeting, by those who plan meetings (the office included)."""
    require(rules.can_view_workspace(request.user, page), page)
    require(rules.can_manage_meetings(request.user, page), page)
    form = ActionItemForm(request.POST or None, members=_assignable(page))
    if request.method == "POST" and form.is_valid():
        created = task_services.add_action_item(
            workspace=page, user=request.user, **form.cleaned_data
        )
        messages.success(request, _("Die Aufgabe ist vergeben."))
        return redirect(page.route_url("task", created.pk))
    return TemplateResponse(
        request,
        "intranet/task_form.html",
        context(request, page, form=form),
        status=400 if request.method == "POST" else 200,
    )


def task(request, page, pk):
    require(rules.can_view_workspace(request.user, page), page)
    item = get_object_or_404(
        ActionItem.objects.select_related("assignee", "item__meeting"), pk=pk, workspace=page
    )
    can_edit = rules.can_manage_meetings(request.user, page)
    form = None
    if can_edit:
        data = request.POST if "edit" in request.POST else None
        form = ActionItemForm(data, instance=item, members=_assignable(page), prefix="task")
    if request.method == "POST" and form is not None and form.is_bound:
        if form.is_valid():
            task_services.update_task(task=item, user=request.user, **form.cleaned_data)
            messages.success(request, _("Die Aufgabe ist gespeichert."))
            return redirect(page.route_url("task", item.pk))
    elif request.method == "POST":
        task_services.set_done(task=item, user=request.user, done=request.POST.get("done") == "1")
        messages.success(request, _("Die Aufgabe ist aktualisiert."))
        return redirect(page.route_url("task", item.pk))
    if form is not None and form.is_bound:
        item.refresh_from_db()  # the form's instance took what was typed
    return TemplateResponse(
        request,
        "intranet/task.html",
        context(
            request,
            page,
            task=item,
            form=form,
            can_update=rules.can_update_task(request.user, item),
            today=timezone.localdate(),
        ),
        status=400 if request.method == "POST" else 200,
    )
