import hashlib
from datetime import datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from portal.models.listing import IndexPage, ListedPage, field_filter, paginate
from portal.restrictions import visible

from .calendar import build_calendar, calendar_file, calendar_response

CALENDAR_CACHE_SECONDS = 3600


def other_dates(since):
    """Public dates the apps keep themselves (the bodies' public meetings), from the Wagtail
    hook `quartier_public_dates`: each hook takes a moment and returns `calendar.OtherDate`s
    from then on, which the events list and the calendar feed show beside the events."""
    from wagtail import hooks

    dates = []
    for hook in hooks.get_hooks("quartier_public_dates"):
        dates.extend(hook(since) or [])
    return sorted(dates, key=lambda date: date.start)


class EventIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("Termin-Übersicht")

    def events(self, request=None, public=False):
        """Published events the visitor may see (`public`: that anyone may see, for the
        subscribable calendar)."""
        return (
            visible(EventPage.objects.child_of(self).live(), request, public=public)
            .select_related("locale", "alias_of__locale", "lead_image")
            .prefetch_related("fields_of_action")
        )

    def upcoming(self, request=None):
        """Events that have not ended yet, soonest first."""
        now = timezone.now()
        return (
            self.events(request)
            .filter(models.Q(end__gte=now) | models.Q(end__isnull=True, start__gte=now))
            .order_by("start", "pk")
        )

    def past(self, request=None):
        now = timezone.now()
        return (
            self.events(request)
            .filter(models.Q(end__lt=now) | models.Q(end__isnull=True, start__lt=now))
            .order_by("-start", "-pk")
        )

    @path("")
    def index_view(self, request):
        show_past = request.GET.get("zeit") == "vergangen"
        events = self.past(request) if show_past else self.upcoming(request)
        events, field_slug, fields = field_filter(request, events)
        month = request.GET.get("monat", "")
        try:
            chosen = datetime.strptime(month, "%Y-%m") if month else None
        except ValueError:
            chosen = None
        if chosen:
            events = events.filter(start__year=chosen.year, start__month=chosen.month)
        else:
            month = ""
        months = sorted(
            {
                timezone.localtime(start).strftime("%Y-%m")
                for start in (
                    self.past(request) if show_past else self.upcoming(request)
                ).values_list("start", flat=True)
            },
            reverse=show_past,
        )
        return self.render(
            request,
            context_overrides={
                "other_dates": [] if show_past else other_dates(timezone.now()),
                "events": paginate(request, events),
                "show_past": show_past,
                "fields": fields,
                "field_slug": field_slug,
                "month": month,
                "months": [datetime.strptime(m, "%Y-%m").date() for m in months],
            },
        )

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        """A subscribable feed: upcoming events and those of the last 90 days.

        Calendar apps poll it; the rendered file is cached until an event is published.
        """
        since = timezone.now() - timezone.timedelta(days=90)
        events = self.events(request, public=True).filter(start__gte=since).order_by("start")
        stamp = events.aggregate(latest=models.Max("last_published_at"), count=models.Count("pk"))
        others = other_dates(since)
        key = "quartier:calendar:{}:{}:{}:{}:{}".format(
            self.pk,
            stamp["count"],
            stamp["latest"].timestamp() if stamp["latest"] else 0,
            timezone.localdate(),
            hashlib.sha256(
                "|".join(f"{d.uid}:{d.modified.timestamp()}" for d in others).encode()
            ).hexdigest()[:16],
        )
        body = cache.get(key)
        if body is None:
            body = build_calendar(request, events, name=self.title, others=others).to_ical()
            cache.set(key, body, timeout=CALENDAR_CACHE_SECONDS)
        return calendar_file(body, filename="termine.ics")


class EventPage(RoutablePageMixin, ListedPage):
    ACCESSIBILITY_CHOICES = [
        ("full", _("stufenlos zugänglich, mit barrierefreier Toilette")),
        ("step_free", _("stufenlos zugänglich")),
        ("partial", _("eingeschränkt zugänglich")),
        ("none", _("nicht barrierefrei")),
        ("unknown", _("keine Angabe")),
    ]

    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"), null=True, blank=True)
    place_name = models.CharField(_("Ort"), max_length=150)
    address = models.CharField(_("Adresse"), max_length=200, blank=True)
    venue_accessibility = models.CharField(
        _("Barrierefreiheit des Ortes"),
        max_length=20,
        choices=ACCESSIBILITY_CHOICES,
        default="unknown",
    )
    accessibility_notes = models.TextField(
        _("Hinweise zur Barrierefreiheit"),
        blank=True,
        max_length=1000,
        help_text=_("z. B. Gebärdensprachdolmetschung, Induktionsschleife, Aufzug"),
    )
    organiser = models.CharField(_("Veranstalter"), max_length=150, blank=True)
    organiser_page = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("Veranstalter im Verzeichnis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration_note = models.TextField(_("Anmeldung"), blank=True, max_length=1000)

    content_panels = ListedPage.content_panels + [
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Zeit")),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("address"),
                FieldPanel("venue_accessibility"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Ort"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("organiser_page"),
                FieldPanel("registration_note"),
            ],
            heading=_("Veranstalter und Anmeldung"),
        ),
        FieldPanel("intro"),
        ListedPage.image_panel,
        FieldPanel("body"),
        ListedPage.fields_panel,
    ]
    search_fields = ListedPage.search_fields + [
        index.SearchField("place_name"),
        index.FilterField("start"),
    ]
    parent_page_types = ["events.EventIndexPage"]

    class Meta:
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Das Ende muss nach dem Beginn liegen.")})

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()

    @property
    def spans_days(self):
        return bool(self.end) and timezone.localdate(self.end) != timezone.localdate(self.start)

    @path("")
    def event_view(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical_view(self, request) -> HttpResponse:
        return calendar_response(request, [self], filename=f"{self.slug}.ics", name=self.title)
