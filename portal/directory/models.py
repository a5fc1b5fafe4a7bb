from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.params import search_query
from portal.models.listing import IndexPage, ListedPage, choice_filter, field_filter, paginate
from portal.restrictions import visible

ORGANISATION_TYPES = [
    ("association", _("Verein oder Initiative")),
    ("social", _("Soziale Einrichtung")),
    ("education", _("Schule, Kita oder Bildungsträger")),
    ("faith", _("Religionsgemeinschaft")),
    ("culture", _("Kultur und Sport")),
    ("health", _("Gesundheit und Beratung")),
    ("housing", _("Wohnungsunternehmen")),
    ("business", _("Gewerbe")),
    ("public", _("Verwaltung und öffentliche Stelle")),
]


class OrganisationIndexPage(IndexPage):
    subpage_types = ["directory.OrganisationPage"]

    class Meta:
        verbose_name = _("Akteure-Verzeichnis")

    def organisations(self, request=None):
        return (
            visible(OrganisationPage.objects.child_of(self).live(), request)
            .order_by("title")
            .select_related("locale", "alias_of__locale")
            .prefetch_related("fields_of_action")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organisations, field_slug, fields = field_filter(request, self.organisations(request))
        organisations, kind = choice_filter(
            request, organisations, "art", "organisation_type", ORGANISATION_TYPES
        )
        query = search_query(request.GET, max_length=100)
        if query:
            matches = OrganisationPage.objects.child_of(self).live().search(query)
            organisations = organisations.filter(pk__in=[page.pk for page in matches])
        context.update(
            organisations=paginate(request, organisations, per_page=12),
            fields=fields,
            field_slug=field_slug,
            types=ORGANISATION_TYPES,
            kind=kind,
            query=query,
        )
        return context


class OrganisationPage(ListedPage):
    organisation_type = models.CharField(_("Art"), max_length=20, choices=ORGANISATION_TYPES)
    offers = RichTextField(_("Angebote"), features=["bold", "italic", "link", "ul"], blank=True)
    opening_hours = models.TextField(_("Öffnungszeiten"), blank=True, max_length=500)
    street = models.CharField(_("Straße und Hausnummer"), max_length=120, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(pgettext_lazy("Adresse", "Ort"), max_length=80, blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    accessibility = models.TextField(_("Barrierefreiheit"), blank=True, max_length=500)
    languages_spoken = models.CharField(
        _("Beratung auch in diesen Sprachen"), max_length=200, blank=True
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = ListedPage.content_panels + [
        FieldPanel("organisation_type"),
        FieldPanel("intro"),
        FieldPanel("offers"),
        FieldPanel("opening_hours"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Kontakt und Adresse"),
        ),
        FieldPanel("accessibility"),
        FieldPanel("languages_spoken"),
        FieldPanel("logo"),
        ListedPage.image_panel,
        FieldPanel("body"),
        ListedPage.fields_panel,
    ]
    search_fields = ListedPage.search_fields + [
        index.SearchField("offers"),
        index.SearchField("languages_spoken"),
        index.FilterField("organisation_type"),
    ]
    parent_page_types = ["directory.OrganisationIndexPage"]

    class Meta:
        verbose_name = _("Akteur")
        verbose_name_plural = _("Akteure")
