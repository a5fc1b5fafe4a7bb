import re

import pytest
from django.core import mail

from .conftest import assert_accessible
from .world import PASSWORD, administrator, resident

pytestmark = pytest.mark.e2e
LANGS = ["de", "de-ls", "en", "tr", "ar", "ru", "uk"]


def test_home_in_every_locale_is_accessible(visit, page, neighbourhood):
    for code in LANGS:
        response = visit(f"/{code}/")
        assert response.status == 200
        html_lang = page.locator("html").get_attribute("lang")
        assert html_lang == ("de-x-ls" if code == "de-ls" else code)
        assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    assert page.console_errors == []


def test_untranslated_page_and_language_switch(visit, page, portal_world):
    visit("/de/ueber-uns/")
    page.get_by_text("Sprache: ").click()
    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/en/ueber-uns/")
    assert_accessible(page)
    visit("/ar/ueber-uns/")  # not translated: German original with an Arabic notice
    assert page.locator("article").get_attribute("lang") == "de"


def test_arabic_layout_mirrors(visit, page, neighbourhood):
    visit("/ar/")
    brand = page.locator(".site-header__brand").bounding_box()
    tools = page.locator(".site-header__tools").bounding_box()
    assert brand["x"] > tools["x"], "in RTL the brand sits on the right"


def test_404_page(visit, page, portal_world):
    response = visit("/de/diese-seite-gibt-es-nicht/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Diese Seite gibt es nicht"


def test_signup_then_verify(visit, page, portal_world):
    visit("/de/accounts/signup/")
    page.get_by_label("E-Mail").fill("neu@example.org")
    page.get_by_label("Anzeigename").fill("Nachbarin Neu")
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort (Wiederholung)").fill("anders-als-oben")
    page.get_by_role("button", name="Registrieren").click()
    # The error comes back with what was typed.
    assert page.get_by_label("E-Mail").input_value() == "neu@example.org"
    assert_accessible(page)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort (Wiederholung)").fill(PASSWORD)
    page.get_by_role("button", name="Registrieren").click()
    page.wait_for_url("**/accounts/confirm-email/")
    assert_accessible(page)
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", page.url.split("/de/")[0], link))
    assert_accessible(page)
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url("**/accounts/me/")
    assert_accessible(page)


def test_login_and_account_pages(visit, page, portal_world):
    user = resident("e2e.bewohnerin@example.org", first_name="Sam", last_name="Bewohnerin")
    visit("/de/accounts/login/")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/accounts/me/")
    assert_accessible(page)
    for path in ["/de/accounts/email/", "/de/accounts/password/change/", "/de/accounts/me/delete/"]:
        visit(path)
    visit("/de/accounts/2fa/")


def test_admin_login_with_mfa_recovery_code(visit, page, portal_world):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    admin = administrator("e2e.admin@example.org")
    codes = Authenticator.objects.get(user=admin, type=Authenticator.Type.RECOVERY_CODES)
    code = RecoveryCodes(codes).get_unused_codes()[0]
    visit("/admin/")  # leads to allauth's login
    assert "/de/accounts/login/" in page.url
    page.get_by_label("E-Mail").fill(admin.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    assert_accessible(page)
    page.locator("#id_code").fill(code)
    page.locator("#id_code").press("Enter")
    page.wait_for_url("**/admin/")


def test_password_reset(visit, page, portal_world):
    user = resident("vergesslich@example.org")
    visit("/de/accounts/password/reset/")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_role("button", name="Passwort zurücksetzen").click()
    page.wait_for_url("**/password/reset/done/")
    assert_accessible(page)
    link = re.search(r"https?://\S+/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", page.url.split("/de/")[0], link))
    page.wait_for_url("**/password/reset/key/**")
    assert_accessible(page)
    page.get_by_label("Neues Passwort", exact=True).fill(PASSWORD)
    page.get_by_label("Neues Passwort (Wiederholung)").fill(PASSWORD)
    page.get_by_role("button", name="Passwort ändern").click()
    page.wait_for_url("**/password/reset/key/done/")
    assert_accessible(page)


def test_keyboard_only_signup(visit, page, portal_world):
    visit("/de/accounts/signup/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    def tab_to(field_id):
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == field_id:
                return
        raise AssertionError(f"{field_id} is not reachable by keyboard")

    tab_to("id_email")
    page.keyboard.type("tastatur@example.org")
    tab_to("id_display_name")
    page.keyboard.type("Tastatur-Nachbar")
    tab_to("id_password1")
    page.keyboard.type(PASSWORD)
    tab_to("id_password2")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/confirm-email/")
    assert mail.outbox[-1].to == ["tastatur@example.org"]


def test_small_screen_has_no_horizontal_scrolling(browser, site, db_access, neighbourhood):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ["/de/", "/ar/", "/de/accounts/signup/"]:
        page.goto(site.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert_accessible(page)
    context.close()
