from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models.listing import field_filter, fields_of_action_field, paginate
from portal.models.pages import LanguageAwarePage


class NewsIndexPage(RoutablePageMixin, LanguageAwarePage):
    """The neighbourhood newspaper online, with feeds and the archive of printed issues."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)

    content_panels = LanguageAwarePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("newspaper_issues", label=_("Gedruckte Ausgaben (Stadtteilzeitung)")),
    ]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Neuigkeiten-Übersicht")

    def articles(self):
        return (
            NewsArticlePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "-pk")
            .select_related("lead_image", "locale", "alias_of__locale")
            .prefetch_related("fields_of_action")
        )

    @path("")
    def index_view(self, request):
        articles, field_slug, fields = field_filter(request, self.articles())
        years = sorted(
            {d.year for d in self.articles().values_list("date", flat=True)}, reverse=True
        )
        year = request.GET.get("jahr", "")
        if year.isdigit() and int(year) in years:
            articles = articles.filter(date__year=int(year))
        else:
            year = ""
        return self.render(
            request,
            context_overrides={
                "articles": paginate(request, articles),
                "fields": fields,
                "field_slug": field_slug,
                "years": years,
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


class NewsArticlePage(LanguageAwarePage):
    date = models.DateField(_("Datum"), default=timezone.localdate)
    author = models.CharField(
        _("Autor*in"),
        max_length=120,
        blank=True,
        help_text=_("Namen von Personen nur mit deren Einwilligung veröffentlichen."),
    )
    intro = models.TextField(_("Vorspann"), max_length=400, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Aufmacherbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("Alternativtext des Bildes"),
        max_length=250,
        blank=True,
        help_text=_("Leer lassen, wenn das Bild rein dekorativ ist."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)
    fields_of_action = fields_of_action_field()

    content_panels = LanguageAwarePage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("author")], heading=_("Angaben")),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Bild")
        ),
        FieldPanel("body"),
        FieldPanel("fields_of_action", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = LanguageAwarePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")
