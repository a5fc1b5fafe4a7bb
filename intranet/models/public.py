"""The public face of the bodies on the portal: what each body does, its public meetings and
the public version of their minutes (without names). The same as OParl open data is under
/oparl/ (intranet.oparl); the first OParl addresses here redirect there."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.models.pages import LanguageAwarePage

from .pages import RoutesMixin


def views():
    from ..views import public as public_views  # views import models: import late

    return public_views


class BodiesPage(RoutesMixin, RoutablePageMixin, LanguageAwarePage):
    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = LanguageAwarePage.content_panels + [FieldPanel("intro")]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Gremien (öffentlich)")
        verbose_name_plural = _("Gremien (öffentlich)")

    @path("", name="bodies")
    def bodies_route(self, request):
        return views().bodies_index(request, self)

    @path("<slug:slug>/", name="body")
    def body_route(self, request, slug):
        return views().body(request, self, slug)

    @path("<slug:slug>/sitzungen/<int:pk>/", name="public_meeting")
    def public_meeting_route(self, request, slug, pk):
        return views().public_meeting(request, self, slug, pk)

    @path("oparl/meetings/", name="oparl_meetings")
    def oparl_meetings_route(self, request):
        return views().oparl_meetings(request, self)

    @path("oparl/meetings/<int:pk>/", name="oparl_meeting")
    def oparl_meeting_route(self, request, pk):
        return views().oparl_meeting(request, self, pk)
