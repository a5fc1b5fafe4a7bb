from django.core.management.base import BaseCommand

from core.notifications import send_digests


class Command(BaseCommand):
    help = "Sends the daily digest of participation notifications (run once a day from cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"Sent {send_digests()} digest(s).")
