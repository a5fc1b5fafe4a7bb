"""Editing a proposal shows its current image and attachment (private files have no URL),
linked to the permission-checking download view, and lets the author remove them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

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
}


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return SimpleUploadedFile("baum.png", buffer.getvalue())


@pytest.fixture
def submitted(client):
    process = make_process("during", slug="verfahren-dateien")
    author = UserFactory()
    client.force_login(author)
    client.post(
        process.url + "vorschlaege/neu/",
        {
            **VALID,
            "attachment": SimpleUploadedFile("Plan Lindenplatz.pdf", b"%PDF-1.4 rest"),
            "image": png(),
            "image_alt": "Ein grüner Baum",
            "submit": "1",
        },
    )
    proposal = Proposal.objects.get(process=process)
    assert not proposal.attachment_is_public and not proposal.image_is_public
    return process, proposal


def test_edit_form_names_and_links_the_current_private_files(client, submitted):
    process, proposal = submitted
    body = client.get(process.url + f"vorschlaege/{proposal.pk}/bearbeiten/").content.decode()
    attachment_url = process.url + f"vorschlaege/{proposal.pk}/anhang/"
    image_url = process.url + f"vorschlaege/{proposal.pk}/bild/"
    assert f'<a class="kern-link" href="{attachment_url}">Plan Lindenplatz.pdf</a>' in body
    assert f'<a class="kern-link" href="{image_url}">Bild ansehen</a>' in body
    assert 'name="attachment-clear"' in body and 'name="image-clear"' in body
    assert "Aktuelle Datei" in body
    # The link works for the author.
    download = client.get(attachment_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 rest"


def test_new_proposal_form_shows_no_current_file(client):
    process = make_process("during", slug="verfahren-neu")
    client.force_login(UserFactory())
    body = client.get(process.url + "vorschlaege/neu/").content.decode()
    assert "Aktuelle Datei" not in body and "-clear" not in body


def test_author_removes_the_attachment_and_keeps_the_image(client, submitted):
    process, proposal = submitted
    response = client.post(
        process.url + f"vorschlaege/{proposal.pk}/bearbeiten/",
        {**VALID, "image_alt": "Ein grüner Baum", "attachment-clear": "on", "submit": "1"},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert not proposal.attachment
    assert proposal.image


def test_refused_replacement_keeps_showing_the_current_file(client, submitted):
    process, proposal = submitted
    response = client.post(
        process.url + f"vorschlaege/{proposal.pk}/bearbeiten/",
        {
            **VALID,
            "title": "Noch mehr Bäume",
            "image_alt": "Ein grüner Baum",
            "attachment": SimpleUploadedFile("boese.pdf", b"MZ\x90\x00 not a pdf"),
            "submit": "1",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Noch mehr Bäume"' in body
    assert "Plan Lindenplatz.pdf" in body
    proposal.refresh_from_db()
    assert proposal.attachment_filename == "Plan Lindenplatz.pdf"
