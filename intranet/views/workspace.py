"""A workspace's overview, members, activity and task pages."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models.listing import paginate

from .. import bodies, rules, selectors
from ..forms import MembershipForm
from ..models import ActionItem, Activity, Membership
from ..services import tasks as task_services
from ..services.activity import record
from ..services.meetings import NotAllowed
from .common import context, guard_workspace, not_allowed


def workspace(request, page):
    denied = guard_workspace(request, page)
    if denied:
        return denied
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
            quorum_text=dict(bodies.QUORUM_RULES)[page.quorum_rule],
            majority_text=dict(bodies.MAJORITY_RULES)[page.majority_rule],
            today=timezone.localdate(),
        ),
    )


def members(request, page):
    denied = guard_workspace(request, page)
    if denied:
        return denied
    manage = rules.can_manage_members(request.user, page)
    editing = None
    if "bearbeiten" in request.GET and manage:
        editing = get_object_or_404(Membership, pk=request.GET["bearbeiten"], workspace=page)
    form = None
    if manage:
        instance = editing or Membership(workspace=page)
        form = MembershipForm(
            request.POST or None, instance=instance, workspace=page, prefix="member"
        )
    if request.method == "POST":
        if not manage:
            return not_allowed(request, page, manage)
        if "end" in request.POST:
            ended = get_object_or_404(Membership, pk=request.POST["end"], workspace=page)
            ended.end = max(timezone.localdate(), ended.start)
            ended.save()
            record(
                page,
                "membership",
                _("Mitgliedschaft beendet: %(name)s")
                % {"name": ended.user.get_full_name() or ended.user.email},
                page.url + "mitglieder/",
                request.user,
                notify_members=False,
            )
            messages.success(request, _("Die Mitgliedschaft ist beendet."))
            return redirect(page.url + "mitglieder/")
        if form.is_valid():
            saved = form.save()
            if editing is None:
                record(
                    page,
                    "membership",
                    _("Neues Mitglied: %(name)s")
                    % {"name": saved.user.get_full_name() or saved.user.email},
                    page.url + "mitglieder/",
                    request.user,
                    notify_members=False,
                )
            messages.success(request, _("Die Mitgliedschaft ist gespeichert."))
            return redirect(page.url + "mitglieder/")
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
    denied = guard_workspace(request, page)
    if denied:
        return denied
    entries = paginate(
        request,
        Activity.objects.filter(workspace=page).select_related("actor").order_by("-created_at"),
        per_page=30,
    )
    return TemplateResponse(
        request, "intranet/activity.html", context(request, page, entries=entries, workspace=page)
    )


def task(request, page, pk):
    denied = guard_workspace(request, page)
    if denied:
        return denied
    item = get_object_or_404(
        ActionItem.objects.select_related("assignee", "item__meeting"), pk=pk, workspace=page
    )
    if request.method == "POST":
        try:
            task_services.set_done(
                task=item, user=request.user, done=request.POST.get("done") == "1"
            )
        except NotAllowed as refused:
            return not_allowed(request, page, refused.decision)
        messages.success(request, _("Die Aufgabe ist aktualisiert."))
        return redirect(page.url + f"aufgaben/{item.pk}/")
    return TemplateResponse(
        request,
        "intranet/task.html",
        context(
            request,
            page,
            task=item,
            can_update=rules.can_update_task(request.user, item),
            today=timezone.localdate(),
        ),
    )
