from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin, MoneyField
from core.holding import HeldFileInput, HoldingFormMixin
from core.uploads import ATTACHMENT, IMAGE, accept, check_field
from portal.taxonomy.selectors import fields_for_active_locale

from .models import Proposal

PROPOSAL_FIELDS = [
    "title",
    "description",
    "field_of_action",
    "place",
    "requested_budget",
    "image",
    "image_alt",
    "attachment",
    "language",
]


class ProposalForm(HoldingFormMixin, CleanTextMixin, forms.ModelForm):
    upload_policies = {"image": IMAGE, "attachment": ATTACHMENT}
    clean_text_fields = ("title", "place", "image_alt")
    clean_multiline_fields = ("description",)
    client_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Proposal
        fields = PROPOSAL_FIELDS
        field_classes = {"requested_budget": MoneyField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "image": HeldFileInput,
            "attachment": HeldFileInput,
        }
        help_texts = {
            "description": _("Was möchten Sie erreichen, und wem nützt es?"),
            "place": _("Zum Beispiel eine Straße, ein Platz oder ein Haus."),
            "image_alt": _("Nötig, wenn Sie ein Bild hochladen."),
        }

    def __init__(self, *args, process=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["field_of_action"]
        choices = fields_for_active_locale()
        field.queryset = field.queryset.filter(pk__in=[f.pk for f in choices])
        field.label_from_instance = lambda obj: obj.name
        self.fields["language"] = forms.ChoiceField(
            label=_("Sprache des Textes"), choices=settings.LANGUAGES, initial="de"
        )
        self.fields["image"].widget.attrs["accept"] = accept(IMAGE)
        self.fields["attachment"].widget.attrs["accept"] = accept(ATTACHMENT)
        self.process = process
        self._link_current_files()
        if process and process.budget is None:
            del self.fields["requested_budget"]

    def _link_current_files(self):
        """Editing: name the current image and attachment and link them where the detail
        page does (public address once published, else the permission-checking view)."""
        proposal, process = self.instance, self.process
        if not proposal.pk or process is None or not process.url:
            return
        for field in ("image", "attachment"):
            if field not in self.fields or not getattr(proposal, field):
                continue
            # The image's stored name is random: it is offered as "Bild ansehen".
            name = proposal.attachment_filename if field == "attachment" else _("Bild ansehen")
            if getattr(proposal, f"{field}_is_public"):
                url = getattr(proposal, field).url
            else:
                url = process.url + process.reverse_subpage(field, args=[proposal.pk])
            self.fields[field].widget.show(url, name)

    def clean_image(self):
        return check_field(self.cleaned_data.get("image"), IMAGE)

    def clean_attachment(self):
        return check_field(self.cleaned_data.get("attachment"), ATTACHMENT)

    def clean(self):
        data = super().clean()
        if data.get("image") and not data.get("image_alt", "").strip():
            self.add_error("image_alt", _("Bitte beschreiben Sie kurz, was das Bild zeigt."))
        budget = data.get("requested_budget")
        limit = self.process.budget if self.process else None
        if budget is not None and limit is not None and budget > limit:
            self.add_error(
                "requested_budget", _("Das ist mehr als das Budget des ganzen Verfahrens.")
            )
        return data


class AssistedProposalForm(ProposalForm):
    """Staff enter a proposal for someone who came to the office or sent a paper form."""

    consent = forms.BooleanField(
        label=_("Die Person hat eingewilligt, dass wir ihren Vorschlag veröffentlichen."),
        required=True,
    )


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Öffentliche Antwort des Stadtteilbüros"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )


class CommentForm(CleanTextMixin, forms.Form):
    clean_multiline_fields = ("text",)
    text = forms.CharField(
        label=_("Ihr Kommentar"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    official = forms.BooleanField(
        label=_("Als offizielle Antwort des Stadtteilbüros kennzeichnen"), required=False
    )

    def __init__(self, *args, staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not staff:
            del self.fields["official"]


class ReportForm(CleanTextMixin, forms.Form):
    clean_multiline_fields = ("reason",)
    reason = forms.CharField(
        label=_("Warum melden Sie diesen Beitrag?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Zum Beispiel: beleidigend, Werbung, persönliche Daten anderer."),
    )


class TranslationForm(CleanTextMixin, forms.Form):
    clean_text_fields = ("title",)
    clean_multiline_fields = ("description",)
    language = forms.ChoiceField(label=_("Sprache der Übersetzung"))
    title = forms.CharField(label=_("Titel"), max_length=140)
    description = forms.CharField(
        label=_("Beschreibung"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, name) for code, name in settings.LANGUAGES if code != proposal.language
        ]
