from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntranetConfig(AppConfig):
    """Workspaces of working groups and committees: meetings, minutes, decisions, documents."""

    name = "intranet"
    verbose_name = _("Intranet")

    def ready(self):
        from core.models import Frequency
        from core.notifications import register_kind

        from . import privacy, signals  # noqa: F401
        from .rules import is_intranet_user

        privacy.register()

        # Invitations and the cancellation of a meeting one was invited to are no kind:
        # they always go at once (services/meetings.py). Everything else that is new in a
        # workspace waits for the daily digest unless the member chooses otherwise.
        register_kind(
            "intranet",
            _("Neues aus meinen Arbeitsbereichen im Intranet"),
            offered_to=is_intranet_user,
            subject=_("Neues im Intranet: %(title)s"),
            default=Frequency.DAILY,
        )
        register_kind(
            "intranet_meetings",
            _("Änderungen an Sitzungen, zu denen ich eingeladen bin"),
            offered_to=is_intranet_user,
            subject=_("Sitzung geändert: %(title)s"),
        )
        register_kind(
            "intranet_tasks",
            _("Aufgaben, die mir übertragen werden"),
            offered_to=is_intranet_user,
            subject=_("Neue Aufgabe für Sie: %(title)s"),
        )
