from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.text import clean_text

from .models import DISPLAY_NAME_MAX_LENGTH


def clean_display_name(value):
    """A name others may read: no invisible characters, not an e-mail address."""
    value = clean_text(value or "").strip()
    if "@" in value:
        raise ValidationError(
            _(
                "Bitte wählen Sie einen Namen ohne „@“: Ihre E-Mail-Adresse wird nie "
                "öffentlich gezeigt."
            )
        )
    if len(value) < 2:
        raise ValidationError(_("Bitte geben Sie mindestens zwei Zeichen ein."))
    return value


def display_name_field():
    return forms.CharField(
        label=_("Anzeigename"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        help_text=_(
            "Öffentlich sichtbar bei Ihren Vorschlägen und Kommentaren. Es muss nicht Ihr "
            "echter Name sein, z. B. „Anna aus der Gerberstraße“."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )


class SignupExtraForm(forms.Form):
    """allauth's sign-up (ACCOUNT_SIGNUP_FORM_CLASS): residents choose how they are shown."""

    display_name = display_name_field()

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data.get("display_name"))

    def signup(self, request, user):
        # The adapter's save_user has stored it already (one write); this is the fallback.
        if user.display_name != self.cleaned_data["display_name"]:
            user.display_name = self.cleaned_data["display_name"]
            user.save(update_fields=["display_name"])


class DisplayNameForm(forms.Form):
    """The account page: change the display name."""

    display_name = display_name_field()

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data.get("display_name"))


class AccountDeletionForm(forms.Form):
    """The resident deletes their own account (DSGVO Art. 17); re-authentication comes first."""

    confirm = forms.BooleanField(
        label=_("Ich möchte mein Konto jetzt endgültig löschen"),
        required=True,
        error_messages={"required": _("Bitte bestätigen Sie, dass Sie Ihr Konto löschen möchten.")},
    )
