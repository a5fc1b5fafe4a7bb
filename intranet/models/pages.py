"""The intranet's pages: the entry page (dashboard) and one page per body (workspace).

Both are private by Wagtail page privacy (group restrictions) kept in sync with membership by
`intranet.services.workspaces`. Meetings, minutes, tasks and documents are plain models shown
through the workspace page's sub-URLs, so every one of them sits behind the page's privacy.
"""

from urllib.parse import urlsplit

from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.languages import SOURCE_LANGUAGE

from .. import bodies


def views():
    from .. import views as intranet_views  # views import models: import late

    return intranet_views


class RoutesMixin:
    """For routable pages: addresses of their routes, reversed from the route's name."""

    def route_url(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args)


class GermanOnlyMixin(RoutesMixin):
    """The intranet lives in German. wagtail-localize still syncs aliases into the other
    language trees; those never render, they send people to the German page (whose privacy
    then applies).

    A refusal raised anywhere while the page serves one of its routes (`core.refusals`)
    leads back to this page."""

    def serve(self, request, *args, **kwargs):
        if self.alias_of_id or self.locale.language_code != SOURCE_LANGUAGE:
            original = Page.objects.filter(
                translation_key=self.translation_key, locale__language_code=SOURCE_LANGUAGE
            ).first()
            if original is not None:
                return HttpResponsePermanentRedirect(self._same_place(request, original))
        request.refusal_page = self
        return super().serve(request, *args, **kwargs)

    def _same_place(self, request, original):
        """The German page's address for what was asked under this one: the same sub-path
        (`/en/intranet/kreis/sitzungen/13/` → `/de/intranet/kreis/sitzungen/13/`) and query."""
        target = original.url
        here = urlsplit(self.get_url(request) or "").path
        if here and request.path.startswith(here):
            target = urlsplit(target).path + request.path[len(here) :]
            if original.url.startswith(("http://", "https://")):
                parts = urlsplit(original.url)
                target = f"{parts.scheme}://{parts.netloc}{target}"
        query = request.META.get("QUERY_STRING", "")
        return f"{target}?{query}" if query else target


class IntranetIndexPage(GermanOnlyMixin, RoutablePageMixin, Page):
    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["intranet.WorkspacePage"]
    parent_page_types = ["portal.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Intranet")
        verbose_name_plural = _("Intranet")

    @path("", name="dashboard")
    def dashboard_route(self, request):
        return views().dashboard(request, self)

    @path("aufgaben/", name="my_tasks")
    def my_tasks_route(self, request):
        return views().my_tasks(request, self)

    @path("suche/", name="search")
    def search_route(self, request):
        return views().search(request, self)

    @path("aktivitaet/", name="activity")
    def activity_route(self, request):
        return views().activity(request, self)


class WorkspacePage(GermanOnlyMixin, RoutablePageMixin, Page):
    Kind = bodies.BodyKind
    Visibility = bodies.Visibility
    QuorumRule = bodies.QuorumRule
    MajorityRule = bodies.MajorityRule

    kind = models.CharField(_("Art des Gremiums"), max_length=30, choices=bodies.BodyKind.choices)
    description = RichTextField(
        _("Beschreibung"), features=["bold", "italic", "link", "ol", "ul"], blank=True
    )
    visibility = models.CharField(
        _("Wer sieht den Arbeitsbereich"),
        max_length=10,
        choices=bodies.Visibility.choices,
        default=bodies.Visibility.MEMBERS_ONLY,
    )
    public_summary = RichTextField(
        _("Öffentliche Kurzbeschreibung"),
        features=["bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text=_(
            "Erscheint auf der öffentlichen Seite des Gremiums, wenn sie eingeschaltet ist."
        ),
    )
    show_public_page = models.BooleanField(_("Öffentliche Seite zeigen"), default=False)
    quorum_rule = models.CharField(
        _("Beschlussfähigkeit"),
        max_length=10,
        choices=bodies.QuorumRule.choices,
        default=bodies.QuorumRule.HALF,
    )
    quorum_count = models.PositiveIntegerField(
        _("Feste Zahl für die Beschlussfähigkeit"), default=0, blank=True
    )
    majority_rule = models.CharField(
        _("Mehrheit"),
        max_length=12,
        choices=bodies.MajorityRule.choices,
        default=bodies.MajorityRule.SIMPLE,
    )
    allows_circulation = models.BooleanField(_("Umlaufverfahren erlaubt"), default=False)
    resident_majority_required = models.BooleanField(
        _("Mehrheit der Stimmen bei Bewohner*innen"), default=False
    )
    public_minutes = models.BooleanField(
        _("Öffentliche Protokolle"),
        default=False,
        help_text=_("Eine Fassung ohne Namen darf auf dem Portal erscheinen."),
    )
    invitation_days = models.PositiveIntegerField(_("Einladung … Tage vorher"), default=7)
    group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editors_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("visibility"),
        MultiFieldPanel(
            [
                FieldPanel("quorum_rule"),
                FieldPanel("quorum_count"),
                FieldPanel("majority_rule"),
                FieldPanel("allows_circulation"),
                FieldPanel("resident_majority_required"),
                FieldPanel("invitation_days"),
            ],
            heading=_("Geschäftsordnung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("show_public_page"),
                FieldPanel("public_summary"),
                FieldPanel("public_minutes"),
            ],
            heading=_("Öffentlichkeit"),
        ),
    ]
    parent_page_types = ["intranet.IntranetIndexPage"]
    subpage_types = ["portal.ContentPage"]

    class Meta:
        verbose_name = _("Arbeitsbereich")
        verbose_name_plural = _("Arbeitsbereiche")

    @path("", name="overview")
    def overview_route(self, request):
        return views().workspace(request, self)

    @path("mitglieder/", name="members")
    def members_route(self, request):
        return views().members(request, self)

    @path("sitzungen/", name="meetings")
    def meetings_route(self, request):
        return views().meeting_archive(request, self)

    @path("sitzungen/neu/", name="meeting_new")
    def meeting_new_route(self, request):
        return views().meeting_edit(request, self)

    @path("sitzungen/<int:pk>/", name="meeting")
    def meeting_route(self, request, pk):
        return views().meeting(request, self, pk)

    @path("sitzungen/<int:pk>/<str:action>/", name="meeting_action")
    def meeting_action_route(self, request, pk, action):
        return views().meeting_action(request, self, pk, action)

    @path("umlauf/neu/", name="circulation_new")
    def circulation_new_route(self, request):
        return views().circulation_new(request, self)

    @path("umlauf/<int:pk>/", name="circulation")
    def circulation_route(self, request, pk):
        return views().circulation(request, self, pk)

    @path("dokumente/", name="documents")
    def documents_route(self, request):
        return views().documents(request, self)

    @path("dokumente/<int:pk>/", name="document")
    def document_route(self, request, pk):
        return views().document(request, self, pk)

    @path("dokumente/<int:pk>/version/<int:number>/", name="document_version")
    def document_version_route(self, request, pk, number):
        return views().document_version(request, self, pk, number)

    @path("aufgaben/neu/", name="task_new")
    def task_new_route(self, request):
        return views().task_new(request, self)

    @path("aufgaben/<int:pk>/", name="task")
    def task_route(self, request, pk):
        return views().task(request, self, pk)

    @path("aktivitaet/", name="activity")
    def activity_route(self, request):
        return views().workspace_activity(request, self)
