from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from core.params import int_param
from portal.models.listing import IndexPage, ListedPage, field_filter, paginate
from portal.restrictions import visible


class NewsIndexPage(RoutablePageMixin, IndexPage):
    """The neighbourhood newspaper online, with feeds and the archive of printed issues."""

    content_panels = IndexPage.content_panels + [
        InlinePanel("newspaper_issues", label=_("Gedruckte Ausgaben (Stadtteilzeitung)")),
    ]
    subpage_types = ["news.NewsArticlePage"]

    class Meta:
        verbose_name = _("Neuigkeiten-Übersicht")

    def articles(self, request=None, public=False):
        """Published articles the visitor may see (`public`: that anyone may see, for the
        feeds)."""
        return (
            visible(NewsArticlePage.objects.child_of(self).live(), request, public=public)
            .order_by("-date", "-pk")
            .select_related("lead_image", "locale", "alias_of__locale")
            .prefetch_related("fields_of_action")
        )

    @path("")
    def index_view(self, request):
        articles, field_slug, fields = field_filter(request, self.articles(request))
        years = sorted(
            {d.year for d in self.articles(request).values_list("date", flat=True)}, reverse=True
        )
        year = int_param(request.GET, "jahr")
        if year in years:
            articles = articles.filter(date__year=year)
            year = str(year)
        else:
            year = ""
        return self.render(
            request,
            context_overrides={
                "articles": paginate(request, articles),
                "fields": fields,
                "field_slug": field_slug,
                "year_options": [(y, y) for y in years],
                "year": year,
                "issues": self.newspaper_issues.select_related("document").order_by(
                    "-published_on"
                ),
            },
        )

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewspaperIssue(Orderable):
    """A printed issue of the Stadtteilzeitung, kept as a PDF document."""

    page = ParentalKey(NewsIndexPage, related_name="newspaper_issues", on_delete=models.CASCADE)
    title = models.CharField(_("Titel"), max_length=120, help_text=_("z. B. „Ausgabe 3/2026“"))
    published_on = models.DateField(_("Erschienen am"))
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("PDF"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("title"), FieldPanel("published_on"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("Ausgabe der Stadtteilzeitung")
        verbose_name_plural = _("Ausgaben der Stadtteilzeitung")


class NewsArticlePage(ListedPage):
    date = models.DateField(_("Datum"), default=timezone.localdate)
    author = models.CharField(
        _("Autor*in"),
        max_length=120,
        blank=True,
        help_text=_("Namen von Personen nur mit deren Einwilligung veröffentlichen."),
    )

    content_panels = ListedPage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("author")], heading=_("Angaben")),
        FieldPanel("intro"),
        ListedPage.image_panel,
        FieldPanel("body"),
        ListedPage.fields_panel,
    ]
    search_fields = ListedPage.search_fields + [index.FilterField("date")]
    parent_page_types = ["news.NewsIndexPage"]

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")
