from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Participation processes with phases, proposals, comments, moderation and votes."""

    name = "participation"
    verbose_name = _("Beteiligung")

    def ready(self):
        from . import privacy
        from .notifications import register_kinds

        register_kinds()
        privacy.register()
