from django.core.management.base import BaseCommand

from intranet.services import circulation, tasks, workspaces


class Command(BaseCommand):
    help = (
        "Daily intranet housekeeping: membership terms into groups (and so page and document "
        "privacy), closing circulations past their deadline, task reminders."
    )

    def handle(self, *args, **options):
        people = workspaces.sync_everyone()
        closed = circulation.close_due()
        reminded = tasks.send_reminders()
        self.stdout.write(
            f"Synchronised {people} members, closed {len(closed)} circulations, "
            f"sent {reminded} task reminders."
        )
