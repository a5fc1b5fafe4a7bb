"""A resident sets the display name others see; the office answers officially. Axe on
every page; screenshots at 375 px and 1280 px when QUARTIER_SHOTS names a folder."""

import os

import pytest

from participation import services

from .conftest import assert_accessible, log_in
from .world import PASSWORD, resident
from .world.accounts import administrator

pytestmark = pytest.mark.e2e


def shoot(page, name):
    folder = os.environ.get("QUARTIER_SHOTS")
    if not folder:
        return
    os.makedirs(folder, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_display_name_is_what_others_see(page, site, process_world):
    user = resident("anzeige.name@example.org", first_name="Nora", last_name="Nachname")
    log_in(page, site, user.email, PASSWORD)
    page.get_by_role("link", name="Anzeigename ändern").click()
    assert_accessible(page)
    page.get_by_label("Anzeigename").fill("nora@example.org")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("ohne „@“").first.wait_for()  # refused, what was typed is kept
    assert_accessible(page)
    page.get_by_label("Anzeigename").fill("Nora vom Lindenplatz")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url("**/accounts/me/")
    page.get_by_text("Nora vom Lindenplatz").first.wait_for()
    shoot(page, "account")

    proposal = process_world.commented
    page.goto(site.url + f"/de/ideen-lindenplatz/vorschlaege/{proposal.pk}/")
    page.get_by_label("Ihr Kommentar").fill("Eine Bühne mit Rampe, bitte.")
    page.get_by_role("button", name="Kommentar veröffentlichen").click()
    page.get_by_text("Eine Bühne mit Rampe, bitte.").wait_for()
    comment = proposal.comments.get(text="Eine Bühne mit Rampe, bitte.")
    services.comment_add(
        proposal=proposal,
        user=administrator("antwort.buero@example.org"),
        text="Eine Rampe ist eingeplant.",
        parent=comment,
        official=True,
    )
    page.reload()
    comments = page.locator("#kommentare")
    comments.get_by_text("Nora vom Lindenplatz").first.wait_for()
    assert comments.get_by_text("Antwort des Stadtteilbüros").count() >= 1
    text = comments.inner_text()
    assert "Nachname" not in text and "@example.org" not in text
    assert_accessible(page)
    shoot(page, "comments")
