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
