"""Applications with their cost plan, income, history, receipts and photos."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.files import RandomName, is_public_name, private_storage, publishable_storage
from core.uploads import validate_attachment, validate_image_upload
from portal.search.terms import index_terms

from ..iban import grouped, masked, validate_iban
from .funds import COST_TYPES


class State(models.TextChoices):
    """Where an application stands, from the draft to the settled grant."""

    DRAFT = "draft", _("Entwurf")
    SUBMITTED = "submitted", _("eingereicht")
    QUESTION = "question", _("Rückfrage")
    INELIGIBLE = "ineligible", _("nicht förderfähig")
    COMPLETE = "complete", _("vollständig, wartet auf die Jury")
    SCHEDULED = "scheduled", _("auf der Tagesordnung der Jury")
    APPROVED = "approved", _("bewilligt")
    REJECTED = "rejected", _("abgelehnt")
    DEFERRED = "deferred", _("vertagt")
    SETTLEMENT = "settlement", _("Abrechnung eingereicht")
    SETTLED = "settled", _("abgerechnet")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


# The old constant names stay as aliases.
DRAFT = State.DRAFT
SUBMITTED = State.SUBMITTED
QUESTION = State.QUESTION
INELIGIBLE = State.INELIGIBLE
COMPLETE = State.COMPLETE
SCHEDULED = State.SCHEDULED
APPROVED = State.APPROVED
REJECTED = State.REJECTED
DEFERRED = State.DEFERRED
SETTLEMENT = State.SETTLEMENT
SETTLED = State.SETTLED
WITHDRAWN = State.WITHDRAWN
STATES = State.choices
FUNDED = {APPROVED, SETTLEMENT, SETTLED}
# Waiting for the jury: on the agenda, or for a meeting; open to a decision by circulation.
AWAITING_JURY = (COMPLETE, SCHEDULED, DEFERRED)


class CheckOutcome(models.TextChoices):
    """What the office's formal check of a submitted application finds."""

    COMPLETE = "complete", _("vollständig: auf die Tagesordnung der Jury")
    QUESTION = "question", _("Rückfrage an die Antragstellenden")
    INELIGIBLE = "ineligible", _("nicht förderfähig")


class ApplicantType(models.TextChoices):
    PERSON = "person", _("Einzelperson")
    INITIATIVE = "initiative", _("Initiative oder Gruppe")
    ASSOCIATION = "association", _("Verein")
    INSTITUTION = "institution", _("Einrichtung")


APPLICANT_TYPES = ApplicantType.choices


class PaymentMode(models.TextChoices):
    ADVANCE = "advance", _("Vorschuss vor der Aktion")
    REIMBURSEMENT = "reimbursement", _("Erstattung nach der Abrechnung")


ADVANCE = PaymentMode.ADVANCE
REIMBURSEMENT = PaymentMode.REIMBURSEMENT
PAYMENT_MODES = PaymentMode.choices


# Needed to submit an application; a draft can be saved with any of them missing.
REQUIRED_TO_SUBMIT = [
    "applicant_type",
    "contact_name",
    "title",
    "description",
    "aim",
    "target_group",
    "place",
    "starts_on",
    "ends_on",
    "volunteers",
]

# Words of a funded action's report shown on the public list (and so searchable).
PUBLIC_REPORT_WORDS = 40


class Application(index.Indexed, models.Model):
    State = State
    PaymentMode = PaymentMode

    fund = models.ForeignKey("fund.Fund", on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fund_applications",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    applicant_type = models.CharField(
        _("Wer beantragt?"), max_length=20, choices=APPLICANT_TYPES, blank=True
    )
    contact_name = models.CharField(_("Name der Ansprechperson"), max_length=150, blank=True)
    organisation = models.CharField(
        _("Name der Gruppe, des Vereins oder der Einrichtung"), max_length=200, blank=True
    )
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    # Postal address: a party to the funding agreement (contact data, see can_view_contact).
    address = models.TextField(_("Anschrift"), max_length=300, blank=True)
    # Bank details for the payment: applicants and the office only (rules.can_view_bank_details),
    # erased BANK_DETAILS_RETENTION_DAYS after the case is closed (fund.privacy).
    iban = models.CharField(_("IBAN"), max_length=34, blank=True, validators=[validate_iban])
    account_holder = models.CharField(_("Kontoinhaber*in"), max_length=150, blank=True)
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    title = models.CharField(_("Titel der Aktion"), max_length=160, blank=True)
    description = models.TextField(_("Was ist geplant?"), max_length=5000, blank=True)
    aim = models.TextField(_("Ziel und Nutzen für die Nachbarschaft"), max_length=3000, blank=True)
    target_group = models.CharField(_("Zielgruppe"), max_length=300, blank=True)
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    starts_on = models.DateField(_("Beginn"), null=True, blank=True)
    ends_on = models.DateField(_("Ende"), null=True, blank=True)
    volunteers = models.TextField(_("Ehrenamtliche und Eigenleistung"), max_length=2000, blank=True)
    partners = models.CharField(_("Partner"), max_length=300, blank=True)
    field_of_action = models.ForeignKey(
        "taxonomy.FieldOfAction",
        verbose_name=_("Handlungsfeld"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    self_check = models.JSONField(_("Selbstprüfung"), default=list, blank=True)
    consent_name = models.BooleanField(_("Name darf veröffentlicht werden"), default=False)
    consent_photos = models.BooleanField(_("Fotos dürfen veröffentlicht werden"), default=False)
    consent_recorded = models.BooleanField(_("Einwilligung liegt schriftlich vor"), default=False)
    requested_amount = models.DecimalField(
        _("Beantragter Betrag (Euro)"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        default=Decimal("0"),
        help_text=_("Aus dem Kostenplan berechnet: Kosten plus Pauschale minus Einnahmen."),
    )
    state = models.CharField(_("Stand"), max_length=20, choices=STATES, default=DRAFT)
    question = models.TextField(_("Rückfrage des Büros"), blank=True)
    answer = models.TextField(_("Antwort auf die Rückfrage"), max_length=3000, blank=True)
    reason = models.TextField(_("Begründung"), blank=True)
    agenda_item = models.OneToOneField(
        "intranet.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fund_application",
    )
    decision = models.OneToOneField(
        "intranet.Decision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    circulation = models.OneToOneField(
        "intranet.Circulation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fund_application",
    )
    circulation_amount = models.DecimalField(
        max_digits=8, decimal_places=2, null=True, blank=True, editable=False
    )
    approved_amount = models.DecimalField(
        _("Bewilligter Betrag (Euro)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    conditions = models.TextField(_("Auflagen"), blank=True)
    decided_on = models.DateField(_("entschieden am"), null=True, blank=True)
    payment_mode = models.CharField(
        _("Auszahlung"), max_length=20, choices=PAYMENT_MODES, default=REIMBURSEMENT
    )
    settlement_due = models.DateField(_("Abrechnung bis"), null=True, blank=True)
    report = models.TextField(_("Kurzbericht"), max_length=5000, blank=True)
    proven_amount = models.DecimalField(
        _("Nachgewiesen (Euro)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    actual_income = models.DecimalField(
        _("Tatsächliche Einnahmen (Euro)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    flat_rate_amount = models.DecimalField(
        _("Pauschale in der Abrechnung (Euro)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
    )
    reminded_at = models.DateTimeField(null=True, blank=True)
    client_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Public search (fund.search): funded actions only, and only what the public list of
    # funded actions shows (title; name and report with consent). Never contact data.
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("public_text"),
        index.SearchField("search_terms"),
        index.FilterField("id"),
        index.FilterField("fund"),
        index.FilterField("state"),
    ]

    class Meta:
        verbose_name = _("Antrag")
        verbose_name_plural = _("Anträge")
        ordering = ["-submitted_at", "-created_at"]
        permissions = [("manage_fund", _("Aktionsfonds verwalten"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="action_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(entered_by__isnull=True) | Q(consent_recorded=True),
                name="walk_in_applications_need_consent",
            ),
            models.CheckConstraint(
                condition=Q(approved_amount__isnull=True)
                | Q(approved_amount__lte=models.F("requested_amount")),
                name="approval_not_above_request",
            ),
            # The settled grant: never negative, never above the grant.
            models.CheckConstraint(
                condition=Q(proven_amount__isnull=True)
                | (Q(proven_amount__gte=0) & Q(proven_amount__lte=models.F("approved_amount"))),
                name="proven_within_grant",
            ),
            models.CheckConstraint(
                condition=Q(actual_income__isnull=True) | Q(actual_income__gte=0),
                name="actual_income_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(flat_rate_amount__isnull=True) | Q(flat_rate_amount__gte=0),
                name="flat_rate_not_negative",
            ),
        ]

    def __str__(self):
        return self.title or gettext("Entwurf ohne Titel")

    @property
    def file_number(self):
        """The file number on letters and the agreement: fund year and application number."""
        return f"AF-{self.fund.year}-{self.pk:04d}" if self.pk else ""

    @property
    def iban_masked(self):
        return masked(self.iban)

    @property
    def iban_grouped(self):
        return grouped(self.iban)

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.filter(state__in=FUNDED)

    @property
    def public_report(self):
        """The start of the report, as the list of funded actions shows it (with consent)."""
        if not (self.consent_name and self.report):
            return ""
        return Truncator(self.report).words(PUBLIC_REPORT_WORDS, truncate=" …")

    def public_text(self):
        return f"{self.public_name} {self.public_report}".strip()

    def search_terms(self):
        return index_terms(f"{self.title} {self.public_text()}", self.language)

    @property
    def is_funded(self):
        return self.state in FUNDED

    @property
    def final_amount(self):
        """What the fund pays for the action in the end: the proven amount once the
        settlement is checked, until then the grant (0 before a grant)."""
        if self.state == State.SETTLED and self.proven_amount is not None:
            return self.proven_amount
        return self.approved_amount or Decimal("0")

    def page_url(self):
        """The status page of this application (on its fund's page)."""
        from .funds import FundPage

        page = FundPage.objects.filter(fund_id=self.fund_id).live().first()
        return page.application_url(self) if page else ""

    @property
    def public_name(self):
        if not self.consent_name:
            return ""
        return self.organisation or self.contact_name


class CostItem(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="costs")
    cost_type = models.CharField(_("Kostenart"), max_length=20, choices=COST_TYPES)
    description = models.CharField(_("Wofür?"), max_length=200)
    amount = models.DecimalField(
        _("Betrag (Euro)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0.01)]
    )

    class Meta:
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="cost_positive")]

    def __str__(self):
        return f"{self.description}: {self.amount}"


class IncomeItem(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="income")
    source = models.CharField(_("Woher?"), max_length=200)
    amount = models.DecimalField(
        _("Betrag (Euro)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0.01)]
    )

    class Meta:
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="income_positive")]

    def __str__(self):
        return f"{self.source}: {self.amount}"


class ApplicationEvent(models.Model):
    """The application's history, shown on its status page."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    state = models.CharField(max_length=20, choices=STATES)
    note = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application_id}: {self.state}"


class ReceiptStatus(models.TextChoices):
    """The office's check of one receipt."""

    OPEN = "open", _("noch nicht geprüft")
    ACCEPTED = "accepted", _("anerkannt")
    REDUCED = "reduced", _("gekürzt")
    REFUSED = "refused", _("nicht anerkannt")


class Receipt(models.Model):
    Status = ReceiptStatus

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="receipts")
    date = models.DateField(_("Datum"))
    vendor = models.CharField(_("Wo gekauft / wer bezahlt?"), max_length=200)
    amount = models.DecimalField(_("Betrag (Euro)"), max_digits=8, decimal_places=2)
    cost_type = models.CharField(_("Kostenart"), max_length=20, choices=COST_TYPES)
    # Private, under a random name; the uploaded name is kept in `original_name`.
    file = models.FileField(
        _("Beleg"),
        upload_to=RandomName("fund/receipts", keep_in="original_name"),
        storage=private_storage,
        validators=[validate_attachment],
    )
    original_name = models.CharField(_("Dateiname"), max_length=255, blank=True)
    status = models.CharField(
        _("Prüfung"), max_length=10, choices=ReceiptStatus.choices, default=ReceiptStatus.OPEN
    )
    accepted_amount = models.DecimalField(
        _("Anerkannt (Euro)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    check_note = models.CharField(_("Begründung"), max_length=500, blank=True)

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="receipt_positive"),
            # A reduced receipt counts less than its amount (and more than nothing); a
            # reduced or refused one says why.
            models.CheckConstraint(
                condition=~Q(status="reduced")
                | (
                    Q(accepted_amount__gt=0)
                    & Q(accepted_amount__lt=models.F("amount"))
                    & ~Q(check_note="")
                ),
                name="receipt_reduced_below_amount_with_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="refused") | ~Q(check_note=""),
                name="receipt_refused_with_reason",
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.vendor}: {self.amount}"

    @property
    def counted_amount(self):
        """What the receipt counts in the settlement: open and accepted ones in full."""
        if self.status == ReceiptStatus.REFUSED:
            return Decimal("0")
        if self.status == ReceiptStatus.REDUCED:
            return self.accepted_amount
        return self.amount


class SettlementPhoto(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="photos")
    # Private until the funded action is published with consent (fund.services.publication).
    image = models.ImageField(
        _("Foto"),
        upload_to=RandomName("fund/photos"),
        storage=publishable_storage,
        validators=[validate_image_upload],
    )
    alt = models.CharField(_("Was zeigt das Foto?"), max_length=250)

    def __str__(self):
        return self.alt

    @property
    def is_public(self):
        """Whether the file is in the public storage (linked at its public address)."""
        return is_public_name(self.image.name)
