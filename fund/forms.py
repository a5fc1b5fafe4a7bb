"""Application, cost plan, check, decision, payment and settlement forms."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin, DateInput, DateTimeInput, MoneyField
from core.holding import HeldFileInput, HoldingFormMixin
from core.uploads import IMAGE, RECEIPT, accept, check_field
from portal.taxonomy.selectors import fields_for_active_locale

from .iban import compact, validate_iban
from .models import Application
from .models.applications import REQUIRED_TO_SUBMIT, CheckOutcome, PaymentMode

APPLICATION_FIELDS = [
    "applicant_type",
    "contact_name",
    "organisation",
    "email",
    "phone",
    "address",
    "title",
    "description",
    "aim",
    "target_group",
    "place",
    "starts_on",
    "ends_on",
    "volunteers",
    "partners",
    "field_of_action",
    "iban",
    "account_holder",
    "consent_name",
    "consent_photos",
]


class ApplicationForm(CleanTextMixin, forms.ModelForm):
    clean_text_fields = (
        "contact_name",
        "organisation",
        "title",
        "place",
        "phone",
        "account_holder",
    )
    clean_multiline_fields = (
        "address",
        "description",
        "aim",
        "target_group",
        "volunteers",
        "partners",
        "answer",
    )
    self_check = forms.MultipleChoiceField(
        label=_("Selbstprüfung: Das trifft auf unsere Aktion zu"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    answer = forms.CharField(
        label=_("Ihre Antwort auf die Rückfrage"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Nötig, um den Antrag erneut einzureichen. Das Stadtteilbüro liest Ihre Antwort "
            "mit dem ergänzten Antrag."
        ),
    )
    # Longer than the model's 34 characters: spaces are allowed and removed (clean_iban).
    iban = forms.CharField(
        label=_("IBAN"),
        required=False,
        max_length=50,
        validators=[validate_iban],
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    class Meta:
        model = Application
        fields = APPLICATION_FIELDS
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 5}),
            "aim": forms.Textarea(attrs={"rows": 3}),
            "volunteers": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "address": _("Für die Fördervereinbarung: Straße, Hausnummer, PLZ und Ort."),
            "iban": _("Für die Auszahlung. Leerzeichen sind erlaubt."),
            "account_holder": _("Wie bei der Bank angegeben."),
            "consent_name": _(
                "Dann nennen wir Ihren Namen oder den Ihrer Gruppe in der Liste "
                "der geförderten Aktionen. Ohne Einwilligung erscheint nur die Aktion."
            ),
        }

    def __init__(self, *args, fund, assisted=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fund = fund
        # Only submitting needs every field; saving a draft (or adding a row) needs none.
        submitting = not self.is_bound or "submit" in self.data
        for name in REQUIRED_TO_SUBMIT:
            self.fields[name].required = submitting
            self.fields[name].needed_to_submit = True  # the label never says "optional"
        # The stored IBAN is never sent back to the browser, only shown masked.
        self.stored_iban = self.instance.iban
        if self.stored_iban:
            self.initial["iban"] = ""
            self.fields["iban"].help_text = _(
                "Gespeichert: %(iban)s. Leer lassen, um sie zu behalten."
            ) % {"iban": self.instance.iban_masked}
        self.fields["self_check"].choices = [(c, c) for c in fund.criteria_list]
        self.fields["self_check"].initial = self.instance.self_check or []
        from portal.taxonomy.models import FieldOfAction

        self.fields["field_of_action"].queryset = FieldOfAction.objects.filter(
            pk__in=[field.pk for field in fields_for_active_locale()]
        )
        if self.instance.state == Application.State.QUESTION:
            self.fields["answer"].initial = self.instance.answer
            self.order_fields(["answer"])  # first, right below the question
        else:
            del self.fields["answer"]
        if not assisted:
            self.fields["email"].help_text = _("Leer: die E-Mail-Adresse Ihres Kontos.")

    def clean_iban(self):
        value = self.cleaned_data.get("iban", "")
        return compact(value) if value else self.stored_iban

    def clean(self):
        data = super().clean()
        if data.get("iban") and not data.get("account_holder"):
            self.add_error("account_holder", _("Bitte nennen Sie, wem das Konto gehört."))
        if "answer" in self.fields and "submit" in self.data and not data.get("answer", "").strip():
            self.add_error("answer", _("Bitte beantworten Sie die Rückfrage des Stadtteilbüros."))
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Das Ende liegt vor dem Beginn."))
        return data


class CostForm(CleanTextMixin, forms.Form):
    clean_text_fields = ("description",)
    cost_type = forms.ChoiceField(label=_("Kostenart"))
    description = forms.CharField(label=_("Wofür?"), max_length=200)
    amount = MoneyField(label=_("Betrag (Euro)"), min_value=Decimal("0.01"))

    def __init__(self, *args, fund=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cost_type"].choices = fund.cost_type_choices() if fund else []

    def has_changed(self):
        """A row with only the (preselected) cost type is an empty row."""
        return any(name in self.changed_data for name in ("description", "amount"))


class IncomeForm(CleanTextMixin, forms.Form):
    clean_text_fields = ("source",)
    source = forms.CharField(
        label=_("Woher? (Spenden, Eintritt, andere Förderung)"), max_length=200
    )
    amount = MoneyField(label=_("Betrag (Euro)"), min_value=Decimal("0.01"))


CostFormSet = forms.formset_factory(CostForm, extra=0, min_num=1, max_num=30)
IncomeFormSet = forms.formset_factory(IncomeForm, extra=0, max_num=20)


class CheckForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Ergebnis der formalen Prüfung"),
        widget=forms.RadioSelect,
        choices=CheckOutcome.choices,
    )
    text = forms.CharField(
        label=_("Rückfrage oder Begründung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
    )


class DecisionForm(forms.Form):
    amount = MoneyField(label=_("Bewilligter Betrag (Euro)"), min_value=Decimal("0.01"))
    conditions = forms.CharField(
        label=_("Auflagen"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    yes = forms.IntegerField(label=_("Ja"), min_value=0, max_value=999)
    no = forms.IntegerField(label=_("Nein"), min_value=0, max_value=999)
    abstain = forms.IntegerField(label=_("Enthaltung"), min_value=0, max_value=999, initial=0)


class PaymentForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Art der Auszahlung"),
        choices=PaymentMode.choices,
        widget=forms.RadioSelect,
        initial=PaymentMode.ADVANCE,
    )
    amount = MoneyField(label=_("Betrag (Euro)"), min_value=Decimal("0.01"))
    note = forms.CharField(label=_("Vermerk"), required=False, max_length=300)


class ReceiptForm(HoldingFormMixin, forms.Form):
    upload_policies = {"file": RECEIPT}
    date = forms.DateField(label=_("Datum"), widget=DateInput())
    vendor = forms.CharField(label=_("Wo gekauft / wer bezahlt?"), max_length=200)
    amount = MoneyField(label=_("Betrag (Euro)"), min_value=Decimal("0.01"))
    cost_type = forms.ChoiceField(label=_("Kostenart"))
    file = forms.FileField(
        label=_("Beleg (Foto oder PDF)"),
        widget=HeldFileInput(attrs={"accept": accept(RECEIPT)}),
        help_text=_("PDF, JPEG, PNG oder WebP, höchstens 10 MB."),
    )

    def __init__(self, *args, fund=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cost_type"].choices = fund.cost_type_choices() if fund else []

    def clean_file(self):
        return check_field(self.cleaned_data.get("file"), RECEIPT)


ReceiptFormSet = forms.formset_factory(ReceiptForm, extra=0, min_num=1, max_num=50)


class SettlementForm(HoldingFormMixin, forms.Form):
    upload_policies = {"photo": IMAGE}
    report = forms.CharField(
        label=_("Kurzbericht: Wie ist die Aktion gelaufen?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    photo = forms.ImageField(
        label=_("Foto (optional)"),
        required=False,
        widget=HeldFileInput(attrs={"accept": accept(IMAGE)}),
        help_text=_("JPEG, PNG oder WebP, höchstens 5 MB."),
    )
    photo_alt = forms.CharField(label=_("Was zeigt das Foto?"), required=False, max_length=250)

    def clean_photo(self):
        return check_field(self.cleaned_data.get("photo"), IMAGE)

    def clean(self):
        data = super().clean()
        if data.get("photo") and not data.get("photo_alt"):
            self.add_error("photo_alt", _("Bitte beschreiben Sie, was das Foto zeigt."))
        return data


class CirculationForm(forms.Form):
    amount = MoneyField(
        label=_("Betrag, über den abgestimmt wird (Euro)"), min_value=Decimal("0.01")
    )
    conditions = forms.CharField(
        label=_("Auflagen"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    deadline = forms.DateTimeField(label=_("Frist"), widget=DateTimeInput())


class DeadlineForm(CleanTextMixin, forms.Form):
    clean_multiline_fields = ("reason",)
    until = forms.DateField(label=_("Neue Frist für die Abrechnung"), widget=DateInput())
    reason = forms.CharField(
        label=_("Grund (geht an die Antragstellenden)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReceiptCheckForm(CleanTextMixin, forms.Form):
    clean_text_fields = ("reason",)
    status = forms.ChoiceField(
        label=_("Prüfung des Belegs"),
        widget=forms.RadioSelect,
        choices=[
            ("accepted", _("anerkennen")),
            ("reduced", _("kürzen")),
            ("refused", _("nicht anerkennen")),
        ],
    )
    amount = MoneyField(
        label=_("Anerkannter Betrag bei Kürzung (Euro)"), required=False, min_value=Decimal("0.01")
    )
    reason = forms.CharField(
        label=_("Begründung (bei Kürzung oder Ablehnung)"), required=False, max_length=500
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == "reduced" and data.get("amount") is None:
            self.add_error("amount", _("Bitte geben Sie den anerkannten Betrag an."))
        if data.get("status") in ("reduced", "refused") and not data.get("reason", "").strip():
            self.add_error("reason", _("Bitte begründen Sie die Kürzung oder Ablehnung."))
        return data


class MissingReceiptForm(CleanTextMixin, forms.Form):
    clean_multiline_fields = ("text",)
    text = forms.CharField(
        label=_("Welcher Beleg fehlt?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    until = forms.DateField(label=_("Nachreichen bis"), widget=DateInput())


class CloseSettlementForm(forms.Form):
    actual_income = MoneyField(
        label=_("Tatsächliche Einnahmen der Aktion (Euro)"),
        required=False,
        min_value=Decimal("0"),
        help_text=_("Spenden, Eintritt, andere Förderung; leer: keine."),
    )
    apply_flat_rate = forms.BooleanField(
        label=_("Pauschale auf die anerkannten Belege anwenden"), required=False
    )
