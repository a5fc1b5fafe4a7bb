"""Private files are never public: every file field is in the storage its table entry names;
private files have no URL and reach people only through views that ask the rules; files move
to the public storage only when published (and, for photos, with consent)."""

import io
import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import models
from django.http import Http404
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone
from django.views.static import serve as static_serve
from PIL import Image as PILImage

from core.files import (
    PrivateFileHasNoURL,
    PublishableStorage,
    RandomName,
    StorageAlias,
    is_private_storage,
    move_media_to_private,
    serve_private,
)

PRIVATE, PUBLIC, PUBLISHABLE = "private", "public", "private until published"

# Every FileField and ImageField of every installed app, and where its files live. A new
# field without an entry here fails `test_every_file_field_is_in_its_storage`.
EXPECTED = {
    # Wagtail: originals are editors' uploads (EXIF and all); pages show renditions.
    "wagtailimages.Image.file": PRIVATE,
    "wagtailimages.Rendition.file": PUBLIC,
    # Served by Wagtail's document view, which checks the collection's privacy.
    "wagtaildocs.Document.file": PRIVATE,
    # The admin's multiple upload keeps files here until the editor completes them.
    "wagtailcore.UploadedFile.file": PRIVATE,
    # Shown in the admin through core.wagtail_hooks.avatar.
    "wagtailusers.UserProfile.avatar": PRIVATE,
    "intranet.DocumentVersion.file": PRIVATE,
    "fund.Receipt.file": PRIVATE,
    "fund.SettlementPhoto.image": PUBLISHABLE,
    "participation.Proposal.image": PUBLISHABLE,
    "participation.Proposal.attachment": PUBLISHABLE,
    # Files of a form that did not complete yet (core.holding), bound to one session.
    "core.HeldUpload.file": PRIVATE,
}

# Our private fields store random names (the Wagtail ones keep theirs, but have no URL).
RANDOM_NAMES = {
    "intranet.DocumentVersion.file",
    "fund.Receipt.file",
    "fund.SettlementPhoto.image",
    "participation.Proposal.image",
    "participation.Proposal.attachment",
    "core.HeldUpload.file",
}


def _tiny_png():
    buffer = io.BytesIO()
    PILImage.new("RGBA", (1, 1), "#1a3da5").save(buffer, "PNG")
    return buffer.getvalue()


PNG = _tiny_png()  # a real image: uploads are checked by content


def file_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and field.model is model:
                yield f"{model._meta.label}.{field.name}", field


def kind_of(storage):
    if isinstance(storage, StorageAlias):
        storage = storage.target()
    if isinstance(storage, PublishableStorage):
        return PUBLISHABLE
    if storage is default_storage or storage is storages["default"]:
        assert is_private_storage(storages["default"])
        return PRIVATE
    if storage is storages["public"]:
        return PUBLIC
    return repr(storage)


def test_every_file_field_is_in_its_storage():
    found = {name: kind_of(field.storage) for name, field in file_fields()}
    assert found == EXPECTED
    for name, field in file_fields():
        if name in RANDOM_NAMES:
            assert isinstance(field.upload_to, RandomName), name


def test_the_private_storage_has_no_url_and_lies_outside_media():
    private, public = storages["default"], storages["public"]
    with pytest.raises(PrivateFileHasNoURL):
        private.url("fund/receipts/x.pdf")
    assert public.url("public/x.jpg") == settings.MEDIA_URL + "public/x.jpg"
    media = Path(settings.MEDIA_ROOT).resolve()
    assert media not in Path(private.location).resolve().parents
    assert Path(private.location).resolve() != media


def test_a_private_root_inside_media_is_a_configuration_error(tmp_path):
    from core.files import check_private_root

    with override_settings(MEDIA_ROOT=tmp_path, PRIVATE_MEDIA_ROOT=tmp_path / "private"):
        assert [error.id for error in check_private_root()] == ["core.E001"]
    with override_settings(MEDIA_ROOT=tmp_path / "media", PRIVATE_MEDIA_ROOT=tmp_path / "p"):
        assert check_private_root() == []


def test_random_names_keep_only_a_safe_extension():
    class Thing:
        original_name = ""

    thing = Thing()
    name = RandomName("fund/receipts", keep_in="original_name")(thing, "../Quittung Mai.PDF")
    folder, base = name.rsplit("/", 1)
    assert folder == "fund/receipts" and base.endswith(".pdf") and len(base) == 36
    assert thing.original_name == "Quittung Mai.PDF"
    assert RandomName("x")(thing, "evil.p h<p>").endswith(tuple("0123456789abcdef"))


# --- serving --------------------------------------------------------------------------------


def _fieldfile(name, content):
    from fund.models import Receipt

    receipt = Receipt()
    receipt.file.save(name, ContentFile(content), save=False)
    return receipt.file


def _sandboxed(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["Cache-Control"].startswith("private")


def test_serve_private_sends_html_as_a_sandboxed_attachment():
    fieldfile = _fieldfile("x.html", b"<script>alert(1)</script>")
    request = RequestFactory().get("/")
    response = serve_private(request, fieldfile, "bericht.html", inline_ok=True)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="bericht.html"' in response["Content-Disposition"]
    assert response["Content-Type"] == "application/octet-stream"
    _sandboxed(response)
    assert b"".join(response.streaming_content) == b"<script>alert(1)</script>"


def test_serve_private_shows_images_and_pdf_inline_only_when_asked():
    request = RequestFactory().get("/")
    pdf = _fieldfile("x.pdf", b"%PDF-1.4")
    assert serve_private(request, pdf, "a.pdf", inline_ok=True)["Content-Disposition"].startswith(
        "inline"
    )
    assert serve_private(request, pdf, "a.pdf")["Content-Disposition"].startswith("attachment")
    svg = _fieldfile("x.svg", b"<svg/>")
    assert serve_private(request, svg, "a.svg", inline_ok=True)["Content-Disposition"].startswith(
        "attachment"
    )


@override_settings(PRIVATE_FILES_SERVE="nginx", PRIVATE_FILES_ACCEL_PREFIX="/_private/")
def test_x_accel_mode_hands_the_bytes_to_the_web_server():
    fieldfile = _fieldfile("x.pdf", b"%PDF-1.4 secret")
    response = serve_private(RequestFactory().get("/"), fieldfile, "a.pdf")
    assert response["X-Accel-Redirect"] == "/_private/" + fieldfile.name
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment")
    _sandboxed(response)


def test_a_missing_file_is_404():
    fieldfile = _fieldfile("x.pdf", b"%PDF")
    fieldfile.storage.delete(fieldfile.name)
    with pytest.raises(Http404):
        serve_private(RequestFactory().get("/"), fieldfile, "a.pdf")


def test_a_private_file_is_not_under_media(db):
    fieldfile = _fieldfile("x.pdf", b"%PDF secret")
    assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, fieldfile.name))
    assert Client().get(settings.MEDIA_URL + fieldfile.name).status_code == 404
    # Even where /media/ is served (DEBUG, or a web server aliasing MEDIA_ROOT): not there.
    with pytest.raises(Http404):
        static_serve(RequestFactory().get("/"), fieldfile.name, document_root=settings.MEDIA_ROOT)


# --- the apps' views -----------------------------------------------------------------------


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.mark.django_db
def test_intranet_versions_only_for_the_workspace():
    from intranet.services import documents
    from tests.intranet.factories import world
    from tests.portal.factories import UserFactory

    workspace, people = world("files")
    (document,) = documents.upload(
        workspace=workspace, user=people["m1"], files=[ContentFile(b"geheim", name="Plan.txt")]
    )
    version = document.versions.get()
    assert version.original_name == "Plan.txt"
    assert "Plan" not in version.file.name and version.file.name.endswith(".txt")
    with pytest.raises(PrivateFileHasNoURL):
        version.file.url  # noqa: B018
    url = workspace.url + f"dokumente/{document.pk}/version/1/"

    anonymous = Client().get(url)
    assert anonymous.status_code in (302, 403, 404)
    assert b"geheim" not in anonymous.content
    outsider = Client()
    outsider.force_login(UserFactory())
    assert outsider.get(url).status_code in (403, 404)

    member = Client()
    member.force_login(people["m3"])
    response = member.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"geheim"
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="Plan.txt"' in response["Content-Disposition"]
    _sandboxed(response)
    with override_settings(PRIVATE_FILES_SERVE="nginx"):
        accel = member.get(url)
    assert accel.status_code == 200 and accel.content == b""
    assert accel["X-Accel-Redirect"] == "/_private/" + version.file.name
    assert accel["Content-Disposition"].startswith("attachment")


def _settled(consent_photos, on_commit):
    from fund import services
    from fund.models.applications import State
    from tests.fund.factories import in_state, make_fund
    from tests.portal.factories import UserFactory

    fund, page, jury, _meeting = make_fund(f"files-{consent_photos}")
    applicant = UserFactory()
    application = in_state(fund, State.APPROVED, applicant=applicant, consent_photos=consent_photos)
    application.decided_on = timezone.localdate() - timedelta(days=5)
    application.save()
    with on_commit():
        services.submit_settlement(
            application=application,
            user=applicant,
            receipts=[
                {
                    "date": timezone.localdate() - timedelta(days=1),
                    "vendor": "Baumarkt",
                    "amount": Decimal("100"),
                    "cost_type": "material",
                    "file": ContentFile(b"%PDF-1.4 Quittung", name="Quittung Bau.pdf"),
                }
            ],
            report="Schönes Fest.",
            photos=[(ContentFile(PNG, name="fest.png"), "Das Fest")],
            page_url=page.url,
        )
    application.refresh_from_db()
    return page, application, applicant, jury


@pytest.mark.django_db
def test_receipts_only_for_applicant_jury_and_office(on_commit):
    """The jury checks settlements too (issue 15): receipts open for it, never for others."""
    from tests.fund.factories import office_editor
    from tests.portal.factories import UserFactory

    page, application, applicant, jury = _settled(False, on_commit)
    receipt = application.receipts.get()
    assert receipt.original_name == "Quittung Bau.pdf"
    assert "Quittung" not in receipt.file.name
    url = page.route_url("receipt_file", application.pk, receipt.pk)

    assert Client().get(url).status_code in (302, 403, 404)
    client = Client()
    client.force_login(UserFactory())
    assert client.get(url).status_code in (403, 404)
    for person in (applicant, jury["m1"], office_editor()):
        client = Client()
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 Quittung"
        assert 'filename="Quittung Bau.pdf"' in response["Content-Disposition"]
        _sandboxed(response)
    # The status page links the download view, never a file address.
    client = Client()
    client.force_login(applicant)
    detail = client.get(page.application_url(application)).content.decode()
    assert url in detail
    assert receipt.file.name not in detail


@pytest.mark.django_db
def test_settlement_photos_are_public_only_with_consent(on_commit):
    from tests.portal.factories import UserFactory

    private_page, private_app, applicant, _j = _settled(False, on_commit)
    photo = private_app.photos.get()
    assert not photo.is_public
    with pytest.raises(PrivateFileHasNoURL):
        photo.image.url  # noqa: B018
    url = private_page.route_url("photo_file", private_app.pk, photo.pk)
    assert Client().get(url).status_code in (302, 403, 404)
    assert _logged_in(UserFactory()).get(url).status_code in (403, 404)
    response = _logged_in(applicant).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    _sandboxed(response)
    detail = _logged_in(applicant).get(private_page.application_url(private_app))
    assert url in detail.content.decode()
    funded = Client().get(private_page.route_url("funded")).content.decode()
    assert url not in funded and "Das Fest" not in funded

    page, public_app, _a, _j = _settled(True, on_commit)
    photo = public_app.photos.get()
    assert photo.is_public
    assert photo.image.url.startswith(settings.MEDIA_URL + "public/fund/photos/")
    assert os.path.exists(os.path.join(settings.MEDIA_ROOT, photo.image.name))
    funded = Client().get(page.route_url("funded")).content.decode()
    assert photo.image.url in funded


@pytest.mark.django_db
def test_draft_proposal_files_only_for_author_and_office(on_commit):
    from participation import services, states
    from tests.participation.factories import make_process, make_proposal, roles

    people = roles()
    process = make_process(slug="verfahren-dateien")
    proposal = make_proposal(
        process,
        people["author"],
        state=states.SUBMITTED,
        attachment=ContentFile(b"%PDF-1.4 Skizze", name="Skizze Platz.pdf"),
        image=ContentFile(PNG, name="platz.png"),
    )
    proposal.refresh_from_db()
    assert proposal.attachment_filename == "Skizze Platz.pdf"
    assert not proposal.attachment_is_public and not proposal.image_is_public
    attachment_url = process.subpage_url("attachment", proposal.pk)
    image_url = process.subpage_url("image", proposal.pk)

    for client in (Client(), _logged_in(people["registered"])):
        assert client.get(attachment_url).status_code in (403, 404)
        assert client.get(image_url).status_code in (403, 404)
    for person in (people["author"], people["moderator"]):
        response = _logged_in(person).get(attachment_url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 Skizze"
        assert 'filename="Skizze Platz.pdf"' in response["Content-Disposition"]
        _sandboxed(response)
    detail = _logged_in(people["author"]).get(process.subpage_url("detail", proposal.pk))
    assert attachment_url in detail.content.decode()
    # The author's edit form works with a private file and keeps it when none is sent.
    Proposal = type(proposal)
    Proposal.objects.filter(pk=proposal.pk).update(state=states.DRAFT)
    author = _logged_in(people["author"])
    edit = author.get(process.subpage_url("edit", proposal.pk))
    assert edit.status_code == 200
    assert proposal.attachment.name not in edit.content.decode()
    old_name = proposal.attachment.name
    with on_commit():
        services.proposal_update(
            proposal=proposal,
            user=people["author"],
            data={"attachment": ContentFile(b"%PDF-1.4 Skizze", name="Skizze Platz.pdf")},
            submit=False,
        )
    assert proposal.attachment.name != old_name
    assert not proposal.attachment.storage.exists(old_name)  # the replaced file is gone
    Proposal.objects.filter(pk=proposal.pk).update(state=states.SUBMITTED)

    # Published: both files move to the public storage; hidden: back to private.
    with on_commit():
        services.proposal_decide(proposal=proposal, user=people["admin"], to_state="published")
    proposal.refresh_from_db()
    assert proposal.attachment_is_public and proposal.image_is_public
    assert proposal.attachment_filename == "Skizze Platz.pdf"
    with proposal.attachment.open("rb") as handle:
        assert handle.read() == b"%PDF-1.4 Skizze"
    page = Client().get(process.subpage_url("detail", proposal.pk)).content.decode()
    assert proposal.attachment.url in page and proposal.image.url in page
    # The download view of a published file sends people to its public address.
    moved = Client().get(attachment_url)
    assert moved.status_code == 302 and moved["Location"] == proposal.attachment.url

    with on_commit():
        services.moderate(target=proposal, user=people["moderator"], hide=True, reason="Spam")
    proposal.refresh_from_db()
    assert not proposal.attachment_is_public and not proposal.image_is_public
    assert Client().get(attachment_url).status_code in (403, 404)


def _logged_in(user):
    client = Client()
    client.force_login(user)
    return client


# --- the data migration --------------------------------------------------------------------


@pytest.mark.django_db
def test_moving_old_media_files_is_idempotent_and_tolerates_missing_files():
    from fund.models import Receipt
    from tests.fund.factories import in_state, make_fund

    fund, *_rest = make_fund("migration")
    application = in_state(fund, "settlement")
    old = Path(settings.MEDIA_ROOT) / "fund" / "receipts" / "2025" / "05"
    old.mkdir(parents=True, exist_ok=True)
    (old / "Rechnung Müller.pdf").write_bytes(b"%PDF alt")
    kept = Receipt.objects.create(
        application=application,
        date=timezone.localdate(),
        vendor="Müller",
        amount=Decimal("10"),
        cost_type="material",
    )
    missing = Receipt.objects.create(
        application=application,
        date=timezone.localdate(),
        vendor="Weg",
        amount=Decimal("10"),
        cost_type="material",
    )
    Receipt.objects.filter(pk=kept.pk).update(file="fund/receipts/2025/05/Rechnung Müller.pdf")
    Receipt.objects.filter(pk=missing.pk).update(file="fund/receipts/2025/05/weg.pdf")

    assert move_media_to_private(Receipt, "file", "fund/receipts", keep_in="original_name") == 1
    kept.refresh_from_db()
    assert kept.original_name == "Rechnung Müller.pdf"
    assert kept.file.name.startswith("fund/receipts/") and "Müller" not in kept.file.name
    with kept.file.open("rb") as handle:
        assert handle.read() == b"%PDF alt"
    assert not (old / "Rechnung Müller.pdf").exists()
    missing.refresh_from_db()
    assert missing.file.name == "fund/receipts/2025/05/weg.pdf"
    # Again: nothing left to move, nothing changed.
    name = kept.file.name
    assert move_media_to_private(Receipt, "file", "fund/receipts", keep_in="original_name") == 0
    kept.refresh_from_db()
    assert kept.file.name == name


def test_png_fixture_is_an_image():
    from PIL import Image

    assert Image.open(io.BytesIO(PNG)).size == (1, 1)


# --- Wagtail: images, documents, avatars in the admin ---------------------------------------


def _png(size=(40, 30)):

    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#1a3da5").save(buffer, "PNG")
    return buffer.getvalue()


def test_wagtail_images_keep_originals_private_and_publish_renditions(people):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    image = get_image_model().objects.create(
        title="Testbild", file=ImageFile(io.BytesIO(_png()), name="testbild.png")
    )
    assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, image.file.name))
    with pytest.raises(PrivateFileHasNoURL):
        image.file.url  # noqa: B018
    rendition = image.get_rendition("fill-20x20")
    assert rendition.url.startswith(settings.MEDIA_URL)
    assert os.path.exists(os.path.join(settings.MEDIA_ROOT, rendition.file.name))

    admin = _logged_in(people["admin"])
    assert admin.get("/admin/images/").status_code == 200
    assert admin.get(f"/admin/images/{image.pk}/").status_code == 200
    upload = ContentFile(_png((10, 10)), name="neu.png")
    response = admin.post(
        "/admin/images/add/", {"title": "Neu", "file": upload, "collection": image.collection_id}
    )
    assert response.status_code == 302
    made = get_image_model().objects.get(title="Neu")
    assert made.file.storage is storages["default"] or kind_of(made.file.storage) == PRIVATE


def test_wagtail_documents_are_private_files_served_by_wagtail(people):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Satzung", file=ContentFile(b"Satzung des Vereins", name="satzung.txt")
    )
    assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, document.file.name))
    response = Client().get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Satzung des Vereins"
    assert response["X-Content-Type-Options"] == "nosniff"
    admin = _logged_in(people["admin"])
    assert admin.get(f"/admin/documents/edit/{document.pk}/").status_code == 200


def test_admin_avatars_are_served_to_admin_users_only(people):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(people["admin"])
    profile.avatar.save("ich.png", ContentFile(_png()), save=True)
    admin = _logged_in(people["admin"])
    page = admin.get("/admin/").content.decode()
    url = f"/admin/avatar/{people['admin'].pk}/"
    assert url in page and profile.avatar.name not in page
    response = admin.get(url)
    assert response.status_code == 200
    _sandboxed(response)
    assert admin.get("/admin/account/").status_code == 200
    resident = _logged_in(people["resident"]).get(url)
    assert resident.status_code in (302, 403)
    assert Client().get(url).status_code == 302


def test_hiding_in_the_admin_makes_a_proposals_files_private(people, on_commit):
    from participation import services, states
    from tests.participation.factories import make_process, make_proposal, roles

    process = make_process(slug="verfahren-admin-dateien")
    author = roles()["author"]
    proposal = make_proposal(
        process, author, state=states.SUBMITTED, attachment=ContentFile(b"Plan", name="plan.pdf")
    )
    assert not proposal.attachment_is_public  # submitted is not yet published
    with on_commit():
        services.proposal_decide(proposal=proposal, user=people["admin"], to_state="published")
    proposal.refresh_from_db()
    assert proposal.attachment_is_public
    with on_commit():
        response = _logged_in(people["admin"]).post(
            f"/admin/snippets/participation/proposal/edit/{proposal.pk}/",
            {"hidden": "on", "hidden_reason": "Persönliche Daten im Anhang"},
        )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.hidden and not proposal.attachment_is_public


@pytest.mark.django_db
def test_the_participation_migration_publishes_files_of_published_proposals():
    """The data migration itself, with its historical models: old files leave MEDIA_ROOT,
    a draft's stay private, a published proposal's become public."""
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    from participation import states
    from tests.participation.factories import make_process, make_proposal, roles

    author = roles()["author"]
    process = make_process(slug="verfahren-migration")
    draft = make_proposal(process, author, state=states.DRAFT)
    published = make_proposal(process, author, state=states.PUBLISHED)
    old = Path(settings.MEDIA_ROOT) / "proposals" / "attachments" / "2024" / "03"
    old.mkdir(parents=True, exist_ok=True)
    for proposal in (draft, published):
        (old / f"Plan {proposal.pk}.pdf").write_bytes(b"%PDF alt")
        type(proposal).objects.filter(pk=proposal.pk).update(
            attachment=f"proposals/attachments/2024/03/Plan {proposal.pk}.pdf"
        )

    key = ("participation", "0010_private_files")
    state_apps = MigrationLoader(connection).project_state(key).apps
    migration = import_module("participation.migrations.0010_private_files")
    migration.move_files(state_apps, None)

    draft.refresh_from_db()
    published.refresh_from_db()
    assert not draft.attachment_is_public and published.attachment_is_public
    assert draft.attachment_filename == f"Plan {draft.pk}.pdf"
    assert published.attachment_filename == f"Plan {published.pk}.pdf"
    assert not list(old.iterdir())
    with published.attachment.open("rb") as handle:
        assert handle.read() == b"%PDF alt"
    assert os.path.exists(os.path.join(settings.MEDIA_ROOT, published.attachment.name))
    assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, draft.attachment.name))
    migration.move_files(state_apps, None)  # again: nothing changes
    names = (draft.attachment.name, published.attachment.name)
    draft.refresh_from_db()
    published.refresh_from_db()
    assert (draft.attachment.name, published.attachment.name) == names
