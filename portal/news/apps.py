from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """The neighbourhood newspaper online: articles, feeds, archive of printed issues."""

    name = "portal.news"
    label = "news"
    verbose_name = _("Neuigkeiten")
