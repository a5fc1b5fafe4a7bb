"""The server errors found by probing (issue 12), each as it was typed: every one answers
with a page that explains, never with a 500, on SQLite and PostgreSQL."""

import pytest
from django.test import Client

from portal.directory.models import OrganisationIndexPage

from .hostile_world import build

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = ["%00", "a%00b", '"', 'Bank "', '"Bank', "'", "\\", "&|!():*", "‮x", "a" * 5000]


@pytest.fixture
def hostile(people):
    world = build()
    world["admin"] = people["admin"]
    return world


def client_for(user=None):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def get(client, url, query):
    return client.get(f"{url}?{query}")


@pytest.mark.parametrize("value", HOSTILE_QUERIES)
def test_search_boxes_answer_every_query(hostile, value):
    member = client_for(hostile["people"]["chair"])
    directory = OrganisationIndexPage.objects.filter(locale__language_code="de").first()
    urls = [
        "/de/suche/",
        directory.url,
        hostile["process"].url,
        hostile["workspace"].get_parent().url + "suche/",
    ]
    for url in urls:
        for client in (client_for(), member):
            response = get(client, url, f"q={value}&seite={value}&feld={value}&stand={value}")
            assert response.status_code < 500, (url, value)
            if "%00" in value:
                assert response.status_code == 400
                assert "Null-Byte" in response.content.decode()
            elif client is member or "intranet" not in url:
                assert response.status_code == 200, (url, value, response.status_code)


def test_non_numeric_ids_in_forms_are_refused_without_a_server_error(hostile):
    chair = client_for(hostile["people"]["chair"])
    workspace, meeting = hostile["workspace"], hostile["meeting"]
    base = f"{workspace.url}sitzungen/{meeting.pk}/"
    for action in ("befangenheit", "protokoll-top", "beschluss", "aufgabe"):
        for item in ("abc", "", "99999999999999999999", "1.5", "-1"):
            response = chair.post(f"{base}{action}/", {"item": item})
            assert response.status_code in (400, 404), (action, item, response.status_code)
    response = chair.post(f"{base}anwesenheit/", {"a-abc": "present", "guests": "Frau Gast"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "passt nicht zu den Mitgliedern" in text and ">Frau Gast</textarea>" in text
    response = chair.get(f"{workspace.url}mitglieder/?bearbeiten=abc")
    assert response.status_code in (200, 404)
    response = chair.post(f"{workspace.url}mitglieder/", {"end": "abc"})
    assert response.status_code in (400, 404)
    response = chair.get(f"{workspace.url}dokumente/?ordner=abc")
    assert response.status_code == 404  # an unknown folder, as for any other number


def test_a_formset_with_a_broken_management_form_is_a_form_error(hostile):
    resident = client_for(hostile["people"]["resident"])
    page, application = hostile["fund_page"], hostile["application"]
    for total in ("abc", "", "-1", "99999999999", "%00"):
        for url in (f"{page.url}antrag/neu/", f"{page.url}antraege/{application.pk}/bearbeiten/"):
            data = {"title": "Sommerfest", "cost-TOTAL_FORMS": total, "cost-INITIAL_FORMS": "0"}
            for button in ("add_cost", "preview", "submit"):
                response = resident.post(url, {**data, button: "1"})
                assert response.status_code in (200, 400), (url, total, button)
                assert "Sommerfest" in response.content.decode()


def test_only_lookups_with_a_non_id_count_as_missing_pages():
    from django.core.exceptions import ValidationError

    from core.middleware import is_bad_lookup

    assert is_bad_lookup(ValueError("Field 'id' expected a number but got 'abc'."))
    assert is_bad_lookup(ValidationError("“x” is not a valid UUID."))
    assert not is_bad_lookup(ValueError("invalid literal for int() with base 10: 'abc'"))
    assert not is_bad_lookup(KeyError("id"))
