"""Intranet uploads keep the files that passed when another one is refused, and a new
version's file survives an error (core/holding.py)."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model

from core.holding import HELD_SUFFIX
from core.models import HeldUpload

from .factories import world

pytestmark = pytest.mark.django_db


def test_a_refused_file_does_not_lose_the_others_and_the_next_post_uploads_them():
    workspace, people = world("heldupload")
    client = Client()
    client.force_login(people["m1"])
    url = workspace.url + "dokumente/"
    response = client.post(
        url,
        {
            "up-folder": workspace.collection_id,
            "up-files": [
                SimpleUploadedFile("Programm.exe", b"MZ\x90\x00"),
                SimpleUploadedFile("Protokoll.txt", b"Protokoll vom Montag"),
                SimpleUploadedFile("Liste.txt", b"Teilnehmende"),
            ],
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "„Programm.exe“" in body
    assert "Bereits angehängt" in body and "Protokoll.txt" in body and "Liste.txt" in body
    tokens = re.findall(rf'name="up-files{HELD_SUFFIX}" value="([\w-]+)"', body)
    assert len(tokens) == 2
    documents = get_document_model().objects.filter(collection_id=workspace.collection_id)
    assert not documents.exists()
    # The person removes one held file and sends the form again.
    again = client.post(
        url,
        {
            "up-folder": workspace.collection_id,
            f"up-files{HELD_SUFFIX}": tokens,
            "up-files__held_remove": [tokens[1]],
        },
    )
    assert again.status_code == 302
    assert sorted(d.title for d in documents.all()) == ["Protokoll"]
    assert not HeldUpload.objects.exists()


def test_a_new_version_refused_elsewhere_keeps_its_file():
    from intranet.services import documents

    workspace, people = world("heldversion")
    (document,) = documents.upload(
        workspace=workspace, user=people["m1"], files=[ContentFile(b"eins", name="plan.txt")]
    )
    client = Client()
    client.force_login(people["m1"])
    url = workspace.url + f"dokumente/{document.pk}/"
    response = client.post(
        url, {"file": SimpleUploadedFile("plan.txt", b"zwei"), "note": "x" * 400}
    )
    body = response.content.decode()
    assert response.status_code == 400 and "Bereits angehängt" in body
    token = re.search(rf'name="file{HELD_SUFFIX}" value="([\w-]+)"', body).group(1)
    saved = client.post(url, {f"file{HELD_SUFFIX}": token, "note": "Termine ergänzt"})
    assert saved.status_code == 302
    assert document.versions.count() == 2
