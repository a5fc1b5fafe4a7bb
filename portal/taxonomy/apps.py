from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    """Fields of action (Handlungsfelder): the editable, translatable tags of the portal."""

    name = "portal.taxonomy"
    label = "taxonomy"
    verbose_name = _("Handlungsfelder")
