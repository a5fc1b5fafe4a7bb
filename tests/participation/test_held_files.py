"""A proposal's files survive the preview and a refusal elsewhere (core/holding.py), and no
proposal form shows Django's raw file widget."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.holding import HELD_SUFFIX
from core.models import HeldUpload
from participation.models import Proposal
from tests.portal.factories import UserFactory

from .factories import make_process

pytestmark = pytest.mark.django_db
VALID = {
    "title": "Mehr Bäume",
    "description": "Am Lindenplatz fehlt Schatten.",
    "place": "Lindenplatz",
    "requested_budget": "3000",
    "language": "de",
    "image_alt": "Ein grüner Baum",
}


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return SimpleUploadedFile("baum.png", buffer.getvalue())


def tokens(body):
    return dict(re.findall(rf'name="(\w+){HELD_SUFFIX}" value="([\w-]+)"', body))


def test_preview_then_submit_keeps_image_and_attachment(client):
    process = make_process("during", slug="verfahren-vorschau-dateien")
    client.force_login(UserFactory())
    url = process.url + "vorschlaege/neu/"
    plan = SimpleUploadedFile("Plan Lindenplatz.pdf", b"%PDF-1.4 der Plan")
    preview = client.post(url, {**VALID, "image": png(), "attachment": plan, "preview": "1"})
    body = preview.content.decode()
    assert preview.status_code == 200 and "Vorschau" in body
    assert body.count("Bereits angehängt") == 2 and "Plan Lindenplatz.pdf" in body
    held = tokens(body)
    assert set(held) == {"image", "attachment"}
    assert not Proposal.objects.exists()
    # The browser sends the form again without files: only the tokens.
    response = client.post(
        url, {**VALID, **{f"{k}{HELD_SUFFIX}": v for k, v in held.items()}, "submit": "1"}
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get(process=process)
    assert proposal.attachment_name == "Plan Lindenplatz.pdf"
    assert proposal.attachment.read() == b"%PDF-1.4 der Plan"
    assert proposal.image and Image.open(proposal.image).size == (8, 8)
    assert not HeldUpload.objects.exists()  # released after the save


def test_an_error_keeps_the_files_and_says_so(client):
    process = make_process("during", slug="verfahren-fehler-dateien")
    client.force_login(UserFactory())
    url = process.url + "vorschlaege/neu/"
    plan = SimpleUploadedFile("Plan.pdf", b"%PDF-1.4 der Plan")
    response = client.post(url, {**VALID, "title": "", "attachment": plan, "submit": "1"})
    body = response.content.decode()
    assert "Bereits angehängt" in body and "Plan.pdf" in body
    assert "Lindenplatz" in body  # what was typed stays


def test_a_foreign_token_does_not_attach_someone_elses_file(client):
    process = make_process("during", slug="verfahren-fremd-dateien")
    url = process.url + "vorschlaege/neu/"
    client.force_login(UserFactory())
    plan = SimpleUploadedFile("Geheim.pdf", b"%PDF-1.4 geheim")
    body = client.post(url, {**VALID, "attachment": plan, "preview": "1"}).content.decode()
    token = tokens(body)["attachment"]
    client.logout()
    client.force_login(UserFactory())
    client.post(url, {**VALID, f"attachment{HELD_SUFFIX}": token, "submit": "1"})
    proposal = Proposal.objects.get(process=process)
    assert not proposal.attachment


def test_edit_preview_keeps_a_new_attachment_and_saves_it(client):
    process = make_process("during", slug="verfahren-bearbeiten-dateien")
    client.force_login(UserFactory())
    client.post(process.url + "vorschlaege/neu/", {**VALID, "draft": "1"})
    proposal = Proposal.objects.get(process=process)
    url = process.url + f"vorschlaege/{proposal.pk}/bearbeiten/"
    plan = SimpleUploadedFile("Neu.pdf", b"%PDF-1.4 neu")
    body = client.post(url, {**VALID, "attachment": plan, "preview": "1"}).content.decode()
    held = tokens(body)
    assert "Bereits angehängt" in body and "Neu.pdf" in body
    client.post(url, {**VALID, f"attachment{HELD_SUFFIX}": held["attachment"], "draft": "1"})
    proposal.refresh_from_db()
    assert proposal.attachment_name == "Neu.pdf"


def test_no_proposal_form_renders_djangos_raw_file_widget(client):
    process = make_process("during", slug="verfahren-kein-derzeit")
    client.force_login(UserFactory())
    plan = SimpleUploadedFile("Plan.pdf", b"%PDF-1.4 der Plan")
    client.post(
        process.url + "vorschlaege/neu/",
        {**VALID, "attachment": plan, "image": png(), "draft": "1"},
    )
    proposal = Proposal.objects.get(process=process)
    for url in (
        process.url + "vorschlaege/neu/",
        process.url + f"vorschlaege/{proposal.pk}/bearbeiten/",
    ):
        body = client.get(url).content.decode()
        assert "Derzeit" not in body and "Currently" not in body
        assert "-clear_id" not in body and "Zurücksetzen" not in body
