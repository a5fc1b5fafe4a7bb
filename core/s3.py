"""Object storage (``MEDIA_STORAGE=s3``, django-storages): the private and the public bucket.

Kept apart from core.files so that boto3 is imported only when object storage is configured.
The "public/" routing of `core.files.PublishableStorage` and the moves between the storages
work unchanged: they only use ``storages["default"]`` and ``storages["public"]``."""

from django.conf import settings
from storages.backends.s3 import S3Storage

from core.files import PrivateFiles


class PrivateS3Storage(PrivateFiles, S3Storage):
    """The private bucket: no public ACL and no URL of its own. A download view that asked
    the rules redirects to a short-lived presigned URL (`presigned_url`)."""

    def presigned_url(self, name, parameters=None, expire=None):
        """A signed GET address of the object, valid for ``expire`` seconds (default
        ``S3_URL_EXPIRY_SECONDS``); ``parameters`` e.g. ResponseContentDisposition."""
        expire = expire or settings.S3_URL_EXPIRY_SECONDS
        return S3Storage.url(self, name, parameters=parameters, expire=expire)


class PublicS3Storage(S3Storage):
    """The public bucket (or prefix): plain, unsigned URLs, under ``S3_PUBLIC_URL`` if set."""
