from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntranetConfig(AppConfig):
    """Workspaces of working groups and committees: meetings, minutes, decisions, documents."""

    name = "intranet"
    verbose_name = _("Intranet")

    def ready(self):
        from . import signals  # noqa: F401
