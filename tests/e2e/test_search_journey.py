"""The search in a browser: the results page at 375 and 1280 px (axe, screenshots in
/tmp/shots-search/ for a person to look at), with type labels, the number of hits and the
query kept in the field. Without JavaScript: tests/portal/test_search.py (a GET form)."""

from pathlib import Path

import pytest

from .conftest import assert_accessible

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/shots-search")
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def open_page(browser, site, db_access):
    contexts = []

    def _open(viewport, path, javascript=True):
        context = browser.new_context(
            locale="de-DE", viewport=viewport, java_script_enabled=javascript
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(site.url + path)
        return page

    yield _open
    for context in contexts:
        context.close()


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_search_finds_pages_and_proposals(open_page, process_world, viewport):
    page = open_page(viewport, "/de/suche/")
    assert_accessible(page)
    shot(page, "empty")
    page.locator("#search-q").fill("Lindenplätze")
    page.locator("main form[role=search] button[type=submit]").click()
    page.wait_for_url("**/suche/?q=*")
    assert page.locator("#search-q").input_value() == "Lindenplätze"
    assert "Ergebnis" in page.locator(".result-count").inner_text()
    assert page.locator(".search-result__type", has_text="Vorschlag").count() >= 1
    assert_accessible(page)
    shot(page, "results")
    page.locator("#search-q").fill('"Straßenfest')
    page.locator("main form[role=search] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#search-q").input_value() == "Straßenfest"
    assert_accessible(page)
    shot(page, "unbalanced-quote")
