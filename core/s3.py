"""Object storage (``MEDIA_STORAGE=s3``, django-storages): the private and the public bucket.

Kept apart from core.files so that boto3 is imported only when object storage is configured.
The "public/" routing of `core.files.PublishableStorage` and the moves between the storages
work unchanged: they only use ``storages["default"]`` and ``storages["public"]``."""

import logging

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from storages.backends.s3 import S3Storage

from core.files import PrivateFiles
from core.refusals import StorageUnavailable

logger = logging.getLogger(__name__)

UNREACHABLE = _(
    "Die Dateiablage ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten "
    "noch einmal."
)


class OutageAware:
    """Saving while the object store is unreachable or failing raises StorageUnavailable
    (a clear message, nothing saved: the caller's transaction rolls back) instead of a 500.
    Saving asks the store twice: whether the name is free, then to store the bytes."""

    def _refused(self, error):
        logger.warning("Object store refused a file (%s): %s", self.bucket_name, error)
        return StorageUnavailable()

    def get_available_name(self, name, max_length=None):
        try:
            return super().get_available_name(name, max_length=max_length)
        except (BotoCoreError, ClientError, Boto3Error) as error:
            raise self._refused(error) from error
        except StorageUnavailable as unreachable:  # from `exists`: say that nothing was saved
            raise StorageUnavailable() from unreachable

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except (BotoCoreError, ClientError, Boto3Error) as error:
            raise self._refused(error) from error

    # Reading, deleting and asking about a file while the store is down: the same refusal
    # with a message about reaching the files (a page answers 503 with it, never 500).
    # A missing file stays FileNotFoundError (django-storages turns a 404 into it).

    def _unreachable(self, error):
        logger.warning("Object store unreachable (%s): %s", self.bucket_name, error)
        return StorageUnavailable(UNREACHABLE)

    def _open(self, name, mode="rb"):
        try:
            return super()._open(name, mode)
        except (BotoCoreError, ClientError, Boto3Error) as error:
            raise self._unreachable(error) from error

    def delete(self, name):
        try:
            return super().delete(name)
        except (BotoCoreError, ClientError, Boto3Error) as error:
            raise self._unreachable(error) from error

    def exists(self, name):
        try:
            return super().exists(name)
        except (BotoCoreError, ClientError, Boto3Error) as error:
            raise self._unreachable(error) from error

    def size(self, name):
        try:
            return super().size(name)
        except (BotoCoreError, ClientError, Boto3Error) as error:
            raise self._unreachable(error) from error


class PrivateS3Storage(OutageAware, PrivateFiles, S3Storage):
    """The private bucket: no public ACL and no URL of its own. A download view that asked
    the rules redirects to a short-lived presigned URL (`presigned_url`)."""

    def presigned_url(self, name, parameters=None, expire=None):
        """A signed GET address of the object, valid for ``expire`` seconds (default
        ``S3_URL_EXPIRY_SECONDS``); ``parameters`` e.g. ResponseContentDisposition."""
        expire = expire or settings.S3_URL_EXPIRY_SECONDS
        return S3Storage.url(self, name, parameters=parameters, expire=expire)


class PublicS3Storage(OutageAware, S3Storage):
    """The public bucket (or prefix): plain, unsigned URLs, under ``S3_PUBLIC_URL`` if set."""
