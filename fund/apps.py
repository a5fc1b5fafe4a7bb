from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundConfig(AppConfig):
    name = "fund"
    label = "fund"
    verbose_name = _("Aktionsfonds")

    def ready(self):
        from intranet.signals_public import circulation_closed, meeting_rescheduled

        from . import privacy, services

        privacy.register()
        circulation_closed.connect(services.circulation_closed, dispatch_uid="fund_circulation")
        meeting_rescheduled.connect(services.meeting_rescheduled, dispatch_uid="fund_meeting")
