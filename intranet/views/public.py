"""Public pages of the bodies, their public meetings and minutes, and OParl JSON."""

from django.db.models import Prefetch, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .. import bodies
from ..models import AgendaItem, Meeting, WorkspacePage

OPARL = "https://schema.oparl.org/1.1/"


def _public_bodies():
    return (
        WorkspacePage.objects.live()
        .filter(locale__language_code="de", show_public_page=True)
        .order_by("title")
    )


def _public_meetings(workspace):
    """Only meetings held in public; one that was not never appears, minutes or not."""
    return Meeting.objects.filter(workspace=workspace, public=True).exclude(
        state=Meeting.State.CANCELLED, public_minutes_published=False
    )


def _public_items():
    return Prefetch(
        "items",
        queryset=AgendaItem.objects.filter(public=True).prefetch_related("decisions"),
        to_attr="public_items",
    )


def bodies_index(request, page):
    context = page.get_context(request)
    context["bodies"] = list(_public_bodies())
    return TemplateResponse(request, "intranet/public/bodies.html", context)


def body(request, page, slug):
    workspace = get_object_or_404(_public_bodies(), slug=slug)
    context = page.get_context(request)
    context.update(
        body=workspace,
        meetings=list(_public_meetings(workspace).order_by("-starts_at")[:50]),
        majority_text=bodies.rule_text(workspace.majority_rule),
    )
    return TemplateResponse(request, "intranet/public/body.html", context)


def public_meeting(request, page, slug, pk):
    workspace = get_object_or_404(_public_bodies(), slug=slug)
    meeting = get_object_or_404(
        _public_meetings(workspace).prefetch_related(_public_items()), pk=pk
    )
    context = page.get_context(request)
    context.update(
        body=workspace,
        meeting=meeting,
        show_minutes=meeting.public_minutes_published and workspace.public_minutes,
    )
    return TemplateResponse(request, "intranet/public/meeting.html", context)


OPARL_STATES = {
    Meeting.State.PLANNED: "terminiert",
    Meeting.State.INVITED: "eingeladen",
    Meeting.State.HELD: "durchgeführt",
    Meeting.State.CANCELLED: "abgesagt",
}


def _oparl_items(meeting, url):
    minutes = meeting.public_minutes_published and meeting.workspace.public_minutes
    items = []
    for item in meeting.public_items:
        entry = {
            "id": f"{url}#top-{item.position}",
            "type": OPARL + "AgendaItem",
            "meeting": url,
            "number": str(item.position),
            "order": item.position,
            "name": item.title,
            "public": True,
        }
        if minutes:
            decisions = list(item.decisions.all())
            if decisions:
                entry["result"] = "; ".join(
                    "angenommen" if d.carried else "abgelehnt" for d in decisions
                )
                entry["resolutionText"] = "\n\n".join(
                    f"{d.text} (Ja {d.yes}, Nein {d.no}, Enthaltung {d.abstain})" for d in decisions
                )
        items.append(entry)
    return items


def _oparl_meeting(request, page, meeting):
    def address(name, *args):
        return request.build_absolute_uri(page.route_url(name, *args))

    url = address("oparl_meeting", meeting.pk)
    data = {
        "id": url,
        "type": OPARL + "Meeting",
        "name": f"{meeting.workspace.title}: {meeting.title}",
        "meetingState": OPARL_STATES[meeting.state],
        "cancelled": meeting.state == Meeting.State.CANCELLED,
        "start": meeting.starts_at.isoformat(),
        "end": meeting.ends_at.isoformat(),
        "organization": [address("body", meeting.workspace.slug)],
        "agendaItem": _oparl_items(meeting, url),
        "web": address("public_meeting", meeting.workspace.slug, meeting.pk),
        "created": meeting.created_at.isoformat(),
        "modified": meeting.updated_at.isoformat(),
    }
    if meeting.place:
        data["location"] = {"type": OPARL + "Location", "description": meeting.place}
    return data


def oparl_meetings(request, page):
    meetings = (
        Meeting.objects.filter(workspace__in=_public_bodies())
        .filter(Q(public=True) | Q(public_minutes_published=True))
        .select_related("workspace")
        .prefetch_related(_public_items())
        .order_by("-starts_at")[:200]
    )
    data = {
        "data": [_oparl_meeting(request, page, meeting) for meeting in meetings],
        "pagination": {"elementsPerPage": 200},
        "links": {},
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def oparl_meeting(request, page, pk):
    meeting = (
        Meeting.objects.filter(workspace__in=_public_bodies(), pk=pk)
        .filter(Q(public=True) | Q(public_minutes_published=True))
        .select_related("workspace")
        .prefetch_related(_public_items())
        .first()
    )
    if meeting is None:
        raise Http404
    return JsonResponse(
        _oparl_meeting(request, page, meeting), json_dumps_params={"ensure_ascii": False}
    )
