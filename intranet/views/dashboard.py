"""The intranet's entry page, "Meine Aufgaben", search and the activity stream."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.params import id_param, search_query
from core.refusals import require
from portal.models.listing import paginate

from .. import rules, selectors
from ..models import ActionItem
from ..services import tasks as task_services
from ..services.activity import visible_activity
from .common import context

SEARCH_LIMIT = 50


def dashboard(request, page):
    require(rules.can_enter_intranet(request.user), page)
    spaces = selectors.workspaces(request.user)
    memberships = rules.memberships(request.user)
    return TemplateResponse(
        request,
        "intranet/dashboard.html",
        context(
            request,
            page,
            spaces=spaces,
            memberships=memberships,
            meetings=selectors.upcoming_meetings(spaces),
            tasks=selectors.open_tasks(request.user, limit=5),
            activity=selectors.recent_activity(spaces),
            today=timezone.localdate(),
        ),
    )


def my_tasks(request, page):
    require(rules.can_enter_intranet(request.user), page)
    if request.method == "POST":
        task = get_object_or_404(ActionItem, pk=id_param(request.POST, "task"))
        task_services.set_done(task=task, user=request.user, done=request.POST.get("done") == "1")
        messages.success(request, _("Die Aufgabe ist aktualisiert."))
        return redirect(page.route_url("my_tasks"))
    tasks = selectors.open_tasks(request.user)
    today = timezone.localdate()
    return TemplateResponse(
        request,
        "intranet/my_tasks.html",
        context(
            request,
            page,
            overdue=[task for task in tasks if task.due < today],
            upcoming=[task for task in tasks if task.due >= today],
            done=list(
                ActionItem.objects.filter(assignee=request.user, status=ActionItem.State.DONE)
                .select_related("workspace")
                .order_by("-done_at")[:10]
            ),
            today=today,
        ),
    )


def search(request, page):
    require(rules.can_enter_intranet(request.user), page)
    query = search_query(request.GET, max_length=100)
    results = selectors.search(request.user, query, limit=SEARCH_LIMIT)
    return TemplateResponse(
        request, "intranet/search.html", context(request, page, query=query, results=results)
    )


def activity(request, page):
    require(rules.can_enter_intranet(request.user), page)
    spaces = selectors.workspaces(request.user)
    entries = paginate(
        request,
        visible_activity(request.user, spaces),
        per_page=30,
    )
    return TemplateResponse(
        request, "intranet/activity.html", context(request, page, entries=entries, workspace=None)
    )
