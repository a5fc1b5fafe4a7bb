from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Local organisations (Trägerprofile / Akteure)."""

    name = "portal.directory"
    label = "directory"
    verbose_name = _("Akteure im Quartier")
