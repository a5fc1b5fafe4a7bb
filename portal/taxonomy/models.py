from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class FieldOfAction(TranslatableMixin, index.Indexed, models.Model):
    """A field of action of the integrated development concept (IHEK).

    News, events, projects, organisations and, later, proposals are tagged with
    them. The slug is the same in every language, so filters work across them.
    """

    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(_("Kurzname für Adressen"), max_length=80, allow_unicode=False)
    description = models.TextField(_("Beschreibung"), blank=True, max_length=1000)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_field_slug_per_locale")
        ]

    def __str__(self):
        return self.name
