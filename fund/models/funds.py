"""A fund per area and year, and the public page residents apply through."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from portal.models.pages import LanguageAwarePage

from .. import budget as budget_rules


class CostType(models.TextChoices):
    """What a fund may pay for; each fund names the types it accepts."""

    MATERIAL = "material", _("Sachkosten")
    PURCHASE = "purchase", _("Anschaffungen")
    FEES = "fees", _("Honorare für externe Fachleute")
    RENT = "rent", _("Miete und Technik")
    FOOD = "food", _("Verpflegung")
    PUBLICITY = "publicity", _("Öffentlichkeitsarbeit")


COST_TYPES = CostType.choices


def residents_from_settings():
    """The residents count of the office's site settings, as the default for a new fund."""
    from wagtail.models import Site

    from portal.models import OfficeSettings

    site = Site.objects.filter(is_default_site=True).first()
    return OfficeSettings.for_site(site).residents or 0 if site else 0


class Fund(models.Model):
    name = models.CharField(_("Name"), max_length=120, default="Aktionsfonds")
    area = models.CharField(_("Gebiet"), max_length=120)
    year = models.PositiveIntegerField(_("Jahr"))
    rule = models.CharField(_("Budgetregel"), max_length=30, choices=budget_rules.RULES)
    residents = models.PositiveIntegerField(
        _("Bewohner*innen"),
        default=residents_from_settings,
        help_text=_("Aus den Website-Einstellungen übernommen; änderbar."),
    )
    fixed_amount = models.DecimalField(
        _("Fester Betrag (Euro)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    budget = models.DecimalField(
        _("Budget (Euro)"), max_digits=10, decimal_places=2, default=0, editable=False
    )
    committed = models.DecimalField(
        _("Gebunden (Euro)"), max_digits=10, decimal_places=2, default=0, editable=False
    )
    cap_per_application = models.DecimalField(
        _("Höchstbetrag je Antrag (Euro)"), max_digits=8, decimal_places=2, default=Decimal("1500")
    )
    flat_rate_percent = models.DecimalField(
        _("Pauschale (Prozent)"),
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text=_("Zum Beispiel für Porto und Telefon, 3 bis 10 Prozent der Kosten."),
    )
    cost_types = models.JSONField(
        _("Förderfähige Kostenarten"),
        default=list,
        help_text=_("Schlüssel: material, purchase, fees, rent, food, publicity."),
    )
    criteria = models.TextField(
        _("Förderkriterien"),
        help_text=_("Ein Kriterium pro Zeile; Antragstellende prüfen sich selbst."),
    )
    jury = models.ForeignKey(
        "intranet.WorkspacePage",
        verbose_name=_("Jury (Arbeitsbereich)"),
        on_delete=models.PROTECT,
        related_name="funds",
    )
    deadline_days = models.PositiveIntegerField(
        _("Antragsfrist: Tage vor der Jurysitzung"), default=7
    )
    settlement_days = models.PositiveIntegerField(
        _("Abrechnung: Tage nach Ende der Aktion"), default=28
    )
    open_for_applications = models.BooleanField(_("Anträge möglich"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("area"),
        FieldPanel("year"),
        FieldPanel("rule"),
        FieldPanel("residents"),
        FieldPanel("fixed_amount"),
        FieldPanel("cap_per_application"),
        FieldPanel("flat_rate_percent"),
        FieldPanel("cost_types"),
        FieldPanel("criteria"),
        FieldPanel("jury"),
        FieldPanel("deadline_days"),
        FieldPanel("settlement_days"),
        FieldPanel("open_for_applications"),
    ]

    class Meta:
        verbose_name = _("Fonds")
        verbose_name_plural = _("Fonds")
        ordering = ["-year", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "area", "year"], name="one_fund_per_year"),
            # The ledger's hard limit: no approval can bind more than the budget.
            models.CheckConstraint(
                condition=Q(committed__lte=F("budget")) & Q(committed__gte=0),
                name="fund_committed_within_budget",
            ),
        ]

    def __str__(self):
        return f"{self.name} {self.area} {self.year}"

    def save(self, *args, **kwargs):
        # No carry-over: the budget is the year's amount by its rule, nothing more.
        self.budget = budget_rules.budget_for(self.rule, self.residents, self.fixed_amount)
        super().save(*args, **kwargs)

    @property
    def criteria_list(self):
        return [line.strip() for line in self.criteria.splitlines() if line.strip()]

    def cost_type_choices(self):
        allowed = set(self.cost_types or [key for key, _label in COST_TYPES])
        return [(key, label) for key, label in COST_TYPES if key in allowed]


def views():
    from .. import views as fund_views  # views import models: import late

    return fund_views


class FundPage(RoutablePageMixin, LanguageAwarePage):
    intro = models.TextField(_("Kurzbeschreibung"), max_length=600)
    body = RichTextField(
        _("Beschreibung"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], blank=True
    )
    fund = models.ForeignKey(
        Fund, verbose_name=_("Fonds"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = LanguageAwarePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("fund"),
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("Aktionsfonds-Seite")
        verbose_name_plural = _("Aktionsfonds-Seiten")

    @property
    def canonical_fund(self):
        if self.fund_id:
            return self.fund
        original = self.get_translations(inclusive=True).filter(locale__language_code="de").first()
        return original.specific.fund if original else None

    @classmethod
    def route_path(cls, name, *args):
        """One of the routes below, reversed: the part after a fund page's URL."""
        return cls.get_resolver().reverse(name, *args)

    def route_url(self, name, *args):
        """The URL of one of this page's routes (reversed, under this page's URL)."""
        return self.url + self.route_path(name, *args)

    def application_url(self, application):
        """An application's status page on this fund page."""
        return self.route_url("application", application.pk)

    @path("", name="fund_index")
    def index_route(self, request):
        return views().fund_index(request, self)

    @path("antrag/neu/", name="apply")
    def apply_route(self, request):
        return views().application_form(request, self)

    @path("antrag/eintragen/", name="apply_assisted")
    def assisted_route(self, request):
        return views().application_form(request, self, assisted=True)

    @path("antraege/<int:pk>/", name="application")
    def application_route(self, request, pk):
        return views().application_detail(request, self, pk)

    @path("antraege/<int:pk>/bearbeiten/", name="application_edit")
    def application_edit_route(self, request, pk):
        return views().application_form(request, self, pk=pk)

    @path("antraege/<int:pk>/belege/<int:receipt>/", name="receipt_file")
    def receipt_file_route(self, request, pk, receipt):
        return views().receipt_file(request, self, pk, receipt)

    @path("antraege/<int:pk>/fotos/<int:photo>/", name="photo_file")
    def photo_file_route(self, request, pk, photo):
        return views().photo_file(request, self, pk, photo)

    @path("antraege/<int:pk>/<str:action>/", name="application_action")
    def application_action_route(self, request, pk, action):
        return views().application_action(request, self, pk, action)

    @path("gefoerdert/", name="funded")
    def funded_route(self, request):
        return views().funded(request, self)

    @path("buero/", name="office")
    def office_route(self, request):
        return views().office(request, self)

    @path("bericht/<str:kind>/", name="report")
    def report_route(self, request, kind):
        return views().annual_report(request, self, kind)
