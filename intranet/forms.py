"""Front-end forms of the intranet. Validation messages are translated; nothing typed is lost."""

import os

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin, DateInput, DateTimeInput
from core.holding import HeldFileInput, HoldingFormMixin, MultipleHeldFileInput
from core.uploads import DOCUMENT, accept, check_field, check_upload

from .models import ActionItem, AgendaItem, Circulation, Meeting, Membership
from .models.membership import Role


class MeetingForm(CleanTextMixin, forms.ModelForm):
    clean_text_fields = ("title", "place")
    online_link = forms.URLField(
        label=_("Link zur Online-Sitzung"), required=False, assume_scheme="https"
    )

    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "ends_at", "place", "online_link", "public"]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("Das Ende muss nach dem Beginn liegen."))
        return data


class AgendaItemForm(CleanTextMixin, forms.ModelForm):
    clean_text_fields = ("title",)
    clean_multiline_fields = ("description",)

    class Meta:
        model = AgendaItem
        fields = ["title", "description", "public", "documents"]
        widgets = {"documents": forms.CheckboxSelectMultiple}

    def __init__(self, *args, documents=None, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting is not None and not self.instance.pk:
            # A new item is public when its meeting is.
            self.initial["public"] = meeting.public
        self.fields["documents"].queryset = documents
        self.fields["documents"].required = False
        self.fields["documents"].help_text = _("Unterlagen aus den Dokumenten des Arbeitsbereichs.")


class AgendaItemEditForm(CleanTextMixin, forms.ModelForm):
    """An agenda item's title, explanation and public flag (its documents stay as they are)."""

    clean_text_fields = ("title",)
    clean_multiline_fields = ("description",)

    class Meta:
        model = AgendaItem
        fields = ["title", "description", "public"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ItemMinutesForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["summary", "public_summary"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "public_summary": forms.Textarea(attrs={"rows": 3}),
        }


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("Beschluss"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    yes = forms.IntegerField(label=_("Ja"), min_value=0, max_value=999)
    no = forms.IntegerField(label=_("Nein"), min_value=0, max_value=999)
    abstain = forms.IntegerField(label=_("Enthaltung"), min_value=0, max_value=999, initial=0)


class ActionItemForm(CleanTextMixin, forms.ModelForm):
    clean_text_fields = ("title",)

    class Meta:
        model = ActionItem
        fields = ["title", "assignee", "due"]
        widgets = {"due": DateInput()}

    def __init__(self, *args, members=(), **kwargs):
        """`members`: the people who may take the task (already loaded, so that a page with
        one form per agenda item does not query them once per form)."""
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        field = self.fields["assignee"]
        field.queryset = get_user_model().objects.filter(pk__in=[user.pk for user in members])
        field.required = True
        field.choices = [("", field.empty_label)] + [
            (user.pk, user.get_full_name() or user.email) for user in members
        ]


class MembershipForm(forms.ModelForm):
    email = forms.EmailField(
        label=_("E-Mail-Adresse des Kontos"),
        help_text=_("Die Person braucht ein Konto im Portal."),
    )

    class Meta:
        model = Membership
        fields = ["role", "voting", "resident", "editor", "start", "end", "public_name"]
        widgets = {"start": DateInput(), "end": DateInput()}

    def __init__(self, *args, workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        if self.instance.pk:
            del self.fields["email"]

    def clean(self):
        data = super().clean()
        if data.get("role") == Role.GUEST and data.get("voting"):
            self.add_error("voting", _("Gäste haben kein Stimmrecht."))
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Das Ende der Mitgliedschaft liegt vor ihrem Beginn."))
        email = data.get("email")
        if email:
            from django.contrib.auth import get_user_model

            person = get_user_model().objects.filter(email__iexact=email).first()
            if person is None:
                self.add_error("email", _("Zu dieser E-Mail-Adresse gibt es kein Konto."))
            elif Membership.objects.active().filter(workspace=self.workspace, user=person).exists():
                self.add_error("email", _("Diese Person ist bereits Mitglied."))
            else:
                self.instance.user = person
        return data


class CirculationForm(CleanTextMixin, forms.ModelForm):
    clean_text_fields = ("title",)
    clean_multiline_fields = ("text",)

    class Meta:
        model = Circulation
        fields = ["title", "text", "deadline"]
        widgets = {"deadline": DateTimeInput(), "text": forms.Textarea(attrs={"rows": 5})}


class CommentForm(CleanTextMixin, forms.Form):
    clean_multiline_fields = ("text",)
    text = forms.CharField(
        label=_("Anmerkung zum Entwurf"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class MultipleFileField(forms.FileField):
    """Several files; each goes through the upload check, and every refused file is named."""

    def __init__(self, *args, policy=DOCUMENT, **kwargs):
        kwargs.setdefault("widget", MultipleHeldFileInput(attrs={"accept": accept(policy)}))
        self.policy = policy
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        items = list(data) if isinstance(data, list | tuple) else ([data] if data else [])
        if not items:
            return [single(None, initial)] if self.required else []
        checked, errors = [], []
        for item in items:
            name = os.path.basename(str(getattr(item, "name", "")))
            try:
                checked.append(check_upload(single(item, initial), self.policy))
            except ValidationError as refused:
                errors += [
                    ValidationError(
                        _("„%(name)s“: %(reason)s"), params={"name": name, "reason": message}
                    )
                    for message in refused.messages
                ]
        # The files that passed, also when another one was refused: the form holds them.
        self.last_checked = checked
        if errors:
            raise ValidationError(errors)
        return checked


class UploadForm(HoldingFormMixin, forms.Form):
    upload_policies = {"files": DOCUMENT}
    files = MultipleFileField(
        label=_("Dateien"),
        help_text=_(
            "Mehrere Dateien auf einmal möglich; PDF, Office-Dokumente, Bilder, Text; "
            "höchstens 25 MB je Datei."
        ),
    )
    folder = forms.ModelChoiceField(label=_("Ordner"), queryset=None, empty_label=None)

    def __init__(self, *args, folders=(), **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Collection

        self.fields["folder"].queryset = Collection.objects.filter(pk__in=[f.pk for f in folders])
        self.fields["folder"].label_from_instance = lambda c: (
            "– " * (c.depth - folders[0].depth) + c.name
        )


class VersionForm(HoldingFormMixin, CleanTextMixin, forms.Form):
    upload_policies = {"file": DOCUMENT}
    clean_text_fields = ("note",)
    file = forms.FileField(
        label=_("Neue Fassung"),
        widget=HeldFileInput(attrs={"accept": accept(DOCUMENT)}),
    )
    note = forms.CharField(label=_("Was hat sich geändert?"), max_length=300, required=False)

    def clean_file(self):
        return check_field(self.cleaned_data.get("file"), DOCUMENT)


class FolderForm(CleanTextMixin, forms.Form):
    clean_text_fields = ("name",)
    name = forms.CharField(label=_("Name des neuen Ordners"), max_length=255)
    parent = forms.ModelChoiceField(label=_("in Ordner"), queryset=None, empty_label=None)

    def __init__(self, *args, folders=(), **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Collection

        self.fields["parent"].queryset = Collection.objects.filter(pk__in=[f.pk for f in folders])
        self.fields["parent"].label_from_instance = lambda c: (
            "– " * (c.depth - folders[0].depth) + c.name
        )
