"""OParl 1.1: the bodies, their public meetings and decisions as open data, under /oparl/.

One language-independent URL per object (outside the language prefix); the content is the
German source, as the public pages show it. Only what the public pages show appears, read
through the public selectors (`intranet.selectors.public_*`):

- System `/oparl/` -> Body (the office's area, one) -> external lists of its objects;
- Organization: each body with a public page;
- Person and Membership: only members who agreed to be named in public
  (`Membership.public_name`); everyone else is left out, not anonymised;
- Meeting (public, or with published public minutes), AgendaItem (public items);
- Paper and Consultation: a public item with a decision in published public minutes
  (jury decisions on fund applications included);
- File: the public minutes as PDF; Location: the place of a meeting.

Lists are paginated (`OPARL_PAGE_SIZE`, `links.next`, `pagination.totalElements`) and
honour `created_since/until`, `modified_since/until` and `omit_internal`. Every answer
carries `Access-Control-Allow-Origin: *`; unknown objects and bad parameters answer with
an OParl `Error` object. Deleted objects are not reported (nothing keeps them).
"""

import json
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import DateTimeField, Exists, Max, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce, Greatest
from django.http import HttpResponse
from django.urls import path, re_path, reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.exports import attachment, pdf_bytes
from core.identity import current_office

from . import selectors
from .models import BodiesPage, Decision, Meeting

OPARL = "https://schema.oparl.org/1.1/"
# The office's area is the one Body of this system; its key is part of its URL.
BODY_KEY = "quartier"
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")

MEETING_STATES = {
    Meeting.State.PLANNED: "terminiert",
    Meeting.State.INVITED: "eingeladen",
    Meeting.State.HELD: "durchgeführt",
    Meeting.State.CANCELLED: "abgesagt",
}


class OParlError(Exception):
    def __init__(self, status, message, debug=""):
        super().__init__(message)
        self.status, self.message, self.debug = status, message, debug


def _json(data, status=200):
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=None),
        content_type="application/json; charset=utf-8",
        status=status,
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD"
    return response


def _error(error):
    return _json(
        {"type": OPARL + "Error", "message": error.message, "debug": error.debug},
        status=error.status,
    )


def _not_found(debug=""):
    return OParlError(404, _("Dieses Objekt gibt es nicht oder es ist nicht öffentlich."), debug)


def _stamp(value):
    return value.isoformat() if value else None


def _clean(data):
    """Leave out empty values: OParl has no nulls for missing attributes."""
    return {key: value for key, value in data.items() if value not in (None, "")}


class Context:
    """What every serializer needs for one request: absolute URLs and the query options."""

    def __init__(self, request):
        self.request = request
        self.omit_internal = request.GET.get("omit_internal", "").lower() == "true"

    def url(self, name, *args):
        return self.request.build_absolute_uri(reverse(f"oparl:{name}", args=args))

    @cached_property
    def body_url(self):
        return self.url("body", BODY_KEY)

    @cached_property
    def _bodies_page(self):
        page = BodiesPage.objects.live().filter(locale__language_code="de").first()
        if page is None:
            return None, ""
        return page, page.get_url(self.request) or ""

    def web(self, name, *args):
        """The public page of an object (the "Gremien" page's routes), if there is one."""
        page, base = self._bodies_page
        if page is None:
            return None
        return self.request.build_absolute_uri(base + page.reverse_subpage(name, args=args))

    @property
    def bodies_page(self):
        return self._bodies_page[0]


# --- the objects ---------------------------------------------------------------------------


def minutes_public(meeting):
    return meeting.public_minutes_published and meeting.workspace.public_minutes


def organization(ctx, workspace):
    return _clean(
        {
            "id": ctx.url("organization", workspace.pk),
            "type": OPARL + "Organization",
            "body": ctx.body_url,
            "name": workspace.title,
            "organizationType": "Gremium",
            "classification": str(workspace.get_kind_display()),
            "membership": [ctx.url("membership", m.pk) for m in workspace.oparl_memberships],
            "meeting": ctx.url("organization-meetings", workspace.pk),
            "web": ctx.web("body", workspace.slug),
            "created": _stamp(workspace.first_published_at),
            "modified": _stamp(workspace.last_published_at),
        }
    )


def membership(ctx, item):
    return _clean(
        {
            "id": ctx.url("membership", item.pk),
            "type": OPARL + "Membership",
            "person": ctx.url("person", item.user_id),
            "organization": ctx.url("organization", item.workspace_id),
            "role": str(item.get_role_display()),
            "votingRight": item.voting,
            "startDate": item.start.isoformat(),
            "endDate": item.end.isoformat() if item.end else None,
            "created": _stamp(item.created_at),
            "modified": _stamp(item.updated_at),
        }
    )


def person(ctx, user):
    data = {
        "id": ctx.url("person", user.pk),
        "type": OPARL + "Person",
        "body": ctx.body_url,
        "name": user.get_full_name() or user.display_name,
        "familyName": user.last_name,
        "givenName": user.first_name,
        "created": _stamp(user.date_joined),
        "modified": _stamp(user.oparl_modified),
    }
    if not ctx.omit_internal:
        data["membership"] = [membership(ctx, m) for m in user.oparl_memberships]
    return _clean(data)


def location(ctx, meeting):
    return {
        "id": ctx.url("location", meeting.pk),
        "type": OPARL + "Location",
        "description": meeting.place,
        "meetings": [ctx.url("meeting", meeting.pk)],
        "created": _stamp(meeting.created_at),
        "modified": _stamp(meeting.updated_at),
    }


def file(ctx, meeting):
    download = ctx.url("file-download", meeting.pk)
    return {
        "id": ctx.url("file", meeting.pk),
        "type": OPARL + "File",
        "name": f"Öffentliches Protokoll: {meeting.workspace.title}, {meeting.title}",
        "fileName": f"protokoll-{meeting.pk}.pdf",
        "mimeType": "application/pdf",
        "date": timezone.localtime(meeting.starts_at).date().isoformat(),
        "accessUrl": download,
        "downloadUrl": download,
        "meeting": [ctx.url("meeting", meeting.pk)],
        "created": _stamp(meeting.created_at),
        "modified": _stamp(meeting.updated_at),
    }


def _decisions_text(item):
    decisions = list(item.decisions.all())
    result = "; ".join("angenommen" if d.carried else "abgelehnt" for d in decisions)
    text = "\n\n".join(
        f"{d.text} (Ja {d.yes}, Nein {d.no}, Enthaltung {d.abstain})" for d in decisions
    )
    return decisions, result, text


def is_paper(item):
    """A public item whose decision stands in published public minutes."""
    return minutes_public(item.meeting) and bool(list(item.decisions.all()))


def agenda_item(ctx, item):
    meeting = item.meeting
    data = {
        "id": ctx.url("agendaitem", item.pk),
        "type": OPARL + "AgendaItem",
        "meeting": ctx.url("meeting", meeting.pk),
        "number": str(item.position),
        "order": item.position,
        "name": item.title,
        "public": True,
        "created": _stamp(meeting.created_at),
        "modified": _stamp(meeting.updated_at),
    }
    web = ctx.web("public_meeting", meeting.workspace.slug, meeting.pk)
    if web:
        data["web"] = f"{web}#top-{item.position}"
    if minutes_public(meeting):
        decisions, result, text = _decisions_text(item)
        if decisions:
            data.update(
                result=result, resolutionText=text, consultation=ctx.url("consultation", item.pk)
            )
    return data


def meeting_data(ctx, meeting):
    data = {
        "id": ctx.url("meeting", meeting.pk),
        "type": OPARL + "Meeting",
        "name": f"{meeting.workspace.title}: {meeting.title}",
        "meetingState": MEETING_STATES[meeting.state],
        "cancelled": meeting.state == Meeting.State.CANCELLED,
        "start": meeting.starts_at.isoformat(),
        "end": meeting.ends_at.isoformat(),
        "organization": [ctx.url("organization", meeting.workspace_id)],
        "web": ctx.web("public_meeting", meeting.workspace.slug, meeting.pk),
        "created": _stamp(meeting.created_at),
        "modified": _stamp(meeting.updated_at),
    }
    if meeting.place:
        data["location"] = location(ctx, meeting)
    if minutes_public(meeting):
        data["resultsProtocol"] = file(ctx, meeting)
    if not ctx.omit_internal:
        for item in meeting.public_items:
            item.meeting = meeting  # already loaded: no query per item
        data["agendaItem"] = [agenda_item(ctx, item) for item in meeting.public_items]
    return _clean(data)


def consultation(ctx, item):
    meeting = item.meeting
    return {
        "id": ctx.url("consultation", item.pk),
        "type": OPARL + "Consultation",
        "paper": ctx.url("paper", item.pk),
        "agendaItem": ctx.url("agendaitem", item.pk),
        "meeting": ctx.url("meeting", meeting.pk),
        "organization": [ctx.url("organization", meeting.workspace_id)],
        "authoritative": True,
        "role": "Entscheidung",
        "created": _stamp(meeting.created_at),
        "modified": _stamp(meeting.updated_at),
    }


def paper(ctx, item):
    meeting = item.meeting
    decisions = list(item.decisions.all())
    data = {
        "id": ctx.url("paper", item.pk),
        "type": OPARL + "Paper",
        "body": ctx.body_url,
        "name": item.title,
        "reference": f"{meeting.workspace.title} {meeting.pk}/{item.position}",
        "date": decisions[0].decided_on.isoformat(),
        "paperType": "Beschlussvorlage",
        "mainFile": file(ctx, meeting),
        "underDirectionOf": [ctx.url("organization", meeting.workspace_id)],
        "consultation": [consultation(ctx, item)],
        "created": _stamp(meeting.created_at),
        "modified": _stamp(meeting.updated_at),
    }
    web = ctx.web("public_meeting", meeting.workspace.slug, meeting.pk)
    if web:
        data["web"] = f"{web}#top-{item.position}"
    return data


# --- what is public, per kind --------------------------------------------------------------


def _organizations():
    return selectors.public_bodies().prefetch_related(
        Prefetch(
            "memberships",
            queryset=selectors.public_memberships().order_by("pk"),
            to_attr="oparl_memberships",
        )
    )


def _people():
    shown = selectors.public_memberships()
    named = Q(memberships__in=shown)
    return (
        get_user_model()
        .objects.filter(pk__in=shown.values("user"))
        .annotate(
            oparl_modified=Greatest(
                "date_joined",
                Coalesce(Max("memberships__updated_at", filter=named), "date_joined"),
                output_field=DateTimeField(),
            )
        )
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=shown.order_by("pk"),
                to_attr="oparl_memberships",
            )
        )
    )


def _meetings():
    return (
        selectors.public_meetings()
        .select_related("workspace")
        .prefetch_related(selectors.public_items_prefetch())
    )


def _items():
    return (
        selectors.public_items().select_related("meeting__workspace").prefetch_related("decisions")
    )


def _papers():
    decided = Exists(Decision.objects.filter(item=OuterRef("pk")))
    return _items().filter(selectors.public_minutes_filter("meeting__")).filter(decided)


def _files():
    return (
        selectors.public_meetings()
        .filter(selectors.public_minutes_filter())
        .select_related("workspace")
    )


def _locations():
    return selectors.public_meetings().exclude(place="").select_related("workspace")


@dataclass(frozen=True)
class Kind:
    """One OParl object type: its public objects, how one looks, the fields its
    `created`/`modified` filters compare."""

    list_name: str  # segment of the body's external list
    name: str  # URL name of one object
    queryset: object
    serialize: object
    created: str
    modified: str


KINDS = [
    Kind(
        "organizations",
        "organization",
        _organizations,
        organization,
        "first_published_at",
        "last_published_at",
    ),
    Kind("people", "person", _people, person, "date_joined", "oparl_modified"),
    Kind(
        "memberships",
        "membership",
        lambda: selectors.public_memberships(),
        membership,
        "created_at",
        "updated_at",
    ),
    Kind("meetings", "meeting", _meetings, meeting_data, "created_at", "updated_at"),
    Kind(
        "agenda-items",
        "agendaitem",
        _items,
        agenda_item,
        "meeting__created_at",
        "meeting__updated_at",
    ),
    Kind(
        "consultations",
        "consultation",
        _papers,
        consultation,
        "meeting__created_at",
        "meeting__updated_at",
    ),
    Kind("papers", "paper", _papers, paper, "meeting__created_at", "meeting__updated_at"),
    Kind("files", "file", _files, file, "created_at", "updated_at"),
    Kind("locations", "location", _locations, location, "created_at", "updated_at"),
]
BY_LIST = {kind.list_name: kind for kind in KINDS}


# --- the answers ---------------------------------------------------------------------------


def _date_filters(request):
    """created_since/until, modified_since/until as aware datetimes, or an Error."""
    found = {}
    for name in FILTERS:
        raw = request.GET.get(name)
        if raw is None:
            continue
        try:
            value = parse_datetime(raw.replace(" ", "+"))  # an unencoded "+" arrives as " "
        except ValueError:
            value = None
        if value is None:
            raise OParlError(
                400,
                _("%(name)s ist kein Zeitpunkt nach ISO 8601 (z. B. 2026-01-31T12:00:00+01:00).")
                % {"name": name},
                raw,
            )
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        found[name] = value
    return found


def _page_number(request):
    raw = request.GET.get("page", "1")
    if not raw.isdigit() or int(raw) < 1:
        raise OParlError(400, _("Die Seitenzahl muss eine ganze Zahl ab 1 sein."), raw)
    return int(raw)


def _list(request, kind, objects=None):
    ctx = Context(request)
    filters = _date_filters(request)
    number = _page_number(request)
    objects = kind.queryset() if objects is None else objects
    lookups = {
        "created_since": f"{kind.created}__gte",
        "created_until": f"{kind.created}__lte",
        "modified_since": f"{kind.modified}__gte",
        "modified_until": f"{kind.modified}__lte",
    }
    objects = objects.filter(**{lookups[name]: value for name, value in filters.items()})
    objects = objects.order_by("pk")
    size = settings.OPARL_PAGE_SIZE
    total = objects.count()
    pages = max(1, -(-total // size))
    chunk = list(objects[(number - 1) * size : number * size]) if total else []
    base = request.build_absolute_uri(request.path)
    kept = {key: value for key, value in request.GET.items() if key != "page"}

    def link(page_number):
        return f"{base}?{urlencode({**kept, 'page': page_number})}"

    links = {"first": link(1), "self": link(number), "last": link(pages)}
    if number > 1:
        links["prev"] = link(min(number - 1, pages))
    if number < pages:
        links["next"] = link(number + 1)
    return {
        "data": [kind.serialize(ctx, obj) for obj in chunk],
        "pagination": {
            "totalElements": total,
            "elementsPerPage": size,
            "currentPage": number,
            "totalPages": pages,
        },
        "links": links,
    }


def _one(request, kind, pk):
    obj = kind.queryset().filter(pk=pk).first()
    if obj is None:
        raise _not_found(f"{kind.name} {pk}")
    return kind.serialize(Context(request), obj)


def _body(ctx):
    office = current_office()
    page = ctx.bodies_page
    body = {
        "id": ctx.body_url,
        "type": OPARL + "Body",
        "system": ctx.url("system"),
        "name": office.name or settings.WAGTAIL_SITE_NAME,
        "website": office.url,
        "contactEmail": office.email,
        "web": ctx.web("bodies"),
        "created": _stamp(page.first_published_at) if page else None,
        "modified": _stamp(page.last_published_at) if page else None,
        "organization": ctx.url("body-organizations", BODY_KEY),
        "person": ctx.url("body-people", BODY_KEY),
        "membership": ctx.url("body-memberships", BODY_KEY),
        "meeting": ctx.url("body-meetings", BODY_KEY),
        "agendaItem": ctx.url("body-agenda-items", BODY_KEY),
        "consultation": ctx.url("body-consultations", BODY_KEY),
        "paper": ctx.url("body-papers", BODY_KEY),
        "file": ctx.url("body-files", BODY_KEY),
        "locationList": ctx.url("body-locations", BODY_KEY),
        # No legislative terms: the bodies of a neighbourhood office are not elected.
        "legislativeTerm": [],
    }
    if ctx.omit_internal:
        del body["legislativeTerm"]
    return _clean(body)


def oparl_view(build):
    """GET only, German content, OParl errors as JSON, CORS on every answer."""

    @require_safe
    def view(request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                return _json(build(request, *args, **kwargs))
            except OParlError as error:
                return _error(error)

    return view


@oparl_view
def system(request):
    ctx = Context(request)
    office = current_office()
    return _clean(
        {
            "id": ctx.url("system"),
            "type": OPARL + "System",
            "oparlVersion": OPARL,
            "body": ctx.url("bodies"),
            "name": office.name or settings.WAGTAIL_SITE_NAME,
            "contactEmail": office.email,
            "website": office.url,
            "web": ctx.web("bodies"),
        }
    )


@oparl_view
def bodies(request):
    ctx = Context(request)
    _date_filters(request)
    _page_number(request)
    link = request.build_absolute_uri(request.path)
    return {
        "data": [_body(ctx)],
        "pagination": {"totalElements": 1, "elementsPerPage": 1, "currentPage": 1, "totalPages": 1},
        "links": {"first": link, "self": link, "last": link},
    }


@oparl_view
def body(request, key):
    if key != BODY_KEY:
        raise _not_found(f"body {key}")
    return _body(Context(request))


def body_list(kind):
    @oparl_view
    def view(request, key):
        if key != BODY_KEY:
            raise _not_found(f"body {key}")
        return _list(request, kind)

    return view


@oparl_view
def organization_meetings(request, pk):
    """Organization.meeting: the public meetings of one body."""
    if not selectors.public_bodies().filter(pk=pk).exists():
        raise _not_found(f"organization {pk}")
    kind = BY_LIST["meetings"]
    return _list(request, kind, kind.queryset().filter(workspace_id=pk))


def one(kind):
    @oparl_view
    def view(request, pk):
        return _one(request, kind, pk)

    return view


@oparl_view
def unknown(request, rest=""):
    raise _not_found(request.path)


@require_safe
def file_download(request, pk):
    """The public minutes as PDF: public items with their text without names and decisions."""
    meeting = _files().filter(pk=pk).prefetch_related(selectors.public_items_prefetch()).first()
    if meeting is None:
        return _error(_not_found(f"file {pk}"))
    with translation.override(settings.LANGUAGE_CODE):
        content = pdf_bytes(
            "intranet/public/minutes_pdf.html",
            {"meeting": meeting, "workspace": meeting.workspace, "generated": timezone.now()},
            request,
        )
    response = HttpResponse(content, content_type="application/pdf")
    response["Access-Control-Allow-Origin"] = "*"
    return attachment(response, f"protokoll-{meeting.pk}.pdf", inline=True)


app_name = "oparl"
urlpatterns = [
    path("", system, name="system"),
    path("bodies/", bodies, name="bodies"),
    path("bodies/<slug:key>/", body, name="body"),
    *(
        path(f"bodies/<slug:key>/{kind.list_name}/", body_list(kind), name=f"body-{kind.list_name}")
        for kind in KINDS
    ),
    *(path(f"{kind.list_name}/<int:pk>/", one(kind), name=kind.name) for kind in KINDS),
    path("organizations/<int:pk>/meetings/", organization_meetings, name="organization-meetings"),
    path("files/<int:pk>/protokoll.pdf", file_download, name="file-download"),
    re_path(r"^(?P<rest>.*)$", unknown),
]
