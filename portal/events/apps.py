from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events in the neighbourhood, with iCalendar files and a subscribable calendar."""

    name = "portal.events"
    label = "events"
    verbose_name = _("Termine")
