from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    """The contact form and the accessibility statement with its feedback form."""

    name = "portal.contact"
    label = "contact"
    verbose_name = _("Kontakt und Rückmeldungen")

    def ready(self):
        from . import privacy

        privacy.register()
