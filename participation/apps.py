from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Participation processes, proposals, supports, votes and the neighbourhood fund."""

    name = "participation"
    verbose_name = _("Beteiligung")
