"""Every page type of the public portal, in German and Arabic, checked with axe."""

import pytest

from .conftest import assert_accessible

pytestmark = pytest.mark.e2e


def detail_urls(lang):
    from portal.directory.models import OrganisationPage
    from portal.events.models import EventPage
    from portal.news.models import NewsArticlePage
    from portal.projects.models import ProjectPage

    urls = []
    for model in (NewsArticlePage, EventPage, OrganisationPage, ProjectPage):
        urls.append(model.objects.live().filter(locale__language_code=lang).first().url)
    return urls


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_every_page_type_is_accessible(visit, page, lang, portal_world):
    paths = [
        f"/{lang}/",
        f"/{lang}/neuigkeiten/",
        f"/{lang}/termine/",
        f"/{lang}/termine/?zeit=vergangen",
        f"/{lang}/akteure/",
        f"/{lang}/projekte/",
        f"/{lang}/ueber-uns/",
        f"/{lang}/kontakt/",
        f"/{lang}/impressum/",
        f"/{lang}/barrierefreiheit/",
        f"/{lang}/suche/?q=Quartier",
        *detail_urls(lang),
    ]
    for path in paths:
        response = visit(path)
        assert response.status == 200, path
    assert page.console_errors == []


def test_filter_news_without_javascript_semantics(visit, page, portal_world):
    visit("/de/neuigkeiten/")
    page.get_by_label("Handlungsfeld", exact=True).select_option(index=1)
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_url("**/neuigkeiten/?feld=*")
    assert_accessible(page)


def test_contact_form_error_then_success(visit, page, portal_world):
    visit("/de/kontakt/")
    page.get_by_label("Ihre Nachricht").fill("Gibt es noch Plätze im Sprachcafé?")
    page.get_by_role("button", name="Nachricht senden").click()
    assert page.get_by_label("Ihre Nachricht").input_value() == "Gibt es noch Plätze im Sprachcafé?"
    assert_accessible(page)
    page.get_by_label("Ihre E-Mail-Adresse").fill("frage@example.org")
    page.get_by_role("button", name="Nachricht senden").click()
    page.get_by_role("heading", name="Vielen Dank").wait_for()
    assert_accessible(page)


def test_report_a_barrier(visit, page, portal_world):
    visit("/de/barrierefreiheit/")
    page.get_by_label("Was funktioniert nicht?").fill("Die Karte ist nicht per Tastatur bedienbar.")
    page.get_by_label("Ich bin einverstanden", exact=False).check()
    page.get_by_role("button", name="Meldung senden").click()
    page.get_by_text("Danke für Ihre Meldung").wait_for()
    assert_accessible(page)


def test_header_search(visit, page, portal_world):
    visit("/de/")
    page.get_by_role("searchbox", name="Suchbegriff").fill("Adventsmarkt")
    page.get_by_role("searchbox", name="Suchbegriff").press("Enter")
    page.wait_for_url("**/suche/?q=Adventsmarkt")
    assert page.locator("mark").first.inner_text().lower() == "adventsmarkt"
    assert_accessible(page)
