from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


def add_honeypot(form):
    """A field people never see or fill; bots usually do."""
    form.fields[HONEYPOT_FIELD] = forms.CharField(required=False, label=_("Website"))
    return form


def is_spam(form):
    return bool(form.data.get(HONEYPOT_FIELD))


class AccessibilityFeedbackForm(forms.Form):
    page_url = forms.CharField(
        label=_("Auf welcher Seite ist die Barriere?"),
        required=False,
        max_length=500,
        help_text=_("Adresse oder Name der Seite"),
    )
    message = forms.CharField(
        label=_("Was funktioniert nicht?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    name = forms.CharField(label=_("Ihr Name"), required=False, max_length=120)
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        required=False,
        help_text=_("Nur nötig, wenn Sie eine Antwort möchten."),
    )
    consent = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass das Stadtteilbüro meine Angaben zur Bearbeitung speichert."
        ),
        required=True,
        error_messages={
            "required": _("Ohne Ihre Einwilligung können wir die Meldung nicht speichern.")
        },
    )
