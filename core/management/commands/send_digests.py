from django.core.management.base import BaseCommand

from core.notifications import send_digests
from core.tasks import send_digests_task


class Command(BaseCommand):
    help = (
        "Queues the daily digest of notifications for the task worker: one e-mail per "
        "person with everything collected for them (run once a day from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--here",
            action="store_true",
            help="Build and queue the digests in this process instead of the task worker.",
        )

    def handle(self, *args, here=False, **options):
        if here:
            self.stdout.write(f"Sent {send_digests()} digest(s).")
            return
        result = send_digests_task.enqueue()
        self.stdout.write(f"Enqueued the digest run ({result.id}).")
