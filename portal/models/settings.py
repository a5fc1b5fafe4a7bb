from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Bezeichnung"), help_text=_("z. B. Instagram"))
    url = blocks.URLBlock(label=_("Adresse"))

    class Meta:
        icon = "link"
        label = _("Link")


@register_setting(icon="home")
class OfficeSettings(BaseSiteSetting):
    """The neighbourhood office: name, logo, contact, and the pages every footer links to."""

    office_name = models.CharField(_("Name des Büros"), max_length=120, default="Quartier")
    neighbourhood_name = models.CharField(_("Name des Quartiers"), max_length=120, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=120, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(pgettext_lazy("Adresse", "Ort"), max_length=80, blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    opening_hours = models.TextField(_("Öffnungszeiten"), blank=True)
    sender_name = models.CharField(
        _("Absendername für E-Mails"),
        max_length=120,
        blank=True,
        help_text=_("z. B. „Stadtteilbüro Mühlbach-Süd“. Leer: der Name des Büros."),
    )
    sender_email = models.EmailField(
        _("Absenderadresse für E-Mails"),
        blank=True,
        help_text=_(
            "Die Adresse, von der alle E-Mails der Website kommen. Ihr Mailserver muss von "
            "dieser Adresse senden dürfen. Leer: die Adresse aus der Server-Einstellung."
        ),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("Soziale Medien"), blank=True
    )
    residents = models.PositiveIntegerField(
        _("Einwohnerzahl des Quartiers"),
        null=True,
        blank=True,
        help_text=_("Grundlage für das Budget des Verfügungsfonds."),
    )
    residents_reference_date = models.DateField(_("Stand der Einwohnerzahl"), null=True, blank=True)

    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Kontakt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("office_name"), FieldPanel("neighbourhood_name"), FieldPanel("logo")],
            heading=_("Büro"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
                # opening_hours and social_links moved to the translatable snippet
                # OfficeTexts (portal/models/office_texts.py); the columns stay until the
                # data migration has run everywhere.
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [FieldPanel("sender_name"), FieldPanel("sender_email")],
            heading=_("Absender der E-Mails"),
        ),
        MultiFieldPanel(
            [FieldPanel("residents"), FieldPanel("residents_reference_date")],
            heading=_("Quartier"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("contact_page"),
            ],
            heading=_("Pflichtseiten im Fußbereich"),
        ),
    ]

    class Meta:
        verbose_name = _("Stadtteilbüro")

    def identity(self):
        """The office as e-mails and PDFs name it (core/identity.py)."""
        from django.conf import settings

        from core.identity import Office

        return Office(
            name=self.office_name,
            street=self.street,
            postcode=self.postcode,
            city=self.city,
            phone=self.phone,
            email=self.email,
            sender_name=self.sender_name,
            sender_email=self.sender_email,
            url=settings.SITE_URL,
        )

    def footer_links(self):
        """(label, page) for each legal page that is set, in the visitor's language.

        One query for all four: the chosen pages and their translations, preferring
        the visitor's language and falling back to the chosen (German) page.
        """
        from django.utils import translation
        from wagtail.models import Page

        links = [
            (_("Impressum"), self.imprint_page_id),
            (_("Datenschutz"), self.privacy_page_id),
            (_("Barrierefreiheit"), self.accessibility_page_id),
            (_("Kontakt"), self.contact_page_id),
        ]
        ids = [pk for _label, pk in links if pk]
        if not ids:
            return []
        active = translation.get_language()
        candidates = list(
            Page.objects.filter(
                Q(pk__in=ids)
                | Q(
                    translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
                    locale__language_code=active,
                )
            ).select_related("locale")
        )
        by_pk = {page.pk: page for page in candidates}
        in_language = {
            page.translation_key: page
            for page in candidates
            if page.locale.language_code == active and page.live
        }
        result = []
        for label, pk in links:
            if pk in by_pk:
                chosen = by_pk[pk]
                result.append((label, in_language.get(chosen.translation_key, chosen)))
        return result
