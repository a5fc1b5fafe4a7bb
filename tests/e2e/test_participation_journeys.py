"""A resident submits a proposal and supports another; every page is checked with axe."""

import pytest

from .conftest import assert_accessible, log_in
from .world import PASSWORD, resident

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_process_pages_are_accessible(visit, page, lang, process_world):
    visit(f"/{lang}/ideen-lindenplatz/")
    visit(f"/{lang}/ideen-lindenplatz/?sort=unterstuetzt&stand=published")
    proposal = process_world.rejected
    visit(f"/{lang}/ideen-lindenplatz/vorschlaege/{proposal.pk}/")
    response = visit(f"/{lang}/ideen-lindenplatz/vorschlaege/neu/")
    assert response.status == 403  # the explanation page, also checked with axe


def test_resident_submits_and_supports(page, site, process_world):
    user = resident("ideengeberin@example.org")
    log_in(page, site, user.email, PASSWORD)
    page.goto(site.url + "/de/ideen-lindenplatz/")
    page.get_by_role("link", name="Vorschlag einreichen").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Blumenbeete pflegen")
    page.get_by_label("Beschreibung").fill("Eine Gruppe aus der Nachbarschaft pflegt die Beete.")
    page.get_by_role("button", name="Vorschau").click()
    page.get_by_role("heading", name="Vorschau").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Einreichen").click()
    page.get_by_role("heading", name="Blumenbeete pflegen").wait_for()
    assert_accessible(page)
    page.goto(site.url + "/de/ideen-lindenplatz/?sort=neu&stand=published")
    page.get_by_role("link", name="Schattige Sitzbänke unter den Linden").click()
    page.get_by_role("button", name="Unterstützen").click()
    page.get_by_role("button", name="Unterstützung zurücknehmen").wait_for()
    assert_accessible(page)


def test_comment_reply_and_report(page, site, process_world):
    user = resident("kommentatorin@example.org")
    log_in(page, site, user.email, PASSWORD)
    proposal = process_world.commented
    page.goto(site.url + f"/de/ideen-lindenplatz/vorschlaege/{proposal.pk}/")
    page.get_by_label("Ihr Kommentar").fill("Bänke mit Rückenlehne wären gut.")
    page.get_by_role("button", name="Kommentar veröffentlichen").click()
    page.get_by_text("Bänke mit Rückenlehne wären gut.").wait_for()
    assert_accessible(page)
    page.locator("details.comment-reply summary").first.click()
    page.get_by_label("Ihre Antwort").first.fill("Und mit Armlehnen.")
    page.get_by_role("button", name="Antwort veröffentlichen").first.click()
    page.get_by_text("Und mit Armlehnen.").wait_for()
    page.get_by_role("link", name="Vorschlag melden").click()
    assert_accessible(page)
