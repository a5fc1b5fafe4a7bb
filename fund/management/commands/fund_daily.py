from django.core.management.base import BaseCommand

from fund import services
from fund.models import Fund, FundPage


class Command(BaseCommand):
    help = (
        "Daily fund housekeeping: put complete applications on the agenda of a newly planned "
        "jury meeting, and remind applicants of settlements due within a week."
    )

    def handle(self, *args, **options):
        reminded = 0
        for fund in Fund.objects.filter(open_for_applications=True):
            services.schedule_waiting(fund)
            page = FundPage.objects.filter(fund=fund).first()
            if page is not None:
                reminded += services.send_reminders(page.url, fund=fund)
        self.stdout.write(f"Sent {reminded} settlement reminders.")
