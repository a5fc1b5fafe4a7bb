"""`manage.py ensure_buckets`: with MEDIA_STORAGE=s3, create the private and the public
bucket if they do not exist yet (a new installation, deploy/compose.yaml). It sets no
policy: the public bucket's read access is the store's business (docs/operations.md,
"Object storage")."""

from botocore.exceptions import ClientError
from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

MISSING = {"404", "NoSuchBucket", "NotFound"}


class Command(BaseCommand):
    help = "Creates the private and public S3 bucket if missing (MEDIA_STORAGE=s3 only)."

    def handle(self, *args, **options):
        if settings.MEDIA_STORAGE != "s3":
            self.stdout.write("MEDIA_STORAGE is not s3: no buckets to create.")
            return
        seen = set()
        for alias in ("default", "public"):
            storage = storages[alias]
            name = storage.bucket_name
            if name in seen:
                continue
            seen.add(name)
            client = storage.connection.meta.client
            try:
                client.head_bucket(Bucket=name)
            except ClientError as error:
                if str(error.response.get("Error", {}).get("Code")) not in MISSING:
                    raise CommandError(f"Bucket {name}: {error}") from error
                client.create_bucket(Bucket=name)
                self.stdout.write(f"Created bucket {name}.")
            else:
                self.stdout.write(f"Bucket {name} exists.")
