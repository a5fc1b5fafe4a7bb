"""A participation process: a Wagtail page with an ordered list of dated phases."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.languages import SOURCE_LANGUAGE
from portal.models.pages import LanguageAwarePage

from ..phases import ACTIONS, Participants, PhaseKind
from ..voting import modes


def views():
    from .. import views as participation_views  # views import models: import late

    return participation_views


def voting_views():
    from ..voting import views as voting_views  # views import models: import late

    return voting_views


class ProcessPage(RoutablePageMixin, LanguageAwarePage):
    """Editors create a process; residents take part through its sub-pages."""

    # A refusal on any sub-page is explained with a way to declare one's residence.
    refusal_template = "participation/not_allowed.html"

    intro = models.TextField(_("Kurzbeschreibung"), max_length=500)
    description = RichTextField(
        _("Beschreibung"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], blank=True
    )
    field_of_action = models.ForeignKey(
        "taxonomy.FieldOfAction",
        verbose_name=_("Handlungsfeld"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    budget = models.DecimalField(
        _("Budget (Euro)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    support_threshold = models.PositiveIntegerField(
        _("Schwelle für Unterstützungen"),
        null=True,
        blank=True,
        help_text=_("Vorschläge mit so vielen Unterstützungen kommen in die nächste Phase."),
    )
    comment_edit_minutes = models.PositiveIntegerField(
        _("Kommentare ändern (Minuten)"),
        default=15,
        help_text=_("So lange dürfen Verfasser*innen ihren Kommentar ändern."),
    )
    reports_to_hide = models.PositiveIntegerField(
        _("Automatisch ausblenden ab … Meldungen"),
        default=3,
        help_text=_("Ein Beitrag mit so vielen Meldungen wird ausgeblendet, bis das Büro prüft."),
    )
    edit_window_hours = models.PositiveIntegerField(
        _("Bearbeitung nach dem Einreichen (Stunden)"),
        default=24,
        help_text=_("So lange dürfen Verfasser*innen ihren eingereichten Vorschlag ändern."),
    )

    voting_mode = models.CharField(
        _("Abstimmungsart"),
        max_length=10,
        choices=modes.VotingMode.choices,
        default=modes.VotingMode.APPROVAL,
    )
    votes_per_ballot = models.PositiveIntegerField(
        _("Stimmen pro Person"),
        null=True,
        blank=True,
        default=3,
        help_text=_("Bei „Auswahl“: so viele Vorschläge darf eine Person höchstens wählen."),
    )
    points_per_ballot = models.PositiveIntegerField(
        _("Punkte pro Person"),
        null=True,
        blank=True,
        default=10,
        help_text=_("Bei „Punkte verteilen“: so viele Punkte hat jede Person."),
    )
    allow_self_declaration = models.BooleanField(
        _("Selbsterklärung zulassen"),
        default=False,
        help_text=_(
            "Personen können selbst erklären, dass sie im Gebiet wohnen. Ihre Stimmen werden "
            "getrennt als unbestätigt gezählt."
        ),
    )
    require_age_16 = models.BooleanField(
        _("Erst ab 16 Jahren"),
        default=False,
        help_text=_("Nur Personen ab 16 Jahren dürfen abstimmen."),
    )
    live_results = models.BooleanField(
        _("Zwischenstand zeigen"),
        default=False,
        help_text=_("Sonst bleiben die Ergebnisse bis zum Ende der Abstimmung verborgen."),
    )
    voting_decision = RichTextField(
        _("Entscheidung des Büros"),
        features=["bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text=_("Was aus dem Ergebnis folgt; erscheint auf der Ergebnisseite."),
    )

    content_panels = LanguageAwarePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("description"),
        FieldPanel("field_of_action"),
        MultiFieldPanel(
            [
                FieldPanel("budget"),
                FieldPanel("support_threshold"),
                FieldPanel("edit_window_hours"),
            ],
            heading=_("Regeln"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("voting_mode"),
                FieldPanel("votes_per_ballot"),
                FieldPanel("points_per_ballot"),
                FieldPanel("allow_self_declaration"),
                FieldPanel("require_age_16"),
                FieldPanel("live_results"),
                FieldPanel("voting_decision"),
            ],
            heading=_("Abstimmung"),
        ),
        InlinePanel("phases", label=_("Phasen"), min_num=1),
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("Beteiligungsverfahren")
        verbose_name_plural = _("Beteiligungsverfahren")

    def serve(self, request, *args, **kwargs):
        # A refusal raised anywhere below (views or services) leads back to this process.
        request.refusal_page = self
        return super().serve(request, *args, **kwargs)

    def subpage_url(self, name, *args):
        """The URL of a sub-page (a route below): relative on a single site, as
        `{% routablepageurl %}` gives it."""
        return self.get_url() + self.reverse_subpage(name, args=args)

    def site_subpage_url(self, name, *args):
        """A sub-page's absolute URL on the public site (SITE_URL), for e-mails and print."""
        return settings.SITE_URL + self.get_url_parts()[2] + self.reverse_subpage(name, args=args)

    # Sub-URLs; the views live in participation/views.py.
    @path("", name="index")
    def index_route(self, request):
        return views().process_index(request, self)

    @path("vorschlaege/neu/", name="new")
    def new_route(self, request):
        return views().proposal_create(request, self)

    @path("vorschlaege/eintragen/", name="assisted")
    def assisted_route(self, request):
        return views().proposal_create(request, self, assisted=True)

    @path("vorschlaege/<int:pk>/", name="detail")
    def detail_route(self, request, pk):
        return views().proposal_detail(request, self, pk)

    @path("vorschlaege/<int:pk>/bild/", name="image")
    def image_route(self, request, pk):
        return views().proposal_file(request, self, pk, "image")

    @path("vorschlaege/<int:pk>/anhang/", name="attachment")
    def attachment_route(self, request, pk):
        return views().proposal_file(request, self, pk, "attachment")

    @path("vorschlaege/<int:pk>/bearbeiten/", name="edit")
    def edit_route(self, request, pk):
        return views().proposal_edit(request, self, pk)

    @path("vorschlaege/<int:pk>/unterstuetzen/", name="support")
    def support_route(self, request, pk):
        return views().proposal_support(request, self, pk)

    @path("vorschlaege/<int:pk>/folgen/", name="follow")
    def follow_route(self, request, pk):
        return views().proposal_follow(request, self, pk)

    @path("vorschlaege/<int:pk>/zurueckziehen/", name="withdraw")
    def withdraw_route(self, request, pk):
        return views().proposal_withdraw(request, self, pk)

    @path("vorschlaege/<int:pk>/wiederherstellen/", name="restore")
    def restore_route(self, request, pk):
        return views().proposal_restore(request, self, pk)

    @path("vorschlaege/<int:pk>/entscheiden/", name="decide")
    def decide_route(self, request, pk):
        return views().proposal_decide(request, self, pk)

    @cached_property
    def canonical(self):
        """The German original: proposals, phases and rules belong to it, so every language
        version of a process shows the same proposals."""
        if self.alias_of_id:
            return self.alias_of.specific
        if self.locale.language_code == SOURCE_LANGUAGE:
            return self
        original = (
            ProcessPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=SOURCE_LANGUAGE
            )
            .select_related("locale")
            .first()
        )
        return original or self

    @path("vorschlaege/<int:pk>/kommentieren/", name="comment")
    def comment_route(self, request, pk):
        return views().comment_add(request, self, pk)

    @path("kommentare/<int:comment_id>/bearbeiten/", name="comment_edit")
    def comment_edit_route(self, request, comment_id):
        return views().comment_edit(request, self, comment_id)

    @path("vorschlaege/<int:pk>/melden/", name="report")
    def report_route(self, request, pk):
        return views().report(request, self, pk)

    @path("vorschlaege/<int:pk>/uebersetzen/", name="translate")
    def translate_route(self, request, pk):
        return views().proposal_translate(request, self, pk)

    @path("abstimmen/", name="vote")
    def vote_route(self, request):
        return voting_views().ballot(request, self)

    @path("abstimmen/rest/", name="vote_remaining")
    def vote_remaining_route(self, request):
        return voting_views().remaining(request, self)

    @path("abstimmen/papier/", name="vote_paper")
    def vote_paper_route(self, request):
        return voting_views().paper_ballot(request, self)

    @path("abstimmen/wohnort/", name="vote_declare")
    def vote_declare_route(self, request):
        return voting_views().declare_residence(request, self)

    @path("ergebnisse/", name="results")
    def results_route(self, request):
        return voting_views().results(request, self)

    @path("ergebnisse/csv/", name="results_csv")
    def results_csv_route(self, request):
        return voting_views().results_csv(request, self)

    @path("export/csv/", name="export_csv")
    def export_csv_route(self, request):
        return views().export(request, self, "csv")

    @path("export/xlsx/", name="export_xlsx")
    def export_xlsx_route(self, request):
        return views().export(request, self, "xlsx")

    def clean(self):
        super().clean()
        required = {
            modes.APPROVAL: (
                "votes_per_ballot",
                _("Bitte geben Sie an, wie viele Stimmen jede Person hat."),
            ),
            modes.POINTS: (
                "points_per_ballot",
                _("Bitte geben Sie an, wie viele Punkte jede Person hat."),
            ),
            modes.BUDGET: (
                "budget",
                _("Für eine Budget-Abstimmung braucht das Verfahren ein Budget."),
            ),
        }.get(self.voting_mode)
        if required and not getattr(self, required[0]):
            raise ValidationError({required[0]: required[1]})

    def voting_phases(self):
        return [phase for phase in self.ordered_phases() if phase.allows_vote]

    def ordered_phases(self):
        """The phases in time order, read once per page object (a request's lifetime)."""
        canonical = self.canonical
        cached = canonical.__dict__.get("_ordered_phases")
        if cached is None:
            cached = list(canonical.phases.all().order_by("start", "sort_order"))
            canonical.__dict__["_ordered_phases"] = cached
        return cached

    def phase_at(self, moment=None):
        """The phase running at `moment` (default: now), or None between or outside phases."""
        moment = moment or timezone.now()
        for phase in self.ordered_phases():
            if phase.start <= moment < phase.end:
                return phase
        return None

    def next_phase(self, moment=None):
        moment = moment or timezone.now()
        upcoming = [phase for phase in self.ordered_phases() if phase.start > moment]
        return upcoming[0] if upcoming else None

    def next_phase_allowing(self, action, moment=None):
        moment = moment or timezone.now()
        for phase in self.ordered_phases():
            if phase.end > moment and phase.allows(action):
                return phase
        return None


class Phase(Orderable):
    process = ParentalKey(ProcessPage, related_name="phases", on_delete=models.CASCADE)
    kind = models.CharField(_("Art"), max_length=20, choices=PhaseKind.choices)
    title = models.CharField(
        _("Titel"), max_length=120, blank=True, help_text=_("Leer: Name der Art")
    )
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    allows_submit = models.BooleanField(_("Vorschläge einreichen"), default=False)
    allows_comment = models.BooleanField(_("Kommentieren"), default=False)
    allows_support = models.BooleanField(_("Unterstützen"), default=False)
    allows_vote = models.BooleanField(_("Abstimmen"), default=False)
    participants = models.CharField(
        _("Wer darf mitmachen"),
        max_length=20,
        choices=Participants.choices,
        default=Participants.REGISTERED,
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("start"),
        FieldPanel("end"),
        FieldPanel("allows_submit"),
        FieldPanel("allows_comment"),
        FieldPanel("allows_support"),
        FieldPanel("allows_vote"),
        FieldPanel("participants"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Phase")
        verbose_name_plural = _("Phasen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="phase_ends_after_start"
            )
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.get_kind_display()

    def allows(self, action):
        assert action in ACTIONS, action
        return getattr(self, f"allows_{action}")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Das Ende muss nach dem Beginn liegen.")})


class ProcessIndexPage(LanguageAwarePage):
    """ "Mitmachen": every participation process of the site, running, upcoming and finished,
    with filters by status and field of action that work without JavaScript (a GET form).

    The processes need not be its children: it lists all processes of its language tree."""

    intro = models.TextField(_("Kurzbeschreibung"), blank=True, max_length=500)

    content_panels = LanguageAwarePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["participation.ProcessPage"]
    max_count_per_parent = 1
    template = "participation/process_index_page.html"

    class Meta:
        verbose_name = _("Übersicht der Beteiligungsverfahren")
        verbose_name_plural = _("Übersichten der Beteiligungsverfahren")

    def get_context(self, request, *args, **kwargs):
        from portal.models.listing import paginate

        from ..selectors import process_filters

        context = super().get_context(request, *args, **kwargs)
        entries, chosen, choices = process_filters(request, self.get_parent(), timezone.now())
        context.update(processes=paginate(request, entries, per_page=12), chosen=chosen, **choices)
        return context
