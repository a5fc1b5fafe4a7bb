"""The office's texts that residents read (opening hours, links to its social media), in
every language.

Site settings cannot be translated by wagtail-localize, so these texts live in a
translatable snippet: one German original, translated like any page in "Übersetzen". The
footer and the contact box show the version in the visitor's language, or the German one
marked as German.
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField

from portal.languages import SOURCE_LANGUAGE

from .settings import SocialLinkBlock


class OfficeTexts(TranslatableMixin, models.Model):
    opening_hours = models.TextField(
        _("Öffnungszeiten"), blank=True, help_text=_("Eine Zeile je Tag oder Zeitraum.")
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("Soziale Medien"), blank=True
    )

    panels = [FieldPanel("opening_hours"), FieldPanel("social_links")]
    translatable_fields = [
        TranslatableField("opening_hours"),
        TranslatableField("social_links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Texte des Büros")
        verbose_name_plural = _("Texte des Büros")

    def __str__(self):
        return str(_("Öffnungszeiten und Links (%(language)s)") % {"language": self.locale})

    @classmethod
    def for_language(cls, language=None):
        """The texts in `language` (default: the active one), else the German original;
        None when there are none. One query."""
        language = language or translation.get_language() or SOURCE_LANGUAGE
        found = {
            texts.locale.language_code: texts
            for texts in cls.objects.filter(locale__language_code__in=[language, SOURCE_LANGUAGE])
            .select_related("locale")
            .order_by("-pk")
        }
        return found.get(language) or found.get(SOURCE_LANGUAGE)

    @property
    def language(self):
        return self.locale.language_code
