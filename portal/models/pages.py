"""Site-wide page types. The portal issue adds news, events and more beside these."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.languages import SOURCE_LANGUAGE


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"))
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[
            ("h2", _("Überschrift 2")),
            ("h3", _("Überschrift 3")),
            ("h4", _("Überschrift 4")),
        ],
        default="h2",
        help_text=_("Ebenen nicht überspringen, damit die Gliederung vorlesbar bleibt."),
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "blocks/heading_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )


class LanguageAwarePage(Page):
    """Knows whether the visitor sees a translation, an untranslated original or the source."""

    class Meta:
        abstract = True

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


class HomePage(LanguageAwarePage):
    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")


class ContentPage(LanguageAwarePage):
    """A page of text: legal pages, information, anything without its own type."""

    intro = models.TextField(_("Kurzbeschreibung"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
