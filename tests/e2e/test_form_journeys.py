"""Forms never lose anything, on a 375 px phone: a proposal with an image goes through the
preview, a refused submission keeps its files and focuses the error summary, and the fund's
self-check is a group of separate, tappable options. axe checks every page visited;
screenshots go to /tmp/forms-shots/ for a person to look at."""

import io
from pathlib import Path

import pytest
from PIL import Image

from .conftest import assert_accessible, log_in
from .world import PASSWORD, resident

pytestmark = pytest.mark.e2e

SHOTS = Path("/tmp/forms-shots")
NEW = "/de/ideen-lindenplatz/vorschlaege/neu/"
PHONE = {"width": 375, "height": 740}


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 60)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def attach(page, field, name, content, mime):
    page.locator(f'input[type="file"][name="{field}"]').set_input_files(
        {"name": name, "mimeType": mime, "buffer": content}
    )


def test_resident_on_a_phone_submits_a_proposal_with_an_image_via_the_preview(
    phone, site, process_world
):
    from participation.models import Proposal

    page = phone
    user = resident("vorschau.bild@example.org")
    log_in(page, site, user.email, PASSWORD)
    page.goto(site.url + NEW)
    page.get_by_label("Titel").fill("Trinkbrunnen am Spielplatz")
    page.get_by_label("Beschreibung").fill("Im Sommer fehlt Wasser für die Kinder.")
    attach(page, "image", "brunnen.png", png_bytes(), "image/png")
    page.get_by_label("Was zeigt das Bild?").fill("Ein Trinkbrunnen")
    page.get_by_role("button", name="Vorschau").click()
    page.get_by_role("heading", name="Vorschau").wait_for()
    held = page.locator(".held-file")
    assert held.count() == 1 and "brunnen.png" in held.inner_text()
    assert "Bereits angehängt" in held.inner_text()
    assert_accessible(page)
    shot(page, "proposal-preview-375")
    page.get_by_role("button", name="Einreichen").click()
    page.get_by_role("heading", name="Trinkbrunnen am Spielplatz").wait_for()
    assert_accessible(page)
    proposal = Proposal.objects.get(title="Trinkbrunnen am Spielplatz")
    assert proposal.image and proposal.image_alt == "Ein Trinkbrunnen"
    assert page.locator("figure.block-image img").count() == 1
    # Withdrawing asks first and can be undone while the phase lasts.
    page.get_by_role("link", name="Zurückziehen").click()
    page.get_by_role("heading", name="Vorschlag zurückziehen?").wait_for()
    assert_accessible(page)
    shot(page, "withdraw-confirm-375")
    page.get_by_role("button", name="Ja, zurückziehen").click()
    page.get_by_role("button", name="Zurückziehen rückgängig machen").wait_for()
    assert_accessible(page)
    proposal.refresh_from_db()
    assert proposal.state == "withdrawn"
    page.get_by_role("button", name="Zurückziehen rückgängig machen").click()
    page.get_by_role("link", name="Zurückziehen").wait_for()
    proposal.refresh_from_db()
    assert proposal.state == "submitted"


def test_a_refused_submission_keeps_its_files_and_focuses_the_error_summary(
    phone, site, process_world
):
    from participation.models import Proposal

    page = phone
    user = resident("fehler.dateien@example.org")
    log_in(page, site, user.email, PASSWORD)
    page.goto(site.url + NEW)
    page.get_by_label("Beschreibung").fill("Ohne Titel abgeschickt.")
    attach(page, "image", "platz.png", png_bytes(), "image/png")
    page.get_by_label("Was zeigt das Bild?").fill("Der Platz")
    attach(page, "attachment", "Plan.pdf", b"%PDF-1.4 Plan", "application/pdf")
    page.get_by_role("button", name="Einreichen").click()
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    page.wait_for_function(
        "document.activeElement && document.activeElement.hasAttribute('data-error-summary')"
    )
    box = summary.bounding_box()
    assert box and 0 <= box["y"] < PHONE["height"], box  # in the viewport
    assert page.locator(".held-file").count() == 2
    text = page.locator("form.kern-form").inner_text()
    assert "platz.png" in text and "Plan.pdf" in text
    assert page.get_by_label("Beschreibung").input_value() == "Ohne Titel abgeschickt."
    assert_accessible(page)
    shot(page, "proposal-error-375")
    # A refused file is named, the held ones stay.
    attach(page, "attachment", "virus.pdf", b"MZ\x90\x00 kein pdf", "application/pdf")
    page.get_by_label("Titel").fill("Plan für den Platz")
    page.get_by_role("button", name="Einreichen").click()
    page.get_by_text("„virus.pdf“ wurde nicht angenommen").first.wait_for()
    assert "Plan.pdf" in page.locator("form.kern-form").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Einreichen").click()
    page.get_by_role("heading", name="Plan für den Platz").wait_for()
    proposal = Proposal.objects.get(title="Plan für den Platz")
    assert proposal.image and proposal.attachment_name == "Plan.pdf"


def test_fund_self_check_on_a_phone(phone, site, fund_world):
    page = phone
    user = resident("selbstpruefung@example.org")
    log_in(page, site, user.email, PASSWORD)
    page.goto(site.url + "/de/aktionsfonds/")
    page.get_by_role("link", name="Antrag stellen").click()
    group = page.get_by_role("group", name="Selbstprüfung")
    group.wait_for()
    assert_accessible(page)
    options = group.get_by_role("checkbox")
    assert options.count() >= 2
    labels = [
        group.locator(f'label[for="{options.nth(i).get_attribute("id")}"]')
        for i in range(options.count())
    ]
    boxes = [label.bounding_box() for label in labels]  # one scroll position for all
    for target in boxes:
        assert target["height"] >= 44 and target["width"] > 200, target
    for upper, lower in zip(boxes, boxes[1:], strict=False):
        assert upper["y"] + upper["height"] <= lower["y"] + 1  # no overlap
    for option, label in zip([options.nth(i) for i in range(len(labels))], labels, strict=True):
        label.click()  # the label is the target; nothing covers it
        assert option.is_checked()
    group_box = group.bounding_box()
    following = page.locator("fieldset.choice-group ~ *").first
    if following.count():
        assert following.bounding_box()["y"] >= group_box["y"] + group_box["height"] - 1
    group.scroll_into_view_if_needed()
    shot(page, "fund-self-check-375")
    page.set_viewport_size({"width": 1280, "height": 900})
    shot(page, "fund-self-check-1280")
