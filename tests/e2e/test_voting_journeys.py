"""Voting in the browser: with a code and no account, a budget ballot that shows what is
left while choosing (htmx), self-declaration, and results. axe checks every page."""

import pytest

from .conftest import assert_accessible, log_in
from .world import PASSWORD, resident

pytestmark = pytest.mark.e2e

BUDGET = "/de/kiezbudget-2027/"
STREET = "/de/spielstrasse-gerberstrasse/"
FEST = "/de/sommerfest-2026/"


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_voting_pages_are_accessible(visit, lang, voting_world):
    visit(f"/{lang}/kiezbudget-2027/")
    visit(f"/{lang}/spielstrasse-gerberstrasse/abstimmen/")
    visit(f"/{lang}/sommerfest-2026/ergebnisse/")
    response = visit(f"/{lang}/kiezbudget-2027/abstimmen/")
    assert response.status == 403  # log in first: the explanation page, checked too
    response = visit(f"/{lang}/kiezbudget-2027/ergebnisse/")
    assert response.status == 403  # results only after the vote


def test_vote_with_a_code_and_no_account(page, site, voting_world):
    from participation.voting import codes

    process = voting_world.street
    _batch, (code,) = codes.create_batch(process=process, size=1, label="E2E", user=None)
    page.goto(site.url + STREET + "abstimmen/")
    page.get_by_label("Ihr Abstimmungscode").fill("falsch")
    page.get_by_role("button", name="Code prüfen").click()
    page.get_by_text("Dieser Code ist uns nicht bekannt").wait_for()
    assert_accessible(page)
    page.get_by_label("Ihr Abstimmungscode").fill(code.lower())
    page.get_by_role("button", name="Code prüfen").click()
    group = page.get_by_role("group", name="Spielstraße an Sommer-Sonntagen")
    group.get_by_label("Ja").check()
    page.get_by_text("Sie haben zu 1 Vorschlag eine Angabe gemacht.").wait_for()
    page.get_by_role("group", name="Tempo 10 an den übrigen Tagen").get_by_label("Nein").check()
    page.get_by_text("Sie haben zu 2 Vorschlägen eine Angabe gemacht.").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Stimme abgeben").click()
    page.get_by_role("heading", name="Sie haben abgestimmt").wait_for()
    assert_accessible(page)
    # The same browser may change its ballot until the vote ends.
    page.get_by_role("group", name="Tempo 10 an den übrigen Tagen").get_by_label("Ja").check()
    page.get_by_role("button", name="Stimmzettel ändern").click()
    page.get_by_text("Ihre Stimme ist gezählt").wait_for()


def test_budget_ballot_shows_what_is_left(page, site, voting_world):
    from participation.models import ResidentVerification

    user = resident("budget.waehlerin@example.org")
    ResidentVerification.objects.create(user=user, method="office", age_16=True)
    log_in(page, site, user.email, PASSWORD)
    page.goto(site.url + BUDGET)
    page.get_by_role("link", name="Jetzt abstimmen").click()
    page.get_by_label("Beleuchtung am Auenweg").check()
    page.get_by_text("Noch frei: 12.000,00 €").wait_for()
    page.get_by_label("Sportgeräte im Weidenpark").check()
    page.get_by_label("Lastenrad zum Ausleihen").check()
    page.get_by_text("Ihre Auswahl kostet mehr als das Budget.").first.wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Stimme abgeben").click()
    page.get_by_role("alert").get_by_text("kostet mehr als das Budget").wait_for()
    assert page.get_by_label("Lastenrad zum Ausleihen").is_checked()  # nothing lost
    assert_accessible(page)
    page.get_by_label("Lastenrad zum Ausleihen").uncheck()
    page.get_by_role("button", name="Stimme abgeben").click()
    page.get_by_role("heading", name="Sie haben abgestimmt").wait_for()
    assert_accessible(page)


def test_self_declaration_then_vote(page, site, voting_world):
    user = resident("selbst.erklaert@example.org")
    log_in(page, site, user.email, PASSWORD)
    page.goto(site.url + BUDGET + "abstimmen/")
    page.get_by_role("link", name="Wohnort im Gebiet angeben").click()
    assert_accessible(page)
    page.get_by_role("button", name="Erklärung speichern").click()
    page.get_by_text("Bitte bestätigen Sie Ihre Erklärung.", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_label("Straße, in der Sie wohnen").select_option(label="Auenweg (99999)")
    page.get_by_label("Ich bin mindestens 16 Jahre alt.").check()
    page.get_by_label("Ich erkläre, dass ich im Gebiet wohne.").check()
    page.get_by_role("button", name="Erklärung speichern").click()
    page.get_by_label("Tauschregal an der Bibliothek").check()
    page.get_by_role("button", name="Stimme abgeben").click()
    page.get_by_text("als unbestätigt gezählt").first.wait_for()
    assert_accessible(page)


def test_results_with_ranking_and_decision(visit, page, voting_world):
    visit(FEST + "ergebnisse/")
    page.get_by_role("table").wait_for()
    assert page.get_by_text("Dies ist das Endergebnis").is_visible()
    assert page.get_by_role("heading", name="Entscheidung des Stadtteilbüros").is_visible()
