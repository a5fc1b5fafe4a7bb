"""Office tools in the Wagtail admin: confirming residents and voting code batches."""

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from participation.models import ResidentVerification, VotingCode, VotingCodeBatch
from participation.voting import codes, sheets
from tests.participation.factories import make_vote_process, roles
from tests.portal.factories import UserFactory, with_mfa

pytestmark = pytest.mark.django_db

RESIDENTS = "/admin/bewohner/"
CODES = "/admin/abstimmungscodes/"


def staff():
    client = Client()
    user = with_mfa(roles()["editor"])
    client.force_login(user)
    return client, user


def test_residents_are_found_confirmed_and_revoked_with_a_record():
    client, editor = staff()
    person = UserFactory(email="nachbarin.suche@example.org")
    page = client.get(RESIDENTS, {"q": "nachbarin.suche"}).content.decode()
    assert "nachbarin.suche@example.org" in page and "nicht bestätigt" in page
    response = client.post(
        RESIDENTS + "?q=nachbarin.suche", {"user": person.pk, "action": "verify", "age_16": "1"}
    )
    assert response.status_code == 302
    record = ResidentVerification.objects.get(user=person)
    assert (record.method, record.age_16, record.verified_by) == ("office", True, editor)
    assert ModelLogEntry.objects.filter(
        action="participation.resident_verified", user=editor, object_id=str(person.pk)
    ).exists()
    client.post(RESIDENTS, {"user": person.pk, "action": "revoke"})
    assert not ResidentVerification.objects.filter(user=person).exists()


def test_residents_tool_is_closed_to_others():
    client = Client()
    client.force_login(UserFactory())
    assert client.get(RESIDENTS).status_code in (302, 403)
    moderator = with_mfa(roles()["moderator"])
    moderator.groups.add(*roles()["editor"].groups.all())  # admin access, then take the perm away
    client.force_login(moderator)
    assert client.get(RESIDENTS).status_code == 200


def test_code_batch_is_created_as_pdf_and_stored_hashed():
    process, _ = make_vote_process(slug="a-codes", participants="code")
    client, _editor = staff()
    assert client.get(CODES).status_code == 200
    response = client.post(CODES, {"process": process.pk, "label": "Briefe Hof 3", "size": 5})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    batch = VotingCodeBatch.objects.get(process=process)
    assert batch.codes.count() == 5 and batch.created_by is not None


def test_code_sheet_has_code_address_qr_and_instructions_in_every_language():
    process, _ = make_vote_process(slug="a-sheet", participants="code")
    batch, plain = codes.create_batch(process=process, size=3, label="Blatt", user=None)
    html = sheets.code_sheet_html(process, batch, plain)
    for code in plain:
        assert code in html
    assert sheets.vote_url(process) in html and "<svg" in html
    assert 'lang="ar" dir="rtl"' in html and 'lang="tr" dir="ltr"' in html
    assert "Ein Konto brauchen Sie nicht" in html and "You do not need an account" in html
    for code in plain:
        assert code not in "".join(VotingCode.objects.values_list("digest", flat=True))


def test_bad_batch_form_comes_back_with_messages():
    process, _ = make_vote_process(slug="a-bad", participants="code")
    client, _editor = staff()
    response = client.post(CODES, {"process": process.pk, "label": "Zu viele", "size": 0})
    assert response.status_code == 200
    assert 'value="Zu viele"' in response.content.decode()
    assert not VotingCodeBatch.objects.filter(process=process).exists()


def test_voiding_a_batch_refuses_its_codes():
    process, _ = make_vote_process(slug="a-void", participants="code")
    batch, (plain,) = codes.create_batch(process=process, size=1, label="Weg", user=None)
    client, _editor = staff()
    client.post(CODES, {"void": batch.pk})
    batch.refresh_from_db()
    assert batch.voided_at is not None
    with pytest.raises(codes.CodeRefused, match="ungültig"):
        codes.find(process, plain)
    assert "ungültig seit" in client.get(CODES).content.decode()


def test_codes_tool_is_closed_to_people_without_rights():
    client = Client()
    client.force_login(UserFactory())
    assert client.get(CODES).status_code in (302, 403)
