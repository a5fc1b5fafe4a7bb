from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    """Projects in the neighbourhood: goals, partners, funding, status and results."""

    name = "portal.projects"
    label = "projects"
    verbose_name = _("Projekte")
