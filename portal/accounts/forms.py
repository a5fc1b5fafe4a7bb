from django import forms
from django.utils.translation import gettext_lazy as _


class AccountDeletionForm(forms.Form):
    """The resident deletes their own account (DSGVO Art. 17); re-authentication comes first."""

    confirm = forms.BooleanField(
        label=_("Ich möchte mein Konto jetzt endgültig löschen"),
        required=True,
        error_messages={"required": _("Bitte bestätigen Sie, dass Sie Ihr Konto löschen möchten.")},
    )
