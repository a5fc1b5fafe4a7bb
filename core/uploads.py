"""One path for every uploaded file: `check_upload(file, policy)`.

The type is decided by the CONTENT (magic bytes; for zip-based office formats the
`mimetype` member or `[Content_Types].xml` and the main part), never by the name. HTML,
SVG, scripts and executables match no allowed kind and are refused. Images are opened with
Pillow (pixel limit before decoding), verified and re-saved without EXIF/GPS (orientation
applied). Zip containers are checked from the central directory (members, uncompressed
size, compression ratio) before anything is decompressed. The returned file carries the
extension of the detected kind.

Refusals are translated `ValidationError`s that say what is allowed; services turn them into
`Refused` where there is no form."""

import io
import os
import re
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    key: str
    extension: str
    content_type: str
    label: str
    image_format: str = ""  # Pillow's format name for images


KINDS = {
    kind.key: kind
    for kind in (
        Kind("pdf", "pdf", "application/pdf", "PDF"),
        Kind("jpeg", "jpg", "image/jpeg", "JPEG", "JPEG"),
        Kind("png", "png", "image/png", "PNG", "PNG"),
        Kind("webp", "webp", "image/webp", "WebP", "WEBP"),
        Kind("gif", "gif", "image/gif", "GIF", "GIF"),
        Kind("odt", "odt", "application/vnd.oasis.opendocument.text", "ODT"),
        Kind("ods", "ods", "application/vnd.oasis.opendocument.spreadsheet", "ODS"),
        Kind("odp", "odp", "application/vnd.oasis.opendocument.presentation", "ODP"),
        Kind(
            "docx",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "DOCX",
        ),
        Kind(
            "xlsx",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "XLSX",
        ),
        Kind(
            "pptx",
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "PPTX",
        ),
        Kind("txt", "txt", "text/plain", _("Text (TXT, CSV, MD)")),
    )
}
IMAGE_KINDS = frozenset(key for key, kind in KINDS.items() if kind.image_format)
ZIP_KINDS = frozenset({"odt", "ods", "odp", "docx", "xlsx", "pptx"})
# Plain text keeps one of these extensions when the person's file had it; else ".txt".
TEXT_EXTENSIONS = ("txt", "csv", "md")

ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
OOXML_MAIN_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
# Markup a browser would render or run, refused even inside "text" (WHATWG sniffing rules).
ACTIVE_MARKUP = re.compile(
    rb"<\s*(!doctype|html|head|body|script|iframe|svg|xml|\?xml|object|embed|style|meta|"
    rb"link|img|a\s|div|table|form|title|br|p[\s>]|h1|b[\s>]|font|!--)",
    re.IGNORECASE,
)

# Script a browser would run if the file were ever served as JavaScript.
SCRIPT_LIKE = re.compile(
    rb"\bfunction\s*[\w$]*\s*\(|\b(document|window)\s*\.\s*[a-z]|\b(eval|alert|require)"
    rb"\s*\(|javascript:|\bimport\s*\(|\bvar\s+[\w$]+\s*=|\bconst\s+[\w$]+\s*=",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class UploadPolicy:
    """What one upload field accepts. Limits left at None come from the settings."""

    kinds: frozenset[str]
    max_bytes: int
    max_pixels: int | None = None
    max_zip_members: int | None = None
    max_zip_uncompressed: int | None = None
    max_zip_ratio: int | None = None

    def limit(self, attribute, setting):
        value = getattr(self, attribute)
        return value if value is not None else getattr(settings, setting)

    def allowed_labels(self):
        return ", ".join(str(KINDS[key].label) for key in sorted(self.kinds))


MB = 1024 * 1024
IMAGE = UploadPolicy(frozenset({"jpeg", "png", "webp"}), 5 * MB)
ATTACHMENT = UploadPolicy(frozenset({"pdf", "jpeg", "png", "odt", "docx"}), 10 * MB)
RECEIPT = UploadPolicy(frozenset({"pdf", "jpeg", "png", "webp"}), 10 * MB)
DOCUMENT = UploadPolicy(
    frozenset({"pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt", "jpeg", "png"}),
    25 * MB,
)
ADMIN_IMAGE = UploadPolicy(frozenset({"jpeg", "png", "webp", "gif"}), 10 * MB)
ADMIN_DOCUMENT = UploadPolicy(DOCUMENT.kinds, 25 * MB)

# Backward-compatible limits (model field validators refer to the functions below).
MAX_IMAGE_BYTES = IMAGE.max_bytes
MAX_ATTACHMENT_BYTES = ATTACHMENT.max_bytes


def _refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params or None)


def _not_allowed(policy):
    _refuse(
        _("Dieser Dateityp ist hier nicht erlaubt. Erlaubt sind: %(types)s."),
        "wrong_type",
        types=policy.allowed_labels(),
    )


def _read_all(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _looks_like_text(head):
    if b"\x00" in head:
        return False
    if ACTIVE_MARKUP.search(head) or SCRIPT_LIKE.search(head):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as problem:
        # A multi-byte character cut at the end of the sample is fine.
        if problem.start < len(head) - 4:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


def _declared_members(upload):
    """The member count from the end-of-central-directory record, read before zipfile parses
    the whole directory (which costs memory per member). None if there is no such record."""
    upload.seek(0, os.SEEK_END)
    size = upload.tell()
    tail_size = min(size, 22 + 65535)
    upload.seek(size - tail_size)
    tail = upload.read(tail_size)
    upload.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return None
    return int.from_bytes(tail[at + 10 : at + 12], "little")


def _zip_kind(upload, policy):
    """The office kind of a zip container, after checking its central directory."""
    broken = _("Die Datei ist beschädigt und kann nicht gelesen werden.")
    too_many = _("Das Dokument besteht aus zu vielen Teilen, um es sicher zu prüfen.")
    max_members = policy.limit("max_zip_members", "UPLOAD_ZIP_MAX_MEMBERS")
    declared = _declared_members(upload)
    if declared is None:
        _refuse(broken, "broken")
    if declared > max_members:  # 0xFFFF (ZIP64) is far above any limit too
        _refuse(too_many, "zip_members")
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        _refuse(broken, "broken")
    with archive:
        members = archive.infolist()
        if len(members) > max_members:
            _refuse(too_many, "zip_members")
        total = sum(member.file_size for member in members)
        packed = sum(member.compress_size for member in members)
        ratio = policy.limit("max_zip_ratio", "UPLOAD_ZIP_MAX_RATIO")
        if total > policy.limit("max_zip_uncompressed", "UPLOAD_ZIP_MAX_UNCOMPRESSED") or (
            total > MB and total > ratio * max(packed, 1)
        ):
            _refuse(
                _(
                    "Das Dokument würde beim Öffnen zu groß werden (es ist ungewöhnlich stark "
                    "gepackt). Bitte speichern Sie es neu oder laden Sie es als PDF hoch."
                ),
                "zip_bomb",
            )
        names = {member.filename for member in members}
        if any(
            name.lower().endswith(("vbaproject.bin", ".exe", ".js"))
            or name.startswith(("Basic/", "Scripts/"))  # OpenDocument macros
            for name in names
        ):
            _refuse(_("Dokumente mit Makros oder Programmen werden nicht angenommen."), "macros")
        if "mimetype" in names:
            with archive.open("mimetype") as member:
                mimetype = member.read(100).strip()  # never more, whatever it claims
            return ODF_MIMETYPES.get(mimetype)
        if "[Content_Types].xml" in names:
            for part, kind in OOXML_MAIN_PARTS.items():
                if part in names:
                    return kind
    return None


def detect_kind(upload, policy=None):
    """The kind of the file by its content, or None. Zip containers are checked against the
    policy's limits on the way."""
    upload.seek(0)
    head = upload.read(65536)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head.startswith(b"PK\x03\x04"):
        try:
            return _zip_kind(upload, policy or DOCUMENT)
        finally:
            upload.seek(0)
    if head and _looks_like_text(head):
        return "txt"
    return None


def _clean_image(upload, kind, policy):
    """Open with Pillow, refuse too many pixels before decoding, verify, apply the EXIF
    orientation and re-save without metadata (no GPS, no camera serial)."""
    from PIL import Image, ImageOps

    max_pixels = policy.limit("max_pixels", "UPLOAD_MAX_IMAGE_PIXELS")
    too_large = ValidationError(
        _("Das Bild hat zu viele Bildpunkte (höchstens %(pixels)s Megapixel)."),
        code="too_many_pixels",
        params={"pixels": max_pixels // 1_000_000},
    )
    broken = ValidationError(
        _("Das Bild ist beschädigt und kann nicht gelesen werden."), code="broken"
    )
    data = _read_all(upload)
    with warnings.catch_warnings():
        # Pillow's own guard (Image.MAX_IMAGE_PIXELS) turns from a warning into a refusal.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format != KINDS[kind].image_format:
                    raise broken
                width, height = probe.size
                if width * height > max_pixels:
                    raise too_large
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                frames = getattr(image, "n_frames", 1)
                if frames * width * height > max_pixels * 4 or frames > 1000:
                    raise too_large
                image.load()
                icc = image.info.get("icc_profile")
                out = io.BytesIO()
                options = {"icc_profile": icc} if icc else {}
                if frames > 1 and kind in ("gif", "webp"):
                    # Animations keep their frames; only the metadata goes.
                    _drop_metadata(image)
                    image.save(out, image.format, save_all=True, **options)
                    return out.getvalue()
                image = ImageOps.exif_transpose(image)
                _drop_metadata(image)
                if kind == "jpeg":
                    if image.mode not in ("RGB", "L", "CMYK"):
                        image = image.convert("RGB")
                    image.save(out, "JPEG", quality=90, optimize=True, **options)
                elif kind == "webp":
                    image.save(out, "WEBP", quality=90, **options)
                elif kind == "gif":
                    image.save(out, "GIF")
                else:
                    image.save(out, "PNG", optimize=True, **options)
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_large from None
        except Exception:  # any Pillow failure means we cannot trust the file
            raise broken from None
    return out.getvalue()


def _extension(upload):
    return os.path.splitext(str(getattr(upload, "name", "") or ""))[1].lower().lstrip(".")


def _drop_metadata(image):
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "Comment"):
        image.info.pop(key, None)


def stored_name(original, kind):
    """A safe file name with the extension of the detected kind."""
    base = os.path.basename(str(original or "")).strip()
    stem, extension = os.path.splitext(base)
    extension = extension.lower().lstrip(".")
    # The name people see again (download name, list of files): letters, digits, spaces and
    # a few marks survive; the storage gives the file its own random name on disk.
    stem = " ".join(re.sub(r"[^\w\s()+,-]", "_", stem.replace(".", "_")).split())[:100]
    stem = stem.strip("_ ")
    stem = stem or "datei"
    if kind == "txt" and extension in TEXT_EXTENSIONS:
        return f"{stem}.{extension}"
    return f"{stem}.{KINDS[kind].extension}"


def check_upload(upload, policy):
    """Check one uploaded file against the policy and return the file to store.

    Raises ValidationError (translated, says what is allowed). The returned file is the
    same object renamed, or for images a new file re-saved without metadata."""
    if getattr(upload, "checked_policy", None) == policy:
        return upload
    size = upload.size
    if not size:
        _refuse(_("Die Datei ist leer."), "empty")
    if size > policy.max_bytes:
        _refuse(
            _("Die Datei ist zu groß (höchstens %(size)s)."),
            "too_large",
            size=filesizeformat(policy.max_bytes),
        )
    kind = detect_kind(upload, policy)
    if kind is None or kind not in policy.kinds:
        _not_allowed(policy)
    original = os.path.basename(str(getattr(upload, "name", "") or ""))
    name = stored_name(original, kind)
    if kind == "txt" and _extension(upload) not in ("", *TEXT_EXTENSIONS):
        # Text that claims to be something else (a ".pdf", a ".js") is not what it says.
        _not_allowed(policy)
    if kind in IMAGE_KINDS:
        data = _clean_image(upload, kind, policy)
        checked = SimpleUploadedFile(name, data, content_type=KINDS[kind].content_type)
    else:
        checked = upload
        checked.name = name
        if hasattr(checked, "content_type"):
            checked.content_type = KINDS[kind].content_type
    checked.seek(0)
    checked.checked_policy = policy
    checked.original_name = getattr(upload, "original_name", original)
    checked.detected_kind = kind
    return checked


def accept(policy):
    """The file input's `accept` attribute for a policy (a hint for the browser's file
    picker; the check above decides)."""
    extensions = []
    for key in sorted(policy.kinds):
        kind = KINDS[key]
        names = TEXT_EXTENSIONS if key == "txt" else (kind.extension,)
        if key == "jpeg":
            names = ("jpg", "jpeg")
        extensions += [f".{name}" for name in names] + [kind.content_type]
    return ",".join(extensions)


def check_field(value, policy):
    """For a form's clean_<field>() or a service: a new file is checked and replaced by the
    file to store; nothing, a cleared field (False) or a file already stored pass as they are."""
    from django.core.files.base import File
    from django.db.models.fields.files import FieldFile

    if isinstance(value, FieldFile) or not isinstance(value, File):
        return value
    return check_upload(value, policy)


def _inspect_only(upload, policy):
    """Model field validators: check type and limits without re-saving (the form did)."""
    if getattr(upload, "_committed", False):
        return  # a file already stored was checked when it came in
    inner = getattr(upload, "file", None) or upload
    if getattr(inner, "checked_policy", None) is not None:
        return
    if not upload.size:
        _refuse(_("Die Datei ist leer."), "empty")
    if upload.size > policy.max_bytes:
        _refuse(
            _("Die Datei ist zu groß (höchstens %(size)s)."),
            "too_large",
            size=filesizeformat(policy.max_bytes),
        )
    kind = detect_kind(inner, policy)
    if kind is None or kind not in policy.kinds:
        _not_allowed(policy)


def validate_image_upload(upload):
    """Model field validator (kept for migrations); forms call check_upload(…, IMAGE)."""
    _inspect_only(upload, IMAGE)


def validate_attachment(upload):
    """Model field validator (kept for migrations); forms call check_upload(…, ATTACHMENT)."""
    _inspect_only(upload, ATTACHMENT)
