"""The screens of issue 12 at phone (375 px) and desktop (1280 px) width: axe finds nothing
and nothing makes the page scroll sideways (wide tables scroll inside their own region or
stack). Screenshots go to /tmp/quartier-layout-<name>-<width>.png for a person to look at."""

import io

import pytest

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.e2e

WIDTHS = [375, 1280]
OVERFLOW = "document.scrollingElement.scrollWidth - window.innerWidth"
# A caption squeezed narrower than its table (a stacked table on a phone kept its caption a
# table-caption of min-content width) wraps word by word: the widths of such captions.
NARROW_CAPTIONS = """() => [...document.querySelectorAll('caption')]
  .filter(c => c.getClientRects().length)
  .map(c => [c.textContent.trim(), c.getBoundingClientRect().width,
             c.closest('table').getBoundingClientRect().width])
  .filter(([, caption, table]) => caption < table - 2)"""


def png(name):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue())


def pdf(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from demo.pdf import simple_pdf

    return SimpleUploadedFile(name, simple_pdf("Plan", "Lindenplatz"))


def fits(page, name, width):
    """axe-clean and no sideways scrolling; keeps a screenshot."""
    page.screenshot(path=f"/tmp/quartier-layout-{name}-{width}.png", full_page=True)
    assert page.evaluate(OVERFLOW) <= 0, f"{name} at {width} px scrolls sideways: {page.url}"
    assert not page.evaluate(NARROW_CAPTIONS), f"{name} at {width} px squeezes a caption"
    assert_accessible(page)


@pytest.fixture
def phone_or_desktop(browser, site, db_access, request):
    contexts = []

    def open_page(width):
        context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 800})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_resident_screens_fit(phone_or_desktop, site, process_world, width):
    from participation import services
    from tests.portal.factories import PASSWORD, UserFactory

    process = process_world.process
    person = UserFactory(email=f"layout{width}@example.org", first_name="Lea", last_name="Lang")
    draft = services.proposal_create(
        process=process,
        author=person,
        data={
            "title": "Trinkbrunnen am Spielplatz",
            "description": "Im Sommer fehlt Wasser für die Kinder.",
            "image": png("brunnen.png"),
            "image_alt": "Ein Brunnen",
            "attachment": pdf("Angebot Trinkbrunnen Firma Wasserwerk Auenstadt 2026-11.pdf"),
        },
        submit=False,
    )
    page = phone_or_desktop(width)
    log_in(page, site, person.email, PASSWORD)
    edit = f"{site.url}{process.url}vorschlaege/{draft.pk}/bearbeiten/"
    screens = [
        ("meine-daten", site.url + "/de/accounts/me/daten/"),
        ("admin-refusal", site.url + "/admin/"),
        ("proposal-detail", f"{site.url}{process.url}vorschlaege/{draft.pk}/"),
        ("proposal-edit", edit),
    ]
    for name, url in screens:
        page.goto(url)
        fits(page, name, width)
    assert page.get_by_role("link", name="Bild ansehen").count() == 1
    assert page.get_by_text("Datei entfernen").count() == 2

    # A refused file: the form comes back with the message and everything typed.
    page.get_by_label("Titel", exact=True).fill("Trinkbrunnen am Spielplatz Weidenring")
    page.locator("#id_attachment").set_input_files(
        files=[{"name": "rechnung.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00"}]
    )
    page.get_by_role("button", name="Vorschau").click()
    page.get_by_text("Bitte prüfen Sie Ihre Eingaben").wait_for()
    assert (
        page.get_by_label("Titel", exact=True).input_value()
        == "Trinkbrunnen am Spielplatz Weidenring"
    )
    fits(page, "upload-refused", width)

    # Deleting the account: re-authentication first, then the explanation.
    page.goto(site.url + "/de/accounts/me/delete/")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.get_by_role("heading", name="Konto löschen").wait_for()
    fits(page, "konto-loeschen", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_document_with_versions_fits(phone_or_desktop, site, intranet_world, width):
    from intranet.services import documents
    from tests.portal.factories import PASSWORD

    space = intranet_world.conference
    chair = space.chair
    (document,) = documents.upload(
        workspace=space.page, user=chair, files=[pdf(f"satzung-{width}.pdf")]
    )
    for n in (2, 3):
        documents.add_version(
            workspace=space.page,
            user=chair,
            document=document,
            upload_file=pdf(f"satzung-fassung-2026-entwurf-{n}.pdf"),
            note="Abschnitt 4 (Beschlussfähigkeit) nach der Sitzung vom März überarbeitet",
        )
    page = phone_or_desktop(width)
    log_in(page, site, chair.email, PASSWORD)
    page.goto(f"{site.url}{space.page.url}dokumente/{document.pk}/")
    page.get_by_role("heading", name="Neue Version hochladen").wait_for()
    fits(page, "intranet-document", width)
    # Every version's download is on screen, not cut off in a squeezed table's last column.
    box = page.get_by_role("link", name="Version 1 herunterladen").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
