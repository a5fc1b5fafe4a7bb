"""Site-wide page types. The portal issue adds news, events and more beside these."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.admin_forms import LocalePageForm
from portal.blocks import BodyBlock
from portal.blocks.content import VideoBlock
from portal.languages import SOURCE_LANGUAGE


class LanguageAwareMixin:
    """Knows whether the visitor sees a translation, an untranslated original or the source.

    Its admin form offers only the snippets (fields of action) of the page's own language."""

    base_form_class = LocalePageForm

    @property
    def content_language(self):
        """The language the content is written in (an alias shows its original's text)."""
        if self.alias_of_id:
            return self.alias_of.locale.language_code
        return self.locale.language_code

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        visitor_language = getattr(request, "LANGUAGE_CODE", SOURCE_LANGUAGE)
        content_language = self.content_language
        context["content_language"] = content_language
        context["is_untranslated"] = content_language != visitor_language
        context["is_translation"] = (
            content_language == visitor_language and content_language != SOURCE_LANGUAGE
        )
        return context


class LanguageAwarePage(LanguageAwareMixin, Page):
    # Every word folded and stemmed in the page's language (portal.search.terms), so that
    # SQLite finds word forms as PostgreSQL does and "Strassenfest" finds "Straßenfest".
    search_fields = Page.search_fields + [index.SearchField("search_terms")]

    class Meta:
        abstract = True

    def search_terms(self):
        from portal.search.terms import index_terms
        from portal.search.text import page_text

        return index_terms(f"{self.title} {page_text(self)}", self.content_language)


class HomePage(LanguageAwarePage):
    """The start page: introduction, what is on now, the office, and the site explained
    in Leichte Sprache and German Sign Language (both required by BITV 2.0)."""

    LATEST = 3

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)
    easy_language_title = models.CharField(
        _("Überschrift Leichte Sprache"), max_length=120, default="Diese Seite in Leichter Sprache"
    )
    easy_language_text = RichTextField(
        _("Erklärung in Leichter Sprache"),
        features=["bold", "link", "ul"],
        blank=True,
        help_text=_("Kurze Sätze. Ein Gedanke pro Satz. Schwere Wörter erklären."),
    )
    sign_language_video = StreamField(
        [("video", VideoBlock())],
        verbose_name=_("Video in Deutscher Gebärdensprache"),
        blank=True,
        max_num=1,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("easy_language_title"), FieldPanel("easy_language_text")],
            heading=_("Leichte Sprache"),
        ),
        FieldPanel("sign_language_video"),
    ]
    search_fields = LanguageAwarePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def get_context(self, request, *args, **kwargs):
        from portal.events.models import EventPage
        from portal.news.models import NewsArticlePage
        from portal.restrictions import visible

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        in_tree = {"path__startswith": self.path, "locale_id": self.locale_id}
        context["latest_news"] = list(
            visible(NewsArticlePage.objects.live(), request)
            .filter(**in_tree)
            .order_by("-date", "-pk")
            .select_related("lead_image")[: self.LATEST]
        )
        context["next_events"] = list(
            visible(EventPage.objects.live(), request)
            .filter(**in_tree)
            .filter(models.Q(end__gte=now) | models.Q(end__isnull=True, start__gte=now))
            .order_by("start", "pk")[: self.LATEST]
        )
        context["home_sections"] = self.sections(request, now)
        context["news_index"] = self._first_child("news.NewsIndexPage", request)
        context["events_index"] = self._first_child("events.EventIndexPage", request)
        context["easy_language_home"] = (
            visible(Page.objects.live(), request)
            .filter(translation_key=self.translation_key, locale__language_code="de-ls")
            .first()
        )
        return context

    def sections(self, request, now):
        """Sections other apps add to the home page (hook `quartier_home_sections`).

        Each hook takes (home page, request, now) and returns a dict with a `template` and
        its context, or None to add nothing; portal knows no app that registers one.
        """
        found = (hook(self, request, now) for hook in hooks.get_hooks("quartier_home_sections"))
        return [section for section in found if section]

    def _first_child(self, model_label, request=None):
        from django.apps import apps

        from portal.restrictions import visible

        model = apps.get_model(model_label)
        return visible(model.objects.child_of(self).live(), request).first()


class ContentPage(LanguageAwarePage):
    """A page of text: legal pages, information, anything without its own type."""

    intro = models.TextField(_("Kurzbeschreibung"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = LanguageAwarePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
