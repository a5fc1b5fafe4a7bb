"""Read queries for intranet pages: always filtered by what the person may see, in a fixed
number of queries however many meetings, tasks and documents there are."""

from django.conf import settings
from django.db.models import Count, F, Prefetch, Q
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from . import rules
from .models import (
    ActionItem,
    Activity,
    AgendaItem,
    Circulation,
    Decision,
    Meeting,
    Membership,
    WorkspacePage,
)


def workspaces(user):
    """Live workspaces the person may see, by title (their memberships come along)."""
    if not user.is_authenticated:
        return []
    candidates = WorkspacePage.objects.live().filter(locale__language_code="de").order_by("title")
    candidates = candidates.select_related("collection")
    return [ws for ws in candidates if rules.can_view_workspace(user, ws)]


def upcoming_meetings(spaces, limit=5):
    return list(
        Meeting.objects.filter(workspace__in=spaces, starts_at__gte=timezone.now())
        .exclude(state=Meeting.State.CANCELLED)
        .select_related("workspace")
        .order_by("starts_at")[:limit]
    )


def open_tasks(user, limit=None):
    tasks = (
        ActionItem.objects.filter(assignee=user, status=ActionItem.State.OPEN)
        .select_related("workspace")
        .order_by("due", "pk")
    )
    return list(tasks[:limit] if limit else tasks)


def recent_activity(spaces, limit=10):
    return list(
        Activity.objects.filter(workspace__in=spaces)
        .select_related("workspace", "actor")
        .order_by("-created_at", "-pk")[:limit]
    )


def members(workspace, day=None):
    return list(
        Membership.objects.active(day)
        .filter(workspace=workspace)
        .select_related("user")
        .order_by("role", "user__last_name", "user__first_name", "user__email")
    )


def seat_balance(member_list):
    """Voting seats held by residents, and whether they are the majority."""
    voting = [ms for ms in member_list if ms.voting]
    residents = sum(1 for ms in voting if ms.resident)
    return {"voting": len(voting), "residents": residents, "majority": residents * 2 > len(voting)}


def workspace_overview(workspace):
    now = timezone.now()
    meetings = Meeting.objects.filter(workspace=workspace).annotate(item_count=Count("items"))
    return {
        "next_meetings": list(meetings.filter(starts_at__gte=now).order_by("starts_at")[:3]),
        "past_meetings": list(meetings.filter(starts_at__lt=now).order_by("-starts_at")[:5]),
        "circulations": list(
            Circulation.objects.filter(workspace=workspace, closed_at__isnull=True).order_by(
                "deadline"
            )
        ),
        "tasks": list(
            ActionItem.objects.filter(workspace=workspace, status=ActionItem.State.OPEN)
            .select_related("assignee")
            .order_by("due")[:10]
        ),
        "documents": list(
            get_document_model()
            .objects.filter(collection__path__startswith=workspace.collection.path)
            .order_by("-created_at")[:5]
        )
        if workspace.collection_id
        else [],
        "activity": recent_activity([workspace], limit=5),
    }


def readable_document_filter(user, spaces):
    """A Q over documents: inside these workspaces' collections, where Wagtail's collection
    privacy admits the person. Restrictions are read in one query."""
    collections = [ws.collection for ws in spaces if ws.collection_id]
    step = 4  # treebeard's path step: every prefix of this length is an ancestor
    ancestors = {c.path[:end] for c in collections for end in range(step, len(c.path) + 1, step)}
    restrictions = (
        CollectionViewRestriction.objects.filter(collection__path__in=ancestors)
        .select_related("collection")
        .prefetch_related("groups")
    )
    group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    refusing = [
        r.collection.path for r in restrictions if not rules.restriction_admits(r, user, group_ids)
    ]
    condition = Q(pk__in=[])
    for collection in collections:
        if not any(collection.path.startswith(path) for path in refusing):
            condition |= Q(collection__path__startswith=collection.path)
    return condition


def search_documents(user, spaces, query):
    """Documents the person may read whose title or text matches; on PostgreSQL by the
    stored German full-text vector (word forms, ranked), elsewhere by substring."""
    documents = get_document_model().objects.filter(readable_document_filter(user, spaces))
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


def search(user, query, limit):
    """Documents, agenda items with their minutes, and decisions that match `query`, where
    the person may read them (draft minutes only for those who write them)."""
    results = {"documents": [], "items": [], "decisions": []}
    if not query:
        return results
    spaces = workspaces(user)
    results["documents"] = list(search_documents(user, spaces, query)[:limit])
    writing = [ws for ws in spaces if rules.can_manage_meetings(user, ws)]
    visible_minutes = Q(meeting__workspace__in=spaces) & (
        ~Q(meeting__minutes_state=Meeting.MinutesState.DRAFT) | Q(meeting__workspace__in=writing)
    )
    results["items"] = list(
        AgendaItem.objects.filter(visible_minutes)
        .filter(
            Q(title__icontains=query)
            | Q(summary__icontains=query)
            | Q(description__icontains=query)
        )
        .select_related("meeting__workspace")
        .order_by("-meeting__starts_at")[:limit]
    )
    results["decisions"] = list(
        Decision.objects.filter(workspace__in=spaces, text__icontains=query)
        .filter(Q(item__isnull=True) | Q(item__in=AgendaItem.objects.filter(visible_minutes)))
        .select_related("workspace", "item__meeting")
        .order_by("-decided_on")[:limit]
    )
    return results


# --- what everyone sees: the public pages of the bodies and OParl ------------------------


def public_bodies():
    """The bodies that show a public page (German tree, live), by title."""
    return (
        WorkspacePage.objects.live()
        .filter(locale__language_code="de", show_public_page=True)
        .order_by("title")
    )


def public_meetings(workspaces=None):
    """Meetings of public bodies held in public (one that was not never appears, minutes or
    not); cancelled ones only with published minutes."""
    meetings = Meeting.objects.filter(
        workspace__in=public_bodies() if workspaces is None else workspaces
    )
    return meetings.filter(public=True).exclude(
        state=Meeting.State.CANCELLED, public_minutes_published=False
    )


def public_minutes_filter(prefix=""):
    """A Q: the public version of the minutes may be shown (published, and the body
    publishes its minutes)."""
    return Q(**{f"{prefix}public": True, f"{prefix}public_minutes_published": True}) & Q(
        **{f"{prefix}workspace__public_minutes": True}
    )


def public_items(meetings=None):
    """Public agenda items of public meetings."""
    return AgendaItem.objects.filter(
        public=True, meeting__in=public_meetings() if meetings is None else meetings
    )


def public_items_prefetch():
    return Prefetch(
        "items",
        queryset=AgendaItem.objects.filter(public=True).prefetch_related("decisions"),
        to_attr="public_items",
    )


def public_memberships():
    """Memberships in public bodies whose members agreed to be named in public."""
    return Membership.objects.filter(workspace__in=public_bodies(), public_name=True)
