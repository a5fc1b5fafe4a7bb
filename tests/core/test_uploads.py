"""One validated path for every upload (core/uploads.py) and bounded text extraction
(intranet/extraction.py): type by content, EXIF/GPS stripped, pixel and zip bombs refused,
extraction under a byte budget and a memory ceiling, and forms that keep what was typed."""

import io
import struct
import zipfile
import zlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone
from PIL import Image
from PIL.ExifTags import IFD

from core import uploads
from core.uploads import ATTACHMENT, DOCUMENT, IMAGE, RECEIPT, check_upload, detect_kind
from intranet.extraction import extract_path

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
JS = b"fetch('/admin/').then(r => r.text()).then(t => alert(t));\nvar x = document.cookie;"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(2)</script></svg>"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 50
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 50
MB = 1024 * 1024


def image_bytes(fmt="PNG", size=(60, 40), gps=True, orientation=None):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = image.getexif()
    exif[0x010F] = "Kamerahersteller"
    if orientation:
        exif[0x0112] = orientation
    if gps:
        info = exif.get_ifd(IFD.GPSInfo)
        info[1], info[2], info[3], info[4] = "N", (52.0, 31.0, 12.0), "E", (13.0, 24.0, 36.0)
    buffer = io.BytesIO()
    image.save(buffer, fmt, exif=exif)
    return buffer.getvalue()


def png_with_size(width, height):
    """A real, tiny PNG whose header claims width × height (a pixel bomb)."""
    data = bytearray(image_bytes("PNG", size=(1, 1), gps=False))
    start = 8  # after the signature: length(4) "IHDR"(4) data(13) crc(4)
    ihdr = bytearray(data[start + 8 : start + 21])
    ihdr[0:8] = struct.pack(">II", width, height)
    data[start + 8 : start + 21] = ihdr
    crc = zlib.crc32(b"IHDR" + bytes(ihdr)) & 0xFFFFFFFF
    data[start + 21 : start + 25] = struct.pack(">I", crc)
    return bytes(data)


def content_types(main):
    return (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/{main}" ContentType="x"/></Types>'
    )


def docx(text="Sommerfest am Lindenplatz", xml=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types("word/document.xml"))
        archive.writestr(
            "word/document.xml",
            xml
            or '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            f'main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>',
        )
    return buffer.getvalue()


def odt(text="Spielplatzpaten gesucht"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            f"<office:body><office:text><text:p>{text}</text:p></office:text></office:body>"
            "</office:document-content>",
        )
    return buffer.getvalue()


@pytest.fixture(scope="module")
def docx_bomb(tmp_path_factory):
    """A small DOCX whose document.xml expands to 150 MB."""
    path = tmp_path_factory.mktemp("bomb") / "bombe.docx"
    paragraph = (
        b"<w:p><w:r><w:t>Quartier Quartier Quartier Quartier Quartier Quartier</w:t></w:r></w:p>"
    )
    chunk = paragraph * (MB // len(paragraph))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", content_types("word/document.xml"))
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                b'2006/main"><w:body>'
            )
            for _ in range(150):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return path


ANY = uploads.UploadPolicy(frozenset(uploads.KINDS), 25 * MB)


def upload(name, data):
    return SimpleUploadedFile(name, data)


# --- type by content, never by name ----------------------------------------------------


@pytest.mark.parametrize(
    "content", [HTML, JS, SVG, EXE, ELF], ids=["html", "js", "svg", "exe", "elf"]
)
@pytest.mark.parametrize("name", ["beleg.pdf", "foto.jpg", "bild.png", "notiz.txt"])
@pytest.mark.parametrize("policy", [IMAGE, ATTACHMENT, RECEIPT, DOCUMENT])
def test_active_content_is_refused_whatever_its_name(content, name, policy):
    with pytest.raises(ValidationError) as refused:
        check_upload(upload(name, content), policy)
    message = " ".join(refused.value.messages)
    assert "nicht erlaubt" in message and "Erlaubt sind:" in message


def test_the_refusal_says_what_is_allowed():
    with pytest.raises(ValidationError) as refused:
        check_upload(upload("x.pdf", HTML), RECEIPT)
    assert refused.value.messages == [
        "Dieser Dateityp ist hier nicht erlaubt. Erlaubt sind: JPEG, PDF, PNG, WebP."
    ]


@pytest.mark.parametrize(
    ("name", "data", "kind", "stored"),
    [
        ("beleg.jpg", b"%PDF-1.4 rest", "pdf", "beleg.pdf"),
        ("dokument", lambda: docx(), "docx", "dokument.docx"),
        ("liste.pdf", lambda: odt(), "odt", "liste.odt"),
        ("foto.pdf", lambda: image_bytes("JPEG"), "jpeg", "foto.jpg"),
        ("../../etc/passwd.png", lambda: image_bytes("PNG"), "png", "passwd.png"),
        ("Tabelle Juni.csv", b"Name;Betrag\nFarbe;12,50\n", "txt", "Tabelle Juni.csv"),
        ("Notizen.md", "# Grüße aus dem Büro".encode(), "txt", "Notizen.md"),
    ],
)
def test_the_stored_name_gets_the_extension_of_the_detected_kind(name, data, kind, stored):
    data = data() if callable(data) else data
    checked = check_upload(upload(name, data), ANY)
    assert checked.detected_kind == kind
    assert checked.name == stored


def test_text_that_claims_another_type_is_refused():
    with pytest.raises(ValidationError):
        check_upload(upload("bericht.pdf", b"nur Text"), DOCUMENT)
    assert check_upload(upload("bericht.txt", b"nur Text"), DOCUMENT).name == "bericht.txt"


def test_large_uploads_spooled_to_disk_are_checked_the_same(settings):
    from django.core.files.uploadedfile import TemporaryUploadedFile

    spooled = TemporaryUploadedFile("einladung.zip", "application/zip", 0, None)
    spooled.write(docx())
    spooled.size = spooled.tell()
    spooled.seek(0)
    checked = check_upload(spooled, DOCUMENT)
    assert checked.name == "einladung.docx" and checked.read(2) == b"PK"
    spooled.close()


def test_size_and_emptiness():
    with pytest.raises(ValidationError, match="zu groß"):
        check_upload(upload("a.pdf", b"%PDF-" + b"0" * (5 * MB)), IMAGE)
    with pytest.raises(ValidationError, match="leer"):
        check_upload(upload("a.pdf", b""), DOCUMENT)


def test_macro_documents_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types("word/document.xml"))
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/vbaProject.bin", b"\x00" * 100)
    with pytest.raises(ValidationError, match="Makros"):
        check_upload(upload("makro.docx", buffer.getvalue()), DOCUMENT)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("Basic/Standard/Module1.xml", "<script:module/>")
    with pytest.raises(ValidationError, match="Makros"):
        check_upload(upload("makro.odt", buffer.getvalue()), DOCUMENT)


@override_settings(UPLOAD_ZIP_MAX_MEMBERS=50)
def test_too_many_members_are_refused_before_the_directory_is_parsed(monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types("word/document.xml"))
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(60):
            archive.writestr(f"word/media/{number}.xml", "x")

    def parse_not(*args, **kwargs):
        raise AssertionError("the central directory must not be parsed")

    monkeypatch.setattr(zipfile, "ZipFile", parse_not)
    with pytest.raises(ValidationError, match="zu vielen Teilen"):
        check_upload(upload("viele.docx", buffer.getvalue()), DOCUMENT)


def test_a_truncated_zip_is_refused_as_broken():
    with pytest.raises(ValidationError, match="beschädigt"):
        check_upload(upload("kaputt.docx", docx()[:-30]), DOCUMENT)


def test_a_zip_that_is_no_office_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", HTML)
    with pytest.raises(ValidationError, match="nicht erlaubt"):
        check_upload(upload("archiv.docx", buffer.getvalue()), DOCUMENT)


# --- images ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_photos_are_stored_without_gps_and_camera_data(fmt):
    data = image_bytes(fmt)
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(IFD.GPSInfo)  # the test is real
    checked = check_upload(upload(f"foto.{fmt.lower()}", data), IMAGE)
    stored = checked.read()
    image = Image.open(io.BytesIO(stored))
    assert image.format == fmt
    assert not image.getexif().get_ifd(IFD.GPSInfo)
    assert not dict(image.getexif())
    assert b"Kamerahersteller" not in stored and b"GPS" not in stored


def test_comments_and_xmp_go_too():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(
        buffer, "JPEG", comment=b"Wohnung Lindenstr. 4", xmp=b"<x>GPSLatitude 52.5</x>"
    )
    stored = check_upload(upload("a.jpg", buffer.getvalue()), IMAGE).read()
    assert b"Lindenstr" not in stored and b"GPSLatitude" not in stored


def test_an_animated_gif_keeps_its_frames_but_not_its_comment():
    buffer = io.BytesIO()
    frames = [Image.new("RGB", (10, 10), colour) for colour in ("red", "green", "blue")]
    frames[0].save(
        buffer, "GIF", save_all=True, append_images=frames[1:], comment=b"Lindenstr. 4", loop=0
    )
    checked = check_upload(upload("a.gif", buffer.getvalue()), uploads.ADMIN_IMAGE)
    stored = checked.read()
    assert b"Lindenstr" not in stored
    assert Image.open(io.BytesIO(stored)).n_frames == 3


def test_orientation_is_applied_before_the_metadata_goes():
    data = image_bytes("JPEG", size=(60, 40), orientation=6)  # 90° clockwise
    image = Image.open(check_upload(upload("hoch.jpg", data), IMAGE))
    assert image.size == (40, 60)


@override_settings(UPLOAD_MAX_IMAGE_PIXELS=40_000_000)
def test_a_pixel_bomb_is_refused_before_decoding():
    bomb = png_with_size(30_000, 30_000)  # 900 megapixels in a few bytes
    assert len(bomb) < 200
    with pytest.raises(ValidationError, match="zu viele Bildpunkte"):
        check_upload(upload("bombe.png", bomb), IMAGE)


def test_a_broken_image_is_refused():
    with pytest.raises(ValidationError, match="beschädigt"):
        check_upload(upload("bild.png", b"\x89PNG\r\n\x1a\nkaputt"), IMAGE)


# --- zip bombs and extraction -----------------------------------------------------------


def test_a_docx_bomb_is_refused_by_the_upload_check(docx_bomb):
    data = docx_bomb.read_bytes()
    assert len(data) < 1 * MB  # small on disk, 150 MB unpacked
    with pytest.raises(ValidationError, match="zu groß werden"):
        check_upload(upload("bombe.docx", data), DOCUMENT)


def test_extraction_of_a_docx_bomb_stays_under_its_budget(docx_bomb):
    result = extract_path(docx_bomb, max_bytes=5 * MB, memory_mb=256, timeout=60)
    assert result.error == ""
    assert "Quartier" in result.text
    assert len(result.text.encode()) <= 5 * MB
    # The subprocess never holds the 150 MB member: its peak stays far below it.
    assert 0 < result.peak_rss_kb < 100 * 1024, result.peak_rss_kb
    print(f"docx bomb: peak RSS of the extraction subprocess {result.peak_rss_kb} KB")


def test_extraction_under_a_too_small_memory_ceiling_fails_quietly(docx_bomb):
    result = extract_path(docx_bomb, max_bytes=200 * MB, memory_mb=20, timeout=60)
    assert result.text == "" and result.error


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
    '<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>'
    "</w:document>"
)


def test_a_hanging_extraction_is_stopped_by_the_timeout(tmp_path, monkeypatch, caplog):
    from intranet import extraction

    slow = tmp_path / "slow_worker.py"
    slow.write_text("import time\ntime.sleep(30)\n")
    monkeypatch.setattr(extraction, "WORKER", slow)
    path = tmp_path / "datei.txt"
    path.write_bytes(b"Text")
    result = extract_path(path, max_bytes=MB, memory_mb=256, timeout=1)
    assert result.text == "" and "Zeitlimit" in result.error
    assert "stopped after 1 s" in caplog.text


def test_billion_laughs_yields_no_text_and_no_crash(tmp_path):
    path = tmp_path / "lachen.docx"
    path.write_bytes(docx(xml=BILLION_LAUGHS))
    result = extract_path(path, max_bytes=5 * MB, memory_mb=256, timeout=30)
    assert result.text == ""
    assert "EntitiesForbidden" in result.error
    assert result.peak_rss_kb < 100 * 1024


def test_external_entities_are_not_resolved(tmp_path):
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<w:document xmlns:w="urn:w"><w:p><w:t>&x;</w:t></w:p></w:document>'
    )
    path = tmp_path / "extern.docx"
    path.write_bytes(docx(xml=xml))
    result = extract_path(path, max_bytes=MB, memory_mb=256, timeout=30)
    assert "root:" not in result.text and result.error


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (lambda: docx(), "Sommerfest"),
        (lambda: odt(), "Spielplatzpaten"),
        (b"Gr\xc3\xbc\xc3\x9fe", "Grüße"),
    ],
)
def test_extraction_reads_office_documents_and_text(tmp_path, data, expected):
    path = tmp_path / "datei"
    path.write_bytes(data() if callable(data) else data)
    assert expected in extract_path(path, max_bytes=MB, memory_mb=256, timeout=30).text


def test_model_validators_still_refuse_by_content():
    with pytest.raises(ValidationError):
        uploads.validate_attachment(upload("plan.pdf", HTML))
    uploads.validate_attachment(upload("plan.pdf", b"%PDF-1.4 x"))
    assert detect_kind(upload("x", SVG)) is None


# --- forms keep what was typed (one per app) ----------------------------------------------


@pytest.mark.django_db
def test_proposal_form_with_a_disguised_html_keeps_the_typed_fields(client):
    from participation.models import Proposal
    from tests.participation.factories import make_process
    from tests.portal.factories import UserFactory

    process = make_process("during", slug="verfahren-upload")
    client.force_login(UserFactory())
    response = client.post(
        process.url + "vorschlaege/neu/",
        {
            "title": "Mehr Bäume",
            "description": "Am Lindenplatz fehlt Schatten.",
            "place": "Lindenplatz",
            "requested_budget": "3000",
            "language": "de",
            "attachment": upload("plan.pdf", HTML),
            "submit": "1",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Mehr Bäume"' in page and "Am Lindenplatz fehlt Schatten." in page
    assert "Dieser Dateityp ist hier nicht erlaubt" in page
    assert 'accept=".jpg,.jpeg,image/jpeg,.png,image/png,.webp,image/webp"' in page
    assert not Proposal.objects.filter(process=process).exists()


@pytest.mark.django_db
def test_proposal_image_is_stored_without_gps(client):
    from participation.models import Proposal
    from tests.participation.factories import make_process
    from tests.portal.factories import UserFactory

    process = make_process("during", slug="verfahren-foto")
    client.force_login(UserFactory())
    client.post(
        process.url + "vorschlaege/neu/",
        {
            "title": "Bank am Spielplatz",
            "description": "Eltern brauchen einen Platz zum Sitzen.",
            "place": "Spielplatz",
            "requested_budget": "500",
            "language": "de",
            "image": upload("IMG_0001.JPG", image_bytes("JPEG")),
            "image_alt": "Spielplatz",
            "submit": "1",
        },
    )
    proposal = Proposal.objects.get(process=process)
    assert proposal.image.name.endswith(".jpg")
    with proposal.image.open("rb") as handle:
        assert not Image.open(handle).getexif().get_ifd(IFD.GPSInfo)


@pytest.mark.django_db
def test_intranet_upload_of_a_disguised_script_keeps_the_folder_and_names_the_file():
    from tests.intranet.factories import world

    workspace, people = world("uploadcheck")
    client = Client()
    client.force_login(people["m1"])
    response = client.post(
        workspace.url + "dokumente/",
        {
            "up-folder": workspace.collection_id,
            "up-files": [upload("protokoll.pdf", JS), upload("gut.txt", b"Protokoll")],
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "„protokoll.pdf“: Dieser Dateityp ist hier nicht erlaubt" in page
    from wagtail.documents import get_document_model

    assert not get_document_model().objects.filter(collection_id=workspace.collection_id)


@pytest.mark.django_db
def test_intranet_new_version_refused_keeps_the_note():
    from django.core.files.base import ContentFile

    from intranet.services import documents
    from tests.intranet.factories import world

    workspace, people = world("versioncheck")
    (document,) = documents.upload(
        workspace=workspace, user=people["m1"], files=[ContentFile(b"eins", name="plan.txt")]
    )
    client = Client()
    client.force_login(people["m1"])
    response = client.post(
        workspace.url + f"dokumente/{document.pk}/",
        {"file": upload("plan.docx", SVG), "note": "Termine ergänzt"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Termine ergänzt" in page and "nicht erlaubt" in page
    assert document.versions.count() == 1


@pytest.mark.django_db
def test_fund_settlement_with_an_html_receipt_keeps_everything_typed():
    from fund.models import Receipt
    from fund.models.applications import State
    from tests.fund.factories import in_state, make_fund
    from tests.portal.factories import UserFactory

    fund, page, people, meeting = make_fund("uploadcheck")
    applicant = UserFactory()
    application = in_state(fund, State.APPROVED, applicant=applicant)
    client = Client()
    client.force_login(applicant)
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(
        page.url + f"antraege/{application.pk}/abrechnung/",
        {
            "receipt-TOTAL_FORMS": "1",
            "receipt-INITIAL_FORMS": "0",
            "receipt-MIN_NUM_FORMS": "1",
            "receipt-MAX_NUM_FORMS": "50",
            "receipt-0-date": day,
            "receipt-0-vendor": "Baumarkt Weidenring",
            "receipt-0-amount": "42.50",
            "receipt-0-cost_type": fund.cost_type_choices()[0][0],
            "receipt-0-file": upload("beleg.pdf", HTML),
            "report": "Das Fest war schön, 80 Gäste.",
            "photo": upload("fest.jpg", JS),
            "photo_alt": "Gäste am Tisch",
        },
    )
    page_text = response.content.decode()
    assert response.status_code == 400
    assert "Baumarkt Weidenring" in page_text
    assert "Das Fest war schön, 80 Gäste." in page_text and "Gäste am Tisch" in page_text
    assert page_text.count("Dieser Dateityp ist hier nicht erlaubt") == 2  # receipt and photo
    assert not Receipt.objects.filter(application=application).exists()


@pytest.mark.django_db
def test_fund_service_refuses_an_unchecked_script_receipt():
    from fund import services
    from fund.models.applications import State
    from tests.fund.factories import in_state, make_fund
    from tests.portal.factories import UserFactory

    fund, page, people, meeting = make_fund("uploadservice")
    applicant = UserFactory()
    application = in_state(fund, State.APPROVED, applicant=applicant)
    receipt = {
        "date": application.decided_on,
        "vendor": "Baumarkt",
        "amount": 10,
        "cost_type": fund.cost_type_choices()[0][0],
        "file": upload("beleg.pdf", JS),
    }
    with pytest.raises(services.Refused, match="Beleg 1: Dieser Dateityp"):
        services.submit_settlement(
            application=application,
            user=applicant,
            receipts=[receipt],
            report="Bericht",
            photos=[],
            page_url=page.url,
        )


@pytest.mark.django_db
def test_wagtail_admin_image_and_document_forms_use_the_check():
    from wagtail.documents import get_document_model
    from wagtail.documents.forms import get_document_form
    from wagtail.images import get_image_model
    from wagtail.images.forms import get_image_form
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    ImageForm = get_image_form(get_image_model())
    form = ImageForm(
        {"title": "Bild", "collection": root.pk},
        {"file": upload("bild.png", image_bytes("PNG"))},
    )
    assert form.is_valid(), form.errors
    stored = form.cleaned_data["file"].read()
    assert not Image.open(io.BytesIO(stored)).getexif().get_ifd(IFD.GPSInfo)

    DocumentForm = get_document_form(get_document_model())
    form = DocumentForm({"title": "Seite", "collection": root.pk}, {"file": upload("a.pdf", HTML)})
    assert not form.is_valid()
    assert "nicht erlaubt" in str(form.errors["file"])


@pytest.mark.django_db
def test_proposal_service_refuses_an_unchecked_disguised_file():
    from django.core.files.base import ContentFile

    from core.refusals import Refused
    from participation import services
    from participation.models import Proposal
    from tests.participation.factories import make_process
    from tests.portal.factories import UserFactory

    process = make_process("during", slug="verfahren-dienst")
    data = {"title": "Bank", "description": "Sitzen", "place": "Platz", "language": "de"}
    with pytest.raises(Refused, match="nicht erlaubt"):
        services.proposal_create(
            process=process,
            author=UserFactory(),
            data={**data, "image": ContentFile(SVG, name="bild.png"), "image_alt": "Bild"},
            submit=True,
        )
    assert not Proposal.objects.filter(process=process).exists()


@pytest.mark.django_db
def test_wagtail_admin_upload_views_strip_gps_and_refuse_disguised_files(client, people):
    from django.urls import reverse
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    client.force_login(people["admin"])
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload("strassenfest.png", image_bytes("PNG"))},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200, response.content[:300]
    image = get_image_model().objects.get(title="strassenfest.png")
    with image.file.open("rb") as handle:
        assert not Image.open(handle).getexif().get_ifd(IFD.GPSInfo)

    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload("satzung.pdf", HTML)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert "nicht erlaubt" in response.content.decode()
    assert not get_document_model().objects.filter(title__startswith="satzung").exists()
