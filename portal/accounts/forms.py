from django import forms
from django.utils.translation import gettext_lazy as _


class DeletionRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Anmerkung (freiwillig)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Zum Beispiel, ob wir Ihnen die Löschung bestätigen sollen."),
    )
    confirm = forms.BooleanField(
        label=_("Ich möchte, dass mein Konto und meine Daten gelöscht werden."),
        required=True,
        error_messages={"required": _("Bitte bestätigen Sie, dass Sie die Löschung wünschen.")},
    )


class AccountDeletionForm(forms.Form):
    """The resident deletes their own account (DSGVO Art. 17); re-authentication comes first."""

    confirm = forms.BooleanField(
        label=_("Ich möchte mein Konto jetzt endgültig löschen."),
        required=True,
        help_text=_("Das lässt sich nicht rückgängig machen."),
        error_messages={"required": _("Bitte bestätigen Sie, dass Sie Ihr Konto löschen möchten.")},
    )
