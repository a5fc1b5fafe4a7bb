"""Self-declaration of residence: a street from the office's list, nothing more."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Street


class DeclarationForm(forms.Form):
    street = forms.ModelChoiceField(
        label=_("Straße, in der Sie wohnen"),
        queryset=Street.objects.all(),
        empty_label=_("Bitte wählen"),
        help_text=_("Wir speichern nur die Straße, keine Hausnummer und keine Ausweisdaten."),
    )
    age_16 = forms.BooleanField(label=_("Ich bin mindestens 16 Jahre alt."), required=False)
    confirm = forms.BooleanField(
        label=_("Ich erkläre, dass ich im Gebiet wohne. Meine Angabe ist wahr."),
        required=True,
        error_messages={"required": _("Bitte bestätigen Sie Ihre Erklärung.")},
    )

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        if process.require_age_16:
            self.fields["age_16"].required = True
            self.fields["age_16"].error_messages["required"] = _(
                "In diesem Verfahren können Personen ab 16 Jahren abstimmen."
            )
        else:
            del self.fields["age_16"]
