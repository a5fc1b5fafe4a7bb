"""OParl 1.1 under /oparl/: every object type the site serves is validated against the
official schemas (tests/intranet/oparl_schema/, CC BY-SA 4.0), nothing non-public appears,
lists paginate and filter as the specification asks, in a fixed number of queries."""

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from intranet.models import AgendaItem, Decision, Membership
from tests.portal.factories import UserFactory

from .factories import add_member, intranet, make_meeting, make_workspace, public_bodies

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "oparl_schema"
OPARL = "https://schema.oparl.org/1.1/"
TYPES = {
    "System",
    "Body",
    "Organization",
    "Person",
    "Membership",
    "Meeting",
    "AgendaItem",
    "Consultation",
    "Paper",
    "File",
    "Location",
}


# --- a validator for the subset of JSON Schema the OParl schemas use -------------------------
# (jsonschema is not installed.) Stricter than the schemas in one point: a property the schema
# does not name is an error, so a typo cannot pass.


def schema(name):
    return json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))


def _format_ok(value, fmt):
    if fmt == "url":
        return re.match(r"^https?://[^\s]+$", value) is not None
    if fmt == "date-time":
        try:
            return datetime.fromisoformat(value).tzinfo is not None
        except ValueError:
            return False
    if fmt == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
        return len(value) == 10
    return True


PY_TYPES = {"string": str, "boolean": bool, "object": dict, "array": list}


def check(value, rule, where):
    kind = rule.get("type")
    if kind == "integer":
        assert isinstance(value, int) and not isinstance(value, bool), where
    elif kind:
        assert isinstance(value, PY_TYPES[kind]), (where, value)
    if kind == "string":
        if "pattern" in rule:
            assert re.search(rule["pattern"], value), (where, value)
        if "format" in rule:
            assert _format_ok(value, rule["format"]), (where, value)
    if kind == "array" and "items" in rule:
        for number, entry in enumerate(value):
            check(entry, rule["items"], f"{where}[{number}]")
    if kind == "object" and "schema" in rule:
        validate(value, rule["schema"].removesuffix(".json"), where)


def validate(data, name, where=""):
    definition = schema(name)
    where = f"{where}/{name}"
    assert isinstance(data, dict), where
    for key in definition["required"]:
        assert key in data, (where, "missing", key)
    for key, value in data.items():
        assert key in definition["properties"], (where, "unknown", key)
        check(value, definition["properties"][key], f"{where}.{key}")


def type_name(data):
    assert data["type"].startswith(OPARL), data["type"]
    return data["type"].removeprefix(OPARL)


# --- the data -----------------------------------------------------------------------------


def get(url, **params):
    response = Client().get(url, params)
    assert response["Access-Control-Allow-Origin"] == "*", url
    assert response["Content-Type"].startswith("application/json"), url
    return response


def ok(url, **params):
    response = get(url, **params)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()


def decide(item, text="Beschlossen", carried=True):
    return Decision.objects.create(
        workspace=item.meeting.workspace,
        item=item,
        text=text,
        yes=3,
        no=0,
        abstain=1,
        majority_rule="simple",
        carried=carried,
        decided_on=timezone.localdate() - timedelta(days=10),
    )


def public_meeting(workspace, chair, title, items=("Öffentlicher Punkt",), minutes=True, **data):
    meeting = make_meeting(workspace, chair, days=-10, title=title, items=items, **data)
    meeting.public = True
    meeting.public_minutes_published = minutes
    meeting.save()
    for item in meeting.items.all():  # made before the meeting became public: not public
        item.public = True
        item.public_summary = f"Ohne Namen zu {item.title}"
        item.save()
    return meeting


@pytest.fixture
def site():
    intranet()
    public_bodies()
    open_body = make_workspace(
        "beirat", title="Quartiersbeirat", show_public_page=True, public_minutes=True
    )
    closed_body = make_workspace("geheimrat", title="ZZGEHEIMRATZZ")
    chair = add_member(
        open_body,
        UserFactory(first_name="Erika", last_name="Offen"),
        role="chair",
    )
    Membership.objects.filter(user=chair).update(public_name=True)
    add_member(open_body, UserFactory(first_name="ZZSTILLZZ", last_name="Ungenannt"))
    add_member(closed_body, UserFactory(first_name="ZZANDERSZZ", last_name="Woanders"))
    Membership.objects.filter(workspace=closed_body).update(public_name=True)
    held = public_meeting(
        open_body,
        chair,
        "Sitzung im Frühjahr",
        items=("Spielplatzfest", "Bericht"),
        place="Nachbarschaftshaus, Saal 1",
    )
    fest = held.items.get(title="Spielplatzfest")
    decide(fest, "Das Fest wird mit 500 Euro gefördert.")
    hidden = AgendaItem.objects.create(
        meeting=held, position=9, title="ZZNICHTOEFFENTLICHZZ", public=False, summary="ZZINTERNZZ"
    )
    decide(hidden, "ZZGEHEIMERBESCHLUSSZZ")
    make_meeting(open_body, chair, days=-3, title="ZZINTERNESITZUNGZZ", items=("ZZTOPINTERNZZ",))
    upcoming = public_meeting(open_body, chair, "Sitzung im Sommer", minutes=False)
    decide(upcoming.items.get(), "ZZUNVEROEFFENTLICHTZZ")
    make_meeting(closed_body, add_member(closed_body, role="chair"), title="ZZBSITZUNGZZ")
    return {"open": open_body, "closed": closed_body, "held": held, "fest": fest, "hidden": hidden}


def crawl():
    """Everything reachable from the entry point: lists followed page by page, every object
    also fetched by its id. Returns {url: object} and the raw texts seen."""
    seen, texts = {}, []

    def remember(data):
        seen.setdefault(data["id"], data)
        for value in data.values():
            entries = value if isinstance(value, list) else [value]
            for entry in entries:
                if isinstance(entry, dict) and "type" in entry and "id" in entry:
                    remember(entry)

    system = ok("/oparl/")
    remember(system)
    texts.append(json.dumps(system, ensure_ascii=False))
    bodies = ok(system["body"])
    for body in bodies["data"]:
        remember(body)
        lists = [v for k, v in body.items() if isinstance(v, str) and k not in ("id", "web")]
        for url in lists:
            if not url.startswith("http://testserver/oparl/bodies/"):
                continue
            page = ok(url)
            while True:
                texts.append(json.dumps(page, ensure_ascii=False))
                for entry in page["data"]:
                    remember(entry)
                if "next" not in page["links"]:
                    break
                page = ok(page["links"]["next"])
    for url in list(seen):
        if "#" in url:
            continue
        single = ok(url)
        assert single["id"] == url
        texts.append(json.dumps(single, ensure_ascii=False))
    return seen, "\n".join(texts)


def test_every_object_type_the_site_serves_validates_against_the_schemas(site):
    objects, _text = crawl()
    served = {type_name(data) for data in objects.values()}
    assert served == TYPES
    for url, data in objects.items():
        validate(data, type_name(data), url)
        assert url.startswith("http://testserver/oparl/") and "/de/" not in url


def test_lists_and_the_error_object_are_shaped_as_the_specification_says(site):
    body = ok("/oparl/bodies/quartier/")
    for name in ("organization", "person", "meeting", "paper", "file", "locationList"):
        page = ok(body[name])
        assert set(page) == {"data", "pagination", "links"}
        assert page["pagination"]["totalElements"] == len(page["data"])
    error = get("/oparl/meetings/999999/")
    assert error.status_code == 404
    assert error.json()["type"] == OPARL + "Error" and error.json()["message"]
    assert get("/oparl/gibt-es-nicht/").status_code == 404
    assert get("/oparl/bodies/anderswo/").json()["type"] == OPARL + "Error"
    organization = ok(f"/oparl/organizations/{site['open'].pk}/")
    meetings = ok(organization["meeting"])
    assert meetings["pagination"]["totalElements"] == 2
    for meeting in meetings["data"]:
        validate(meeting, "Meeting")
    assert get(f"/oparl/organizations/{site['closed'].pk}/meetings/").status_code == 404


def test_nothing_non_public_appears(site):
    objects, text = crawl()
    for secret in (
        "ZZGEHEIMRATZZ",
        "ZZSTILLZZ",
        "ZZANDERSZZ",
        "ZZNICHTOEFFENTLICHZZ",
        "ZZINTERNZZ",
        "ZZGEHEIMERBESCHLUSSZZ",
        "ZZINTERNESITZUNGZZ",
        "ZZTOPINTERNZZ",
        "ZZUNVEROEFFENTLICHTZZ",
        "ZZBSITZUNGZZ",
        "@",  # no e-mail address of anyone
    ):
        assert secret not in text, secret
    people = [d for d in objects.values() if type_name(d) == "Person"]
    assert [p["name"] for p in people] == ["Erika Offen"]
    papers = [d for d in objects.values() if type_name(d) == "Paper"]
    assert [p["name"] for p in papers] == ["Spielplatzfest"]
    # Asked directly by id, the non-public objects are not there either.
    hidden, closed = site["hidden"], site["closed"]
    for url in (
        f"/oparl/agenda-items/{hidden.pk}/",
        f"/oparl/papers/{hidden.pk}/",
        f"/oparl/consultations/{hidden.pk}/",
        f"/oparl/organizations/{closed.pk}/",
        f"/oparl/meetings/{closed.meetings.get().pk}/",
        f"/oparl/memberships/{Membership.objects.filter(workspace=closed).first().pk}/",
        f"/oparl/people/{Membership.objects.filter(workspace=closed).first().user_id}/",
        f"/oparl/files/{closed.meetings.get().pk}/protokoll.pdf",
    ):
        response = get(url)
        assert response.status_code == 404, url
        assert response.json()["type"] == OPARL + "Error"


def test_the_public_minutes_are_a_pdf(site):
    meeting = ok(f"/oparl/meetings/{site['held'].pk}/")
    response = Client().get(meeting["resultsProtocol"]["accessUrl"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_pagination_follows_next_and_keeps_the_filters(site, settings):
    settings.OPARL_PAGE_SIZE = 1
    since = (timezone.now() - timedelta(days=1)).isoformat()
    first = ok("/oparl/bodies/quartier/meetings/", modified_since=since)
    assert first["pagination"]["totalElements"] == 2
    assert "modified_since" in first["links"]["next"] and "page=2" in first["links"]["next"]
    second = ok(first["links"]["next"])
    assert "next" not in second["links"]
    names = {first["data"][0]["name"], second["data"][0]["name"]}
    assert names == {"Quartiersbeirat: Sitzung im Frühjahr", "Quartiersbeirat: Sitzung im Sommer"}
    assert get("/oparl/bodies/quartier/meetings/", page="null").status_code == 400


def test_date_filters_and_omit_internal(site):
    url = "/oparl/bodies/quartier/meetings/"
    future = (timezone.now() + timedelta(days=1)).isoformat()
    past = (timezone.now() - timedelta(days=400)).isoformat()
    assert ok(url, modified_since=future)["data"] == []
    assert ok(url, created_until=past)["data"] == []
    assert len(ok(url, created_since=past, modified_until=future)["data"]) == 2
    bad = get(url, created_since="gestern")
    assert bad.status_code == 400 and "created_since" in bad.json()["message"]
    full = ok(url)["data"][0]
    lean = ok(url, omit_internal="true")["data"][0]
    assert "agendaItem" in full and "agendaItem" not in lean
    person = ok("/oparl/bodies/quartier/people/", omit_internal="true")["data"][0]
    assert "membership" not in person
    assert "legislativeTerm" not in ok("/oparl/bodies/quartier/", omit_internal="true")


def _queries(url):
    with CaptureQueriesContext(connection) as queries:
        ok(url)
    return len(queries)


LISTS = ["organizations", "people", "memberships", "meetings", "agenda-items", "papers", "files"]


@pytest.mark.parametrize("name", LISTS + ["consultations", "locations", "organization-meetings"])
def test_a_list_page_costs_the_same_queries_however_many_objects(site, name):
    url = f"/oparl/bodies/quartier/{name}/"
    if name == "organization-meetings":
        url = f"/oparl/organizations/{site['open'].pk}/meetings/"
    ok(url)  # warm the site and page caches
    before = _queries(url)
    chair = Membership.objects.get(workspace=site["open"], role="chair").user
    for number in range(3):
        meeting = public_meeting(site["open"], chair, f"Weitere {number}", place="Saal")
        decide(meeting.items.get())
        person = add_member(site["open"], UserFactory(first_name=f"Neu{number}"))
        Membership.objects.filter(user=person).update(public_name=True)
    if name == "organizations":
        for number in range(2):
            make_workspace(
                f"ausschuss-{number}", title=f"Ausschuss {number}", show_public_page=True
            )
    assert len(ok(url)["data"]) > 1
    assert _queries(url) == before


def test_the_old_meeting_addresses_lead_to_the_api(site):
    response = Client().get("/de/gremien/oparl/meetings/")
    assert response.status_code == 301
    assert response["Location"] == "/oparl/bodies/quartier/meetings/"
    held = site["held"].pk
    response = Client().get(f"/de/gremien/oparl/meetings/{held}/")
    assert response["Location"] == f"/oparl/meetings/{held}/"


def test_the_chair_records_the_consent_and_the_person_appears_until_it_is_withdrawn(site):
    body = site["open"]
    quiet = Membership.objects.get(workspace=body, user__first_name="ZZSTILLZZ")
    chair = Membership.objects.get(workspace=body, role="chair").user
    client = Client()
    client.force_login(chair)
    url = f"{body.route_url('members')}?bearbeiten={quiet.pk}"
    form = client.get(url).content.decode()
    assert 'name="member-public_name"' in form
    data = {
        "member-role": "member",
        "member-voting": "on",
        "member-start": quiet.start.isoformat(),
        "member-end": "",
    }
    people = "/oparl/bodies/quartier/people/"
    response = client.post(url, {**data, "member-public_name": "on"})
    assert response.status_code == 302
    assert "ZZSTILLZZ Ungenannt" in {p["name"] for p in ok(people)["data"]}
    assert ok(f"/oparl/memberships/{quiet.pk}/")["person"].endswith(f"/people/{quiet.user_id}/")
    response = client.post(url, data)
    assert response.status_code == 302
    assert "ZZSTILLZZ Ungenannt" not in {p["name"] for p in ok(people)["data"]}
    assert get(f"/oparl/memberships/{quiet.pk}/").status_code == 404
