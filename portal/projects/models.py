from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models.listing import field_filter, fields_of_action_field, paginate
from portal.models.pages import LanguageAwarePage

STATUS_CHOICES = [
    ("planned", _("in Planung")),
    ("running", _("läuft")),
    ("completed", _("abgeschlossen")),
]
RICH = ["bold", "italic", "link", "ul", "ol"]


class ProjectIndexPage(LanguageAwarePage):
    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)

    content_panels = LanguageAwarePage.content_panels + [FieldPanel("intro")]
    subpage_types = ["projects.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Projekt-Übersicht")

    def projects(self):
        return (
            ProjectPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-start_date", "title")
            .select_related("locale", "alias_of__locale", "lead_image")
            .prefetch_related("fields_of_action")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects, field_slug, fields = field_filter(request, self.projects())
        status = request.GET.get("status", "")
        if status in dict(STATUS_CHOICES):
            projects = projects.filter(status=status)
        else:
            status = ""
        context.update(
            projects=paginate(request, projects, per_page=12),
            fields=fields,
            field_slug=field_slug,
            statuses=STATUS_CHOICES,
            status=status,
        )
        return context


class ProjectPage(LanguageAwarePage):
    status = models.CharField(_("Stand"), max_length=20, choices=STATUS_CHOICES, default="running")
    intro = models.TextField(_("Kurzbeschreibung"), max_length=400, blank=True)
    goals = RichTextField(_("Ziele"), features=RICH, blank=True)
    partners = models.TextField(_("Partner"), blank=True, max_length=1000)
    funding_programme = models.CharField(_("Förderprogramm"), max_length=200, blank=True)
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    results = RichTextField(_("Ergebnisse"), features=RICH, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(_("Alternativtext des Bildes"), max_length=250, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)
    fields_of_action = fields_of_action_field()

    content_panels = LanguageAwarePage.content_panels + [
        FieldPanel("status"),
        FieldPanel("intro"),
        FieldPanel("goals"),
        MultiFieldPanel(
            [
                FieldPanel("partners"),
                FieldPanel("funding_programme"),
                FieldPanel("start_date"),
                FieldPanel("end_date"),
            ],
            heading=_("Rahmen"),
        ),
        FieldPanel("results"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Bild")
        ),
        FieldPanel("body"),
        FieldPanel("fields_of_action", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = LanguageAwarePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("goals"),
        index.SearchField("results"),
        index.SearchField("partners"),
        index.SearchField("funding_programme"),
    ]
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Das Ende muss nach dem Beginn liegen.")})
