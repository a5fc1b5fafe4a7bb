"""Finding things in a browser: the phone header collapses into a menu and the content starts
within the first screen; the language switch on a proposal page keeps the proposal; the
process page's actions and timeline. axe on every page and state; screenshots of each screen
at 375 and 1280 px go to /tmp/finding-shots/ for a person to look at."""

from pathlib import Path

import pytest

from .conftest import assert_accessible

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/finding-shots")
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def open_page(browser, site, db_access):
    contexts = []

    def _open(viewport, path):
        context = browser.new_context(locale="de-DE", viewport=viewport)
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


def h1_in_first_screen(page):
    box = page.locator("h1").first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize("path", ["/de/", "/de/ideen-lindenplatz/", "/ar/ideen-lindenplatz/"])
def test_phone_header_is_a_menu_and_content_starts_in_the_first_screen(
    open_page, process_world, path
):
    page = open_page(PHONE, path)
    menu = page.locator("summary.site-menu__toggle")
    search = page.locator("#site-search-q")  # the header's; pages have their own filters
    assert menu.is_visible()
    assert not search.is_visible()
    assert not page.locator("nav.site-nav").is_visible()
    assert h1_in_first_screen(page), page.locator("h1").first.bounding_box()
    assert_accessible(page)
    name = "home" if path == "/de/" else f"process-{path[1:3]}"
    shot(page, f"{name}-menu-closed")
    menu.click()
    assert search.is_visible()
    assert page.locator("nav.site-nav").is_visible()
    assert page.locator(".site-header__account a").first.is_visible()
    assert_accessible(page)
    shot(page, f"{name}-menu-open")
    menu.click()
    assert not search.is_visible()


@pytest.mark.parametrize("path", ["/de/", "/de/ideen-lindenplatz/"])
def test_desktop_header_shows_everything_without_a_menu_button(open_page, process_world, path):
    page = open_page(DESKTOP, path)
    assert not page.locator("summary.site-menu__toggle").is_visible()
    assert page.locator("#site-search-q").is_visible()
    assert page.locator("nav.site-nav").is_visible()
    assert_accessible(page)
    shot(page, "home" if path == "/de/" else "process-de")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_language_switch_on_a_proposal_page_keeps_the_proposal(
    open_page, site, process_world, viewport
):
    proposal = process_world.supported
    path = f"/ideen-lindenplatz/vorschlaege/{proposal.pk}/"
    page = open_page(viewport, "/de" + path)
    assert_accessible(page)
    if viewport is PHONE:
        page.locator("summary.site-menu__toggle").click()
    page.locator(".language-switcher > summary").click()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en{path}")
    assert page.url == site.url + "/en" + path
    assert page.get_by_role("heading", level=1).inner_text() == proposal.title
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    if viewport is PHONE:
        page.locator("summary.site-menu__toggle").click()
    page.locator(".language-switcher > summary").click()
    page.get_by_role("link", name="العربية").click()
    page.wait_for_url(f"**/ar{path}")
    assert_accessible(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_search_results_screen(open_page, process_world, viewport):
    page = open_page(viewport, "/de/suche/?q=Lindenplatz")
    assert_accessible(page)
    shot(page, "search")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_mitmachen_overview_filters_without_javascript(open_page, process_world, viewport):
    from participation.models import ProcessIndexPage
    from portal.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    if not ProcessIndexPage.objects.child_of(home).exists():
        overview = ProcessIndexPage(title="Mitmachen", slug="mitmachen")
        home.add_child(instance=overview)
        overview.save_revision().publish()
    page = open_page(viewport, "/de/mitmachen/")
    assert page.locator("#main").get_by_role("link", name="Ideen für den Lindenplatz").is_visible()
    assert_accessible(page)
    shot(page, "mitmachen")
    page.get_by_label("Stand").select_option("finished")
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_url("**/de/mitmachen/?stand=finished*")
    assert page.locator("#main").get_by_role("link", name="Ideen für den Lindenplatz").count() == 0
    assert_accessible(page)
