"""The intranet's entry page, "Meine Aufgaben", search and the activity stream."""

from django.contrib import messages
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from portal.models.listing import paginate

from .. import rules, selectors
from ..models import ActionItem, AgendaItem, Decision, IntranetIndexPage
from ..services import tasks as task_services
from ..services.meetings import NotAllowed
from .common import context, not_allowed

SEARCH_LIMIT = 50


def _gate(request, page):
    decision = rules.can_enter_intranet(request.user)
    return None if decision else not_allowed(request, page, decision)


def dashboard(request, page):
    denied = _gate(request, page)
    if denied:
        return denied
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
    denied = _gate(request, page)
    if denied:
        return denied
    if request.method == "POST":
        task = get_object_or_404(ActionItem, pk=request.POST.get("task"))
        try:
            task_services.set_done(
                task=task, user=request.user, done=request.POST.get("done") == "1"
            )
        except NotAllowed as refused:
            return not_allowed(request, page, refused.decision)
        messages.success(request, _("Die Aufgabe ist aktualisiert."))
        return redirect(page.url + "aufgaben/")
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
                ActionItem.objects.filter(assignee=request.user, status="done")
                .select_related("workspace")
                .order_by("-done_at")[:10]
            ),
            today=today,
        ),
    )


def search_documents(user, spaces, query):
    """Documents the person may read whose title or text matches; on PostgreSQL by the
    stored German full-text vector (word forms, ranked), elsewhere by substring."""
    from django.conf import settings

    documents = get_document_model().objects.filter(
        selectors.readable_document_filter(user, spaces)
    )
    if settings.IS_POSTGRES:
        from django.contrib.postgres.search import SearchQuery, SearchRank

        terms = SearchQuery(query, config="german", search_type="websearch")
        return (
            documents.filter(Q(extracted__search_vector=terms) | Q(title__icontains=query))
            .annotate(rank=SearchRank(F("extracted__search_vector"), terms))
            .order_by(F("rank").desc(nulls_last=True), "title")
            .select_related("collection")
        )
    return (
        documents.filter(Q(title__icontains=query) | Q(extracted__text__icontains=query))
        .order_by("title")
        .select_related("collection")
    )


def search(request, page):
    denied = _gate(request, page)
    if denied:
        return denied
    query = request.GET.get("q", "").strip()[:100]
    results = {"documents": [], "items": [], "decisions": []}
    if query:
        spaces = selectors.workspaces(request.user)
        results["documents"] = list(search_documents(request.user, spaces, query)[:SEARCH_LIMIT])
        visible_minutes = Q(meeting__workspace__in=spaces) & (
            ~Q(meeting__minutes_state="draft")
            | Q(
                meeting__workspace__in=[
                    ws for ws in spaces if rules.can_manage_meetings(request.user, ws)
                ]
            )
        )
        results["items"] = list(
            AgendaItem.objects.filter(visible_minutes)
            .filter(
                Q(title__icontains=query)
                | Q(summary__icontains=query)
                | Q(description__icontains=query)
            )
            .select_related("meeting__workspace")
            .order_by("-meeting__starts_at")[:SEARCH_LIMIT]
        )
        results["decisions"] = list(
            Decision.objects.filter(workspace__in=spaces, text__icontains=query)
            .filter(Q(item__isnull=True) | Q(item__in=AgendaItem.objects.filter(visible_minutes)))
            .select_related("workspace", "item__meeting")
            .order_by("-decided_on")[:SEARCH_LIMIT]
        )
    return TemplateResponse(
        request, "intranet/search.html", context(request, page, query=query, results=results)
    )


def activity(request, page):
    denied = _gate(request, page)
    if denied:
        return denied
    spaces = selectors.workspaces(request.user)
    entries = paginate(
        request,
        selectors.Activity.objects.filter(workspace__in=spaces)
        .select_related("workspace", "actor")
        .order_by("-created_at", "-pk"),
        per_page=30,
    )
    return TemplateResponse(
        request, "intranet/activity.html", context(request, page, entries=entries, workspace=None)
    )


def intranet_root():
    return IntranetIndexPage.objects.live().filter(locale__language_code="de").first()
