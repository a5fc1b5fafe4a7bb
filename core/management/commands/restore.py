from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core import backups


class Command(BaseCommand):
    help = (
        "Restores a folder made by `backup` into the configured database and buckets (or "
        "folders), which must be empty: a fresh database and fresh buckets. Every file is "
        "checked against the manifest first."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The dated backup folder (with manifest.json).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore even if the database or the buckets already hold something "
            "(replaces the database's content).",
        )

    def handle(self, *args, folder, force=False, **options):
        try:
            manifest = backups.restore(folder, force=force, log=self.stdout.write)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        # The database cache's table (without REDIS_URL) is not in the dump of a site that
        # used Redis: made here if missing, as `make serve` does.
        call_command("createcachetable", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Restored the backup of {manifest['created_at']} from {folder}")
        )
