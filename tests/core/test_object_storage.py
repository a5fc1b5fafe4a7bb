"""Object storage (MEDIA_STORAGE=s3) against a real S3 service (SeaweedFS on 127.0.0.1):
private files in a bucket nobody reads unsigned, downloads through short-lived presigned
URLs after the rules allowed, published files and renditions in the public bucket."""

import io
import urllib.error
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import Http404
from django.test import Client, RequestFactory, override_settings
from PIL import Image as PILImage

from core.files import PrivateFileHasNoURL, is_private_storage, serve_private
from tests.s3server import PRIVATE_BUCKET, PUBLIC_BUCKET

pytestmark = pytest.mark.django_db


def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#1a3da5").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def s3(s3_server):
    """The settings MEDIA_STORAGE=s3 makes, pointed at the test server."""
    with override_settings(**s3_server.settings()):
        yield s3_server


def _get(url):
    """An anonymous GET straight to the store: (status, headers, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def _logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_settings_switch_both_storages_to_buckets(s3):
    private, public = storages["default"], storages["public"]
    assert is_private_storage(private) and private.bucket_name == PRIVATE_BUCKET
    assert private.querystring_auth and private.default_acl is None
    assert public.bucket_name == PUBLIC_BUCKET and not public.querystring_auth
    with pytest.raises(PrivateFileHasNoURL):
        private.url("proposals/attachments/x.pdf")
    assert public.url("public/x.jpg") == f"{s3.endpoint}/{PUBLIC_BUCKET}/public/x.jpg"


def test_a_public_url_setting_gives_plain_addresses_on_that_domain():
    from core.files import s3_storages

    public = s3_storages(
        endpoint_url="",
        access_key="k",
        secret_key="s",
        region="eu-central-1",
        private_bucket="p",
        public_bucket="q",
        public_url="https://media.example.org/quartier/",
    )["public"]["OPTIONS"]
    assert public["custom_domain"] == "media.example.org/quartier"
    assert public["url_protocol"] == "https:" and public["querystring_auth"] is False


def test_proposal_files_private_presigned_then_public(s3, django_capture_on_commit_callbacks):
    from participation import services, states
    from tests.participation.factories import make_process, make_proposal, roles

    people = roles()
    process = make_process(slug="verfahren-s3")
    proposal = make_proposal(process, people["author"], state=states.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_update(
            proposal=proposal,
            user=people["author"],
            data={"attachment": ContentFile(b"%PDF-1.4 Skizze", name="Skizze Platz.pdf")},
            submit=False,
        )
    proposal.refresh_from_db()
    name = proposal.attachment.name
    # In the private bucket under a random name; nothing in the public one.
    assert name.startswith("proposals/attachments/") and "Skizze" not in name
    assert name in s3.keys(PRIVATE_BUCKET) and s3.keys(PUBLIC_BUCKET) == set()
    # No public URL, and the bucket refuses an unsigned GET.
    with pytest.raises(PrivateFileHasNoURL):
        proposal.attachment.url  # noqa: B018
    assert _get(f"{s3.endpoint}/{PRIVATE_BUCKET}/{name}")[0] == 403

    type(proposal).objects.filter(pk=proposal.pk).update(state=states.SUBMITTED)
    attachment_url = process.subpage_url("attachment", proposal.pk)
    for client in (Client(), _logged_in(people["registered"])):
        assert client.get(attachment_url).status_code in (403, 404)
    response = _logged_in(people["author"]).get(attachment_url)
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{s3.endpoint}/{PRIVATE_BUCKET}/{name}?")
    assert "X-Amz-Signature=" in location and "X-Amz-Expires=300" in location
    assert response["Cache-Control"].startswith("private")
    status, headers, body = _get(location)
    assert status == 200 and body == b"%PDF-1.4 Skizze"
    assert headers["Content-Disposition"].startswith("attachment")
    assert 'filename="Skizze Platz.pdf"' in headers["Content-Disposition"]
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Cache-Control"] == "private, no-store"
    # A tampered signature is refused.
    assert _get(location.replace("X-Amz-Signature=", "X-Amz-Signature=0"))[0] == 403

    # Published: moved to the public bucket under a new name, readable unsigned.
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_decide(proposal=proposal, user=people["admin"], to_state="published")
    proposal.refresh_from_db()
    public_name = proposal.attachment.name
    assert public_name.startswith("public/proposals/attachments/")
    assert public_name in s3.keys(PUBLIC_BUCKET) and name not in s3.keys(PRIVATE_BUCKET)
    assert proposal.attachment.url == f"{s3.endpoint}/{PUBLIC_BUCKET}/{public_name}"
    assert _get(proposal.attachment.url)[:3:2] == (200, b"%PDF-1.4 Skizze")
    moved = Client().get(attachment_url)
    assert moved.status_code == 302 and moved["Location"] == proposal.attachment.url

    # Hidden: back to the private bucket.
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate(target=proposal, user=people["moderator"], hide=True, reason="Spam")
    proposal.refresh_from_db()
    assert not proposal.attachment.name.startswith("public/")
    assert proposal.attachment.name in s3.keys(PRIVATE_BUCKET)
    assert public_name not in s3.keys(PUBLIC_BUCKET)


def test_images_are_offered_inline_with_their_type(s3):
    from django.db.models.fields.files import FieldFile

    from participation.models import Proposal

    field = Proposal._meta.get_field("image")
    name = field.storage.save("proposals/images/abc.png", ContentFile(_png()))
    fieldfile = FieldFile(Proposal(), field, name)
    response = serve_private(RequestFactory().get("/"), fieldfile, "abc.png", inline_ok=True)
    assert response.status_code == 302
    status, headers, body = _get(response["Location"])
    assert status == 200 and body == _png()
    assert headers["Content-Type"] == "image/png"
    assert headers["Content-Disposition"].startswith("inline")
    field.storage.delete(name)
    with pytest.raises(Http404):  # gone from the bucket: no URL to nowhere
        serve_private(RequestFactory().get("/"), fieldfile, "abc.png")


def test_renditions_land_in_the_public_bucket(s3):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    image = get_image_model().objects.create(
        title="Testbild S3", file=ImageFile(io.BytesIO(_png()), name="testbild.png")
    )
    assert image.file.name in s3.keys(PRIVATE_BUCKET)
    with pytest.raises(PrivateFileHasNoURL):
        image.file.url  # noqa: B018
    rendition = image.get_rendition("fill-20x20")
    assert rendition.file.name in s3.keys(PUBLIC_BUCKET)
    status, headers, body = _get(rendition.url)
    assert rendition.url.startswith(f"{s3.endpoint}/{PUBLIC_BUCKET}/")
    assert status == 200 and PILImage.open(io.BytesIO(body)).size == (20, 20)


def test_the_file_field_table_holds_with_object_storage(s3):
    from tests.core.test_file_storage import EXPECTED, file_fields, kind_of

    assert {name: kind_of(field.storage) for name, field in file_fields()} == EXPECTED


def test_wagtail_documents_stream_from_the_private_bucket(s3, people):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Satzung S3", file=ContentFile(b"Satzung des Vereins", name="satzung.txt")
    )
    assert document.file.name in s3.keys(PRIVATE_BUCKET)
    assert _get(f"{s3.endpoint}/{PRIVATE_BUCKET}/{document.file.name}")[0] == 403
    response = Client().get(document.url)  # Wagtail's view reads the object and streams it
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Satzung des Vereins"
    admin = _logged_in(people["admin"])
    assert admin.get(f"/admin/documents/edit/{document.pk}/").status_code == 200


def test_private_fields_follow_the_storage_setting(s3):
    """Fields declared with core.files.private_storage (receipts, intranet versions) write
    to the private bucket and are delivered by presigned URL."""
    from django.db.models.fields.files import FieldFile

    from fund.models import Receipt

    field = Receipt._meta.get_field("file")
    name = field.storage.save("fund/receipts/quittung.pdf", ContentFile(b"%PDF-1.4 Quittung"))
    assert name in s3.keys(PRIVATE_BUCKET)
    fieldfile = FieldFile(Receipt(), field, name)
    with pytest.raises(PrivateFileHasNoURL):
        fieldfile.url  # noqa: B018
    response = serve_private(RequestFactory().get("/"), fieldfile, "Quittung.pdf", inline_ok=True)
    status, headers, body = _get(response["Location"])
    assert status == 200 and body == b"%PDF-1.4 Quittung"
    assert headers["Content-Disposition"] == 'inline; filename="Quittung.pdf"'


def test_s3_delivery_without_object_storage_is_a_configuration_error(tmp_path):
    from django.core.exceptions import ImproperlyConfigured
    from django.db.models.fields.files import FieldFile

    from fund.models import Receipt

    field = Receipt._meta.get_field("file")
    name = field.storage.save("fund/receipts/q.pdf", ContentFile(b"%PDF-1.4"))
    fieldfile = FieldFile(Receipt(), field, name)
    with override_settings(PRIVATE_FILES_SERVE="s3"), pytest.raises(ImproperlyConfigured):
        serve_private(RequestFactory().get("/"), fieldfile, "q.pdf")


def _settings_from_env(**environ):
    """portal.settings.production read in a fresh interpreter with ``environ``."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json; import portal.settings.production as s; print(json.dumps("
        "{'storages': s.STORAGES, 'serve': s.PRIVATE_FILES_SERVE,"
        " 'csp': s.CONTENT_SECURITY_POLICY, 'admin_csp': s.CONTENT_SECURITY_POLICY_ADMIN},"
        " default=str))"
    )
    env = {
        **os.environ,
        "SECRET_KEY": "x" * 60,
        "MEDIA_STORAGE": "s3",
        "S3_PRIVATE_BUCKET": "p-bucket",
        "S3_PUBLIC_BUCKET": "q-bucket",
        **environ,
    }
    if "PRIVATE_FILES_SERVE" not in environ:
        env.pop("PRIVATE_FILES_SERVE", None)
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(output.stdout)


def test_media_storage_s3_switches_the_settings():
    made = _settings_from_env(S3_URL_EXPIRY_SECONDS="120", S3_PUBLIC_URL="https://m.example.org")
    assert made["serve"] == "s3"
    private, public = made["storages"]["default"], made["storages"]["public"]
    assert private["BACKEND"] == "core.s3.PrivateS3Storage"
    assert private["OPTIONS"]["bucket_name"] == "p-bucket"
    assert private["OPTIONS"]["querystring_expire"] == 120
    assert public["BACKEND"] == "core.s3.PublicS3Storage"
    assert public["OPTIONS"]["bucket_name"] == "q-bucket"
    assert public["OPTIONS"]["custom_domain"] == "m.example.org"
    assert "whitenoise" in made["storages"]["staticfiles"]["BACKEND"]
    # Pages may load images and media from the store (and nothing else from there).
    for policy in (made["csp"], made["admin_csp"]):
        assert "img-src 'self' https://m.example.org https://p-bucket.s3.amazonaws.com" in policy
        assert "media-src 'self' https://m.example.org" in policy
        assert "script-src 'self';" in policy or "script-src 'self' 'unsafe-inline';" in policy
    assert _settings_from_env(PRIVATE_FILES_SERVE="django")["serve"] == "django"
    on_disk = _settings_from_env(MEDIA_STORAGE="filesystem")
    assert on_disk["serve"] == "django" and "img-src 'self' data:;" in on_disk["csp"]
    endpoint = _settings_from_env(S3_ENDPOINT_URL="https://s3.example.net:8443/")
    assert "img-src 'self' https://s3.example.net:8443 data:" in endpoint["csp"]


def test_configuration_checks(s3, settings):
    from core.files import check_private_root, s3_storages

    assert check_private_root() == []
    one_bucket = s3_storages(
        endpoint_url=s3.endpoint,
        access_key="k",
        secret_key="s",
        region="",
        private_bucket=PRIVATE_BUCKET,
        public_bucket="",
    )
    settings.STORAGES = {**settings.STORAGES, **one_bucket}
    assert [error.id for error in check_private_root()] == ["core.E002"]
    one_bucket["public"]["OPTIONS"]["location"] = "public-media"
    settings.STORAGES = {**settings.STORAGES, **one_bucket}
    assert check_private_root() == []
    settings.PRIVATE_FILES_SERVE = "ftp"
    assert [error.id for error in check_private_root()] == ["core.E004"]
    settings.MEDIA_STORAGE, settings.PRIVATE_FILES_SERVE = "filesystem", "s3"
    assert [error.id for error in check_private_root()] == ["core.E003"]
