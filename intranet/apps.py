from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntranetConfig(AppConfig):
    """Workspaces of working groups and committees: meetings, minutes, decisions, documents."""

    name = "intranet"
    verbose_name = _("Intranet")

    def ready(self):
        from core.notifications import register_kind

        from . import privacy, signals  # noqa: F401
        from .rules import is_intranet_user

        privacy.register()

        register_kind(
            "intranet",
            _("Neues aus meinen Arbeitsbereichen im Intranet"),
            offered_to=is_intranet_user,
            subject=_("Neues im Intranet: %(title)s"),
        )
