from django.core.management.base import BaseCommand

from core import privacy
from core.tasks import purge_expired_task


class Command(BaseCommand):
    help = (
        "Removes what has passed its retention period (docs/privacy.md): contact and "
        "feedback submissions, unsubmitted drafts, files of deleted items, rejected and old "
        "fund applications, digest lines. Run once a day from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the run to the task worker instead of running it here.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = purge_expired_task.enqueue()
            self.stdout.write(f"Enqueued the retention run ({result.id}).")
            return
        for name, count in privacy.purge_expired().items():
            purger = next(p for p in privacy.purgers() if p.name == name)
            period = privacy.retention_days(purger.setting)
            unit = "hours" if purger.setting.endswith("_HOURS") else "days"
            self.stdout.write(
                f"{name}: {count} removed (older than {period} {unit}, {purger.setting})"
            )
