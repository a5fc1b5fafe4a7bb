from django.core.management.base import BaseCommand
from django.db import transaction

from portal.restrictions import sync_all


class Command(BaseCommand):
    help = (
        "Gibt jeder Übersetzung und jedem Alias einer Seite die Zugriffsbeschränkungen "
        "ihres deutschen Originals (einmalig für Beschränkungen von vorher)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            count = sync_all()
        self.stdout.write(f"{count} Seitengruppen abgeglichen.")
