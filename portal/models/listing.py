"""Index pages and the pages they list: shared fields, pagination and filters."""

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.taxonomy.selectors import fields_for_active_locale

from .pages import LanguageAwarePage

PAGE_SIZE = 10


def paginate(request, queryset, per_page=PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("seite", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def choice_filter(request, queryset, param, field, choices):
    """Filter by ?<param>=<value> if the value is one of the choices; else leave unfiltered."""
    value = request.GET.get(param, "")
    if value in dict(choices):
        return queryset.filter(**{field: value}), value
    return queryset, ""


def field_filter(request, queryset):
    """Filter by ?feld=<slug>; returns (queryset, chosen slug, all fields for the form)."""
    fields = fields_for_active_locale()
    slug = request.GET.get("feld", "")
    if slug and any(field.slug == slug for field in fields):
        queryset = queryset.filter(fields_of_action__slug=slug).distinct()
    else:
        slug = ""
    return queryset, slug, fields


class IndexPage(LanguageAwarePage):
    """Lists its children in the visitor's language tree, with filters and pagination."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)

    content_panels = LanguageAwarePage.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ListedPage(LanguageAwarePage):
    """A page listed by an index: teaser text, optional image, body and fields of action."""

    intro = models.TextField(_("Kurzbeschreibung"), max_length=400, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild"),
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
    fields_of_action = ParentalManyToManyField(
        "taxonomy.FieldOfAction", verbose_name=_("Handlungsfelder"), blank=True, related_name="+"
    )

    image_panel = MultiFieldPanel(
        [FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Bild")
    )
    fields_panel = FieldPanel("fields_of_action", widget=forms.CheckboxSelectMultiple)
    search_fields = LanguageAwarePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    subpage_types = []

    class Meta:
        abstract = True
