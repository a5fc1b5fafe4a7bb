from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401 - registers the system checks
        from .editorial import ensure_editorial_setup

        # After the last app's post_migrate, when every permission exists.
        post_migrate.connect(ensure_editorial_setup, dispatch_uid="quartier_editorial_setup")
