from django.core.management.base import BaseCommand

from intranet.services import circulation, meetings, tasks, workspaces


class Command(BaseCommand):
    help = (
        "Daily intranet housekeeping: membership terms into groups (and so page and document "
        "privacy), closing circulations past their deadline, task reminders, invitations to "
        "meetings whose lead time has begun."
    )

    def handle(self, *args, **options):
        people = workspaces.sync_everyone()
        closed = circulation.close_due()
        reminded = tasks.send_reminders()
        invited = meetings.send_due_invitations()
        self.stdout.write(
            f"Synchronised {people} members, closed {len(closed)} circulations, "
            f"sent {reminded} task reminders and {invited} meeting invitations."
        )
