from django.core.management.base import BaseCommand, CommandError

from core import backups


class Command(BaseCommand):
    help = (
        "Backs up the database (pg_dump, custom format) and the uploaded files (both buckets, "
        "or PRIVATE_MEDIA_ROOT and MEDIA_ROOT) into a new dated folder with a manifest "
        "(docs/operations.md, 'Backups')."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            default="backups",
            help="Folder that receives the dated backup folder (default: ./backups).",
        )

    def handle(self, *args, to="backups", **options):
        try:
            folder = backups.backup(to, log=self.stdout.write)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
