"""The accessibility statement names its dates and the conciliation body (BITV 2.0 § 7)."""

import datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format

from portal.contact.models import FEDERAL_CONCILIATION_URL

from .factories import AccessibilityStatementPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def statement(module_db):
    page = AccessibilityStatementPageFactory(
        statement_date=datetime.date(2026, 3, 2),
        reviewed_date=datetime.date(2026, 11, 20),
    )
    translate(page, "en", {"Barrierefreiheit": "Accessibility"})
    return page


def local_date(day, code):
    with translation.override(code):
        return date_format(day, "DATE_FORMAT")


def test_dates_are_written_per_language():
    assert local_date(datetime.date(2026, 3, 2), "de") == "2. März 2026"
    assert local_date(datetime.date(2026, 3, 2), "en") == "March 2, 2026"


@pytest.mark.parametrize("code", ["de", "en", "ar", "tr", "de-ls"])
def test_statement_shows_its_dates_and_the_conciliation_body_in_every_language(
    client, statement, code
):
    body = client.get(f"/{code}/barrierefreiheit/").content.decode()
    assert 'datetime="2026-03-02"' in body
    assert 'datetime="2026-11-20"' in body
    assert local_date(statement.statement_date, code) in body
    assert local_date(statement.reviewed_date, code) in body
    assert "Mauerstraße 53" in body
    assert f'href="{FEDERAL_CONCILIATION_URL}"' in body
    assert body.count('id="conciliation-heading"') == 1


def test_statement_without_dates_shows_no_empty_list(client, module_db):
    page = AccessibilityStatementPageFactory(
        slug="barrierefreiheit-2", conciliation_body="", conciliation_url=""
    )
    body = client.get(page.url).content.decode()
    assert "statement-dates" not in body
    assert "conciliation-heading" not in body
