"""Browser journeys: Playwright drives Debian's Chromium; axe checks every page visited."""

import os
import shutil

import pytest

from .world import (  # noqa: F401 - the journeys' data, as fixtures
    build_world,
    fund_world,
    intranet_world,
    neighbourhood,
    portal_world,
    process_world,
    voting_world,
)

CHROMIUM = "/usr/bin/chromium"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Playwright's sync API runs an event loop; Django must allow ORM calls from the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM):
        if os.environ.get("QUARTIER_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing but browser tests are required (CI).")
        pytest.skip(
            f"browser tests skipped: {CHROMIUM} is not installed (apt-get install chromium)"
        )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site(django_db_setup, django_db_blocker):
    """One live server for all browser journeys, over data they commit (tests/e2e/world).

    Not pytest-django's live_server: that flushes the database after every test, and
    rebuilding the journeys' world each time would dominate the run. Journeys run last (see
    tests/conftest.py) and use their own accounts, so what they write harms no other test.
    """
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    name = str(connection.settings_dict["NAME"])
    assert name.startswith("test_") or "memory" in name, f"not a test database: {name}"
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture
def db_access(django_db_blocker):
    """The server thread and the journey may both use the database during the test."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def page(browser, site, db_access):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.console_errors = errors
    yield page
    context.close()


def log_in(page, site, email, password):
    page.goto(site.url + "/de/accounts/login/")
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort").fill(password)
    page.locator("main form button[type=submit]").click()
    # Residents land on their account, members of a body on the intranet's dashboard.
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


class AxeViolations(AssertionError):
    pass


def assert_accessible(page):
    """Run axe-core on the current page; fail on any WCAG 2.1 A/AA or 2.2 AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    if results.violations_count:
        raise AxeViolations(f"{page.url}\n{results.generate_report()}")


@pytest.fixture
def visit(page, site):
    """Open a path and check it with axe before returning the page."""

    def _visit(path, check=True):
        response = page.goto(site.url + path)
        if check:
            assert_accessible(page)
        return response

    return _visit
