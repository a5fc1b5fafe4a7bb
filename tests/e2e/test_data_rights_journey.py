"""A resident downloads their data and deletes their account, in the browser, with axe."""

import io
import json
import zipfile

import pytest

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.e2e


def test_resident_downloads_data_and_deletes_account(page, site, visit):
    from django.contrib.auth import get_user_model

    from core.models import DeletionLog
    from tests.portal.factories import PASSWORD, UserFactory

    user = UserFactory(email="datenreise@example.org", first_name="Dana")
    logs_before = DeletionLog.objects.count()
    log_in(page, site, user.email, PASSWORD)

    page.get_by_role("link", name="Meine Daten").click()
    page.get_by_role("heading", name="Meine Daten").wait_for()
    assert_accessible(page)
    page.screenshot(path="/tmp/quartier-meine-daten.png", full_page=True)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Meine Daten herunterladen (ZIP)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("meine-daten-")
    with open(download.path(), "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    assert json.loads(archive.read("data.json"))["account"]["email"] == user.email

    page.locator(".account-manage__nav").get_by_role("link", name="Konto löschen").click()
    # Re-authentication first (allauth), then the explanation and the confirmation.
    page.get_by_label("Passwort").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.get_by_role("heading", name="Konto löschen").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Konto jetzt löschen").click()
    assert page.get_by_text("Bitte bestätigen Sie, dass Sie Ihr Konto löschen möchten.").count()
    assert_accessible(page)
    page.screenshot(path="/tmp/quartier-konto-loeschen.png", full_page=True)
    page.get_by_label("Ich möchte mein Konto jetzt endgültig löschen").check()
    page.get_by_role("button", name="Konto jetzt löschen").click()
    page.get_by_text("Ihr Konto ist gelöscht.").wait_for()
    assert not get_user_model().objects.filter(email=user.email).exists()
    assert DeletionLog.objects.count() == logs_before + 1
    assert page.console_errors == []
