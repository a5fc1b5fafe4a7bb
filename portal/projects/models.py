from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.models.listing import IndexPage, ListedPage, choice_filter, field_filter, paginate
from portal.restrictions import visible


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("in Planung")
    RUNNING = "running", _("läuft")
    COMPLETED = "completed", _("abgeschlossen")


STATUS_CHOICES = ProjectStatus.choices
RICH = ["bold", "italic", "link", "ul", "ol"]


class ProjectIndexPage(IndexPage):
    subpage_types = ["projects.ProjectPage"]

    class Meta:
        verbose_name = _("Projekt-Übersicht")

    def projects(self, request=None):
        return (
            visible(ProjectPage.objects.child_of(self).live(), request)
            .order_by("-start_date", "title")
            .select_related("locale", "alias_of__locale", "lead_image")
            .prefetch_related("fields_of_action")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects, field_slug, fields = field_filter(request, self.projects(request))
        projects, status = choice_filter(request, projects, "status", "status", STATUS_CHOICES)
        context.update(
            projects=paginate(request, projects, per_page=12),
            fields=fields,
            field_slug=field_slug,
            statuses=STATUS_CHOICES,
            status=status,
        )
        return context


class ProjectPage(ListedPage):
    Status = ProjectStatus

    status = models.CharField(
        _("Stand"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.RUNNING
    )
    goals = RichTextField(_("Ziele"), features=RICH, blank=True)
    partners = models.TextField(_("Partner"), blank=True, max_length=1000)
    funding_programme = models.CharField(_("Förderprogramm"), max_length=200, blank=True)
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    results = RichTextField(_("Ergebnisse"), features=RICH, blank=True)

    content_panels = ListedPage.content_panels + [
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
        ListedPage.image_panel,
        FieldPanel("body"),
        ListedPage.fields_panel,
    ]
    search_fields = ListedPage.search_fields + [
        index.SearchField("goals"),
        index.SearchField("results"),
        index.SearchField("partners"),
        index.SearchField("funding_programme"),
    ]
    parent_page_types = ["projects.ProjectIndexPage"]

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Das Ende muss nach dem Beginn liegen.")})
