"""Private and public files.

Two storages, configured in ``settings.STORAGES``:

- ``"default"``: **private** (`PrivateStorage`, a folder outside ``MEDIA_ROOT``). Its files
  have no URL at all; they are served only by views that ask the app's rules module first
  and then call `serve_private`.
- ``"public"``: **public** (`MEDIA_ROOT` / `MEDIA_URL`): published Wagtail image renditions,
  attachments of published proposals, consented photos of funded actions.

A field whose file moves between the two when its object is published uses
`publishable_storage`: names below ``public/`` live in the public storage, every other name
in the private one. `make_public` / `make_private` move a file (copy under a new random
name, delete the old, save the field).

Private upload names are random (`RandomName`), so nobody can guess them; the name the
person uploaded is kept in a model field when the interface shows it.

Fields name their storage through `private_storage`, `public_storage` or
`publishable_storage`: delegating storages that look up ``storages[...]`` at each call, so the
same fields work on disk and in object storage (``MEDIA_STORAGE=s3``: `s3_storages` builds
the two bucket entries of ``STORAGES``, core/s3.py the backends; private downloads then
redirect to a presigned URL, delivery ``"s3"``).
"""

import contextlib
import mimetypes
import os
import re
import uuid
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header

from .refusals import StorageUnavailable

PUBLIC_PREFIX = "public/"

# Inline display is offered only for these types (never SVG or HTML: they can run script).
INLINE_TYPES = {"application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp"}

# The sandboxing policy of every private download: no script, no plugin, no same origin.
SANDBOX_CSP = "sandbox; default-src 'none'"


class PrivateFileHasNoURL(NotImplementedError, AttributeError):
    """A private file has no static URL. A NotImplementedError for Wagtail's document view
    (which then serves through Python) and an AttributeError for Django's file widgets
    (which then show no link to it)."""


class PrivateFiles:
    """Mixin of every private storage (on disk or in object storage): ``url()`` refuses."""

    def url(self, name, *args, **kwargs):
        raise PrivateFileHasNoURL(
            "Private files have no URL; link the app's download view (core.files.serve_private)."
        )


class PrivateStorage(PrivateFiles, FileSystemStorage):
    """Files below ``PRIVATE_MEDIA_ROOT``; never reachable by a static URL."""

    def __init__(self, location=None, **kwargs):
        kwargs.pop("base_url", None)
        super().__init__(location=location or settings.PRIVATE_MEDIA_ROOT, **kwargs)


class PublicStorage(FileSystemStorage):
    """``MEDIA_ROOT`` under ``MEDIA_URL``: only what is published."""


def is_private_storage(storage):
    return isinstance(storage, PrivateFiles)


def s3_storages(
    *,
    endpoint_url,
    access_key,
    secret_key,
    region,
    private_bucket,
    public_bucket,
    public_location="",
    public_url="",
    expiry=300,
):
    """The "default" (private) and "public" entries of ``STORAGES`` for object storage."""
    from urllib.parse import urlsplit

    common = {
        "endpoint_url": endpoint_url or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "region_name": region or None,
        "signature_version": "s3v4",
        "addressing_style": "path" if endpoint_url else None,
        "default_acl": None,  # the bucket's own policy decides; never a public-read ACL
        "file_overwrite": False,
    }
    public = {
        **common,
        "bucket_name": public_bucket or private_bucket,
        "location": public_location,
        "querystring_auth": False,
    }
    if public_url:
        parts = urlsplit(public_url)
        public["custom_domain"] = (parts.netloc + parts.path).rstrip("/")
        public["url_protocol"] = (parts.scheme or "https") + ":"
    return {
        "default": {
            "BACKEND": "core.s3.PrivateS3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket,
                "querystring_auth": True,
                "querystring_expire": expiry,
            },
        },
        "public": {"BACKEND": "core.s3.PublicS3Storage", "OPTIONS": public},
    }


class DelegatingStorage(Storage):
    """A storage that hands every call to the storage ``target(name)`` returns, looked up
    in ``storages`` at each call: the fields follow ``STORAGES``, whichever backend
    (disk or object storage) it names, also when a test overrides it."""

    def target(self, name):
        raise NotImplementedError

    def backend(self, name):
        """The real storage behind ``name``."""
        storage = self.target(name)
        return storage.backend(name) if isinstance(storage, DelegatingStorage) else storage

    def _open(self, name, mode="rb"):
        return self.target(name).open(name, mode)

    def _save(self, name, content):
        return self.target(name).save(name, content)

    def generate_filename(self, filename):
        return self.target(filename).generate_filename(filename)

    def get_available_name(self, name, max_length=None):
        return self.target(name).get_available_name(name, max_length=max_length)

    def delete(self, name):
        return self.target(name).delete(name)

    def exists(self, name):
        return self.target(name).exists(name)

    def listdir(self, path):
        return self.target(path).listdir(path)

    def size(self, name):
        return self.target(name).size(name)

    def url(self, name):
        return self.target(name).url(name)

    def path(self, name):
        return self.target(name).path(name)

    def get_modified_time(self, name):
        return self.target(name).get_modified_time(name)


@deconstructible
class StorageAlias(DelegatingStorage):
    """``storages[alias]``, looked up at each call."""

    def __init__(self, alias):
        self.alias = alias

    def target(self, name=None):
        return storages[self.alias]


class PublishableStorage(DelegatingStorage):
    """One field, two storages: names below ``public/`` are public, all others private."""

    def target(self, name):
        return storages["public"] if is_public_name(name) else storages["default"]


_private = StorageAlias("default")
_public = StorageAlias("public")


def s3_origins(*, endpoint_url, public_url, buckets, region=""):
    """The origins (scheme://host[:port]) pages load images and media from when files lie in
    object storage: the public URL, the endpoint (presigned downloads), or AWS's bucket hosts."""
    from urllib.parse import urlsplit

    def origin(url):
        parts = urlsplit(url)
        return f"{parts.scheme or 'https'}://{parts.netloc}"

    origins = [origin(public_url)] if public_url else []
    if endpoint_url:
        origins.append(origin(endpoint_url))
    else:
        for bucket in buckets:
            origins.append(f"https://{bucket}.s3.amazonaws.com")
            if region:
                origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return list(dict.fromkeys(o for o in origins if o != "https://"))


def private_storage():
    """The private storage (``storages["default"]``) of a file field."""
    return _private


def public_storage():
    """The public storage (``storages["public"]``), e.g. of Wagtail's renditions."""
    return _public


_publishable = PublishableStorage()


def publishable_storage():
    return _publishable


def is_public_name(name):
    return bool(name) and name.startswith(PUBLIC_PREFIX)


def safe_extension(filename):
    """The file's extension in lower case if it is short and plain (``.pdf``), else ``""``."""
    extension = os.path.splitext(os.path.basename(filename or ""))[1].lower()
    return extension if re.fullmatch(r"\.[a-z0-9]{1,8}", extension) else ""


def random_name(folder, filename):
    return f"{folder.strip('/')}/{uuid.uuid4().hex}{safe_extension(filename)}"


@deconstructible
class RandomName:
    """``upload_to`` for private files: ``<folder>/<uuid4 hex><.ext>``. With ``keep_in``, the
    uploaded name (without its path) is written to that model field (declare the field
    after the file field, so a model form's save stores it)."""

    def __init__(self, folder, keep_in=None):
        self.folder = folder
        self.keep_in = keep_in

    def __call__(self, instance, filename):
        if self.keep_in:
            setattr(instance, self.keep_in, os.path.basename(filename)[:255])
        return random_name(self.folder, filename)

    def __eq__(self, other):
        return isinstance(other, RandomName) and (self.folder, self.keep_in) == (
            other.folder,
            other.keep_in,
        )


# --- moving between the storages ---------------------------------------------------------


def _move(instance, field_name, to_public):
    fieldfile = getattr(instance, field_name)
    if not fieldfile or is_public_name(fieldfile.name) == to_public:
        return False
    old_name = fieldfile.name
    folder = os.path.dirname(old_name.removeprefix(PUBLIC_PREFIX))
    if to_public:
        folder = PUBLIC_PREFIX + folder
    storage = fieldfile.storage
    try:
        source = storage.open(old_name, "rb")
    except FileNotFoundError:
        return False
    with source:
        new_name = storage.save(random_name(folder, old_name), File(source))
    type(instance).objects.filter(pk=instance.pk).update(**{field_name: new_name})
    fieldfile.name = new_name
    try:
        storage.delete(old_name)
    except StorageUnavailable:
        # The old copy could not be removed (e.g. a public one while hiding): point back to
        # it, drop the new copy if possible, and let the whole move be tried again later.
        type(instance).objects.filter(pk=instance.pk).update(**{field_name: old_name})
        fieldfile.name = old_name
        with contextlib.suppress(StorageUnavailable):
            storage.delete(new_name)
        raise
    return True


def make_public(instance, field_name):
    """Move the file of ``instance.<field_name>`` (a `publishable_storage` field) to the
    public storage, under a new random name. Returns whether it moved."""
    return _move(instance, field_name, to_public=True)


def make_private(instance, field_name):
    """Move it back to the private storage (unpublished, consent withdrawn)."""
    return _move(instance, field_name, to_public=False)


def set_public(instance, field_names, public):
    for field_name in field_names:
        (make_public if public else make_private)(instance, field_name)


# Files are not transactional: a publication moves them once the change is committed. If
# the object store is down then, the change stands (it was committed and confirmed) and
# the move is tried again by the task worker every minute for an hour.
FILE_SYNC_RETRY_SECONDS = 60
FILE_SYNC_ATTEMPTS = 60


def sync_files_on_commit(function_path, pk):
    """After the commit, run ``function_path(pk)`` (a dotted path to a function that puts
    one object's files where its publication asks for); retried while the store is down."""
    from django.db import transaction

    transaction.on_commit(lambda: sync_files(function_path, pk))


def sync_files(function_path, pk, attempt=0):
    from django.utils.module_loading import import_string

    try:
        import_string(function_path)(pk)
    except StorageUnavailable:
        _retry_file_sync(function_path, pk, attempt + 1)
        return False
    return True


def _retry_file_sync(function_path, pk, attempt):
    import logging
    from datetime import timedelta

    from django.utils import timezone

    from .tasks import sync_files_later

    logger = logging.getLogger(__name__)
    backend = sync_files_later.get_backend()
    if attempt > FILE_SYNC_ATTEMPTS or not backend.supports_defer:
        logger.error(
            "Files of %s %s not moved: the object store was unreachable (attempt %s); "
            "run the publication again once it is back.",
            function_path,
            pk,
            attempt,
        )
        return
    logger.warning("Object store unreachable: moving files of %s %s later", function_path, pk)
    run_after = timezone.now() + timedelta(seconds=FILE_SYNC_RETRY_SECONDS)
    sync_files_later.using(run_after=run_after).enqueue(function_path, pk, attempt)


# --- serving private files ----------------------------------------------------------------


def _serve_django(request, fieldfile, content_type, disposition):
    try:
        handle = fieldfile.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, content_type=content_type)


def _serve_nginx(request, fieldfile, content_type, disposition):
    """The web server sends the bytes: an nginx ``internal`` location maps
    ``PRIVATE_FILES_ACCEL_PREFIX`` to ``PRIVATE_MEDIA_ROOT``."""
    if not fieldfile.storage.exists(fieldfile.name):
        raise Http404
    response = HttpResponse(content_type=content_type)
    prefix = settings.PRIVATE_FILES_ACCEL_PREFIX.rstrip("/") + "/"
    response["X-Accel-Redirect"] = prefix + quote(fieldfile.name)
    return response


def _serve_s3(request, fieldfile, content_type, disposition):
    """The object store sends the bytes: a redirect to a presigned URL, valid for
    ``S3_URL_EXPIRY_SECONDS``, whose response carries our Content-Disposition and
    Content-Type (the store sets them from the signed ``response-content-*`` parameters)."""
    storage = fieldfile.storage
    if isinstance(storage, DelegatingStorage):
        storage = storage.backend(fieldfile.name)
    if not hasattr(storage, "presigned_url"):
        raise ImproperlyConfigured("PRIVATE_FILES_SERVE=s3 needs MEDIA_STORAGE=s3.")
    if not storage.exists(fieldfile.name):
        raise Http404
    url = storage.presigned_url(
        fieldfile.name,
        parameters={
            "ResponseContentDisposition": disposition,
            "ResponseContentType": content_type,
            "ResponseCacheControl": "private, no-store",
        },
    )
    return HttpResponseRedirect(url)


# How the bytes leave the server, by PRIVATE_FILES_SERVE: a function
# (request, fieldfile, content_type, disposition) -> response.
DELIVERY = {"django": _serve_django, "nginx": _serve_nginx, "s3": _serve_s3}


def serve_private(request, fieldfile, download_name, inline_ok=False):
    """Send a private file. The calling VIEW has already asked its app's rules module.

    Attachment unless ``inline_ok`` and the file is an image or PDF; always
    ``X-Content-Type-Options: nosniff``, a sandboxing CSP and ``Cache-Control: private``."""
    if not fieldfile:
        raise Http404
    if is_public_name(fieldfile.name):  # published meanwhile: its public address
        return HttpResponseRedirect(fieldfile.url)
    download_name = os.path.basename(download_name or "") or os.path.basename(fieldfile.name)
    content_type = (
        mimetypes.guess_type(download_name)[0]
        or mimetypes.guess_type(fieldfile.name)[0]
        or "application/octet-stream"
    )
    inline = inline_ok and content_type in INLINE_TYPES
    if not inline and content_type.startswith("text/"):
        content_type = "application/octet-stream"
    disposition = content_disposition_header(as_attachment=not inline, filename=download_name)
    delivery = DELIVERY[settings.PRIVATE_FILES_SERVE]
    response = delivery(request, fieldfile, content_type, disposition)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_CSP
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def file_url(fieldfile, private_url):
    """The address a template links: the public URL when the file is public, else the
    app's download view (``private_url``)."""
    if not fieldfile:
        return ""
    if is_public_name(fieldfile.name):
        return fieldfile.url
    return private_url


# --- data migrations ----------------------------------------------------------------------


def move_media_to_private(model, field_name, folder=None, keep_in=None):
    """For data migrations: move the files of ``model.<field_name>`` that still lie in
    ``MEDIA_ROOT`` (the old, public place) into the private storage, under a random name in
    ``folder`` (or under the same name without ``folder``), keeping the uploaded name in
    ``keep_in``. Idempotent (moved files are no longer in MEDIA_ROOT) and tolerant of
    missing files (their rows keep their name). Returns how many moved."""
    media = FileSystemStorage(location=settings.MEDIA_ROOT)
    private = storages["default"]
    if not isinstance(private, FileSystemStorage):
        media_is_private = False  # object storage: MEDIA_ROOT is never the private place
    else:
        media_is_private = os.path.realpath(media.location) == os.path.realpath(private.location)
    if media_is_private:
        return 0
    moved = 0
    for obj in model.objects.exclude(**{field_name: ""}).iterator():
        old_name = getattr(obj, field_name).name
        if not old_name or is_public_name(old_name) or not media.exists(old_name):
            continue
        new_name = random_name(folder, old_name) if folder else old_name
        with media.open(old_name, "rb") as source:
            new_name = private.save(new_name, File(source))
        updates = {field_name: new_name}
        if keep_in and not getattr(obj, keep_in):
            updates[keep_in] = os.path.basename(old_name)[:255]
        model.objects.filter(pk=obj.pk).update(**updates)
        media.delete(old_name)
        moved += 1
    return moved


# --- configuration check ------------------------------------------------------------------


def check_private_root(app_configs=None, **kwargs):
    """PRIVATE_MEDIA_ROOT inside MEDIA_ROOT would make every private file public."""
    from django.core.checks import Error

    if settings.PRIVATE_FILES_SERVE not in DELIVERY:
        return [
            Error(
                f"PRIVATE_FILES_SERVE must be one of {', '.join(sorted(DELIVERY))}.",
                id="core.E004",
            )
        ]
    if getattr(settings, "MEDIA_STORAGE", "filesystem") == "s3":
        return _check_buckets(Error)
    if settings.PRIVATE_FILES_SERVE == "s3":
        return [
            Error("PRIVATE_FILES_SERVE=s3 needs MEDIA_STORAGE=s3 (object storage).", id="core.E003")
        ]
    media = os.path.realpath(settings.MEDIA_ROOT)
    private = os.path.realpath(settings.PRIVATE_MEDIA_ROOT)
    if private == media or private.startswith(media + os.sep) or media.startswith(private + os.sep):
        return [
            Error(
                "PRIVATE_MEDIA_ROOT and MEDIA_ROOT must be separate folders, neither inside "
                "the other: whatever lies in MEDIA_ROOT is public.",
                id="core.E001",
            )
        ]
    return []


def _check_buckets(Error):
    """One bucket for both storages only with a prefix for the public files (which the
    bucket policy opens): else the whole bucket, private files included, would be public."""
    private = settings.STORAGES["default"].get("OPTIONS", {})
    public = settings.STORAGES["public"].get("OPTIONS", {})
    same = private.get("bucket_name") == public.get("bucket_name")
    if same and not public.get("location", "").strip("/"):
        return [
            Error(
                "S3_PUBLIC_BUCKET is the private bucket: set S3_PUBLIC_LOCATION to the prefix "
                "the bucket policy opens to everyone, or use a bucket of its own.",
                id="core.E002",
            )
        ]
    return []
