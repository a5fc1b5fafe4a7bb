"""Form pieces every app uses: the browser's own date and date-time pickers, titles and
names without hidden characters, and a file input for private files."""

import os

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .text import clean_text


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def format_value(self, value):
        if value and not isinstance(value, str):
            # A bound field's value is already naive local time (DateTimeField.prepare_value);
            # only an aware value from elsewhere still needs converting.
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return value.strftime("%Y-%m-%dT%H:%M")
        return value


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


class CleanTextMixin:
    """A form whose titles and names lose hidden characters before validation (see
    `core.text.clean_text`): bidi overrides, invisible zero-width characters, control
    characters, in one-line fields also line breaks. A title of nothing but such characters
    is then empty and refused like an empty one.

    Name the fields: `clean_text_fields` (one line: titles, names, places) and
    `clean_multiline_fields` (descriptions, comments: line breaks kept)."""

    clean_text_fields = ()
    clean_multiline_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for names, multiline in (
            (self.clean_text_fields, False),
            (self.clean_multiline_fields, True),
        ):
            for name in names:
                if name in self.fields:
                    _clean_before(self.fields[name], multiline)


def _clean_before(field, multiline):
    """Run `clean_text` on the typed value before the field's own conversion (the form's
    fields are copies per form, so this changes only this form's field)."""
    convert = field.to_python

    def to_python(value):
        return convert(clean_text(value, multiline=multiline))

    field.to_python = to_python


class PrivateFileInput(forms.ClearableFileInput):
    """A file input that shows the current file even when it has no URL.

    Django's ClearableFileInput shows "currently: … / clear" only for files with a URL;
    private files (core.files.PrivateStorage) have none. This widget names the current file
    (`file_name`, else the stored name's last part), links it to `download_url` (the app's
    download view, which checks permissions) when given, and keeps the clear checkbox for
    optional fields. The form sets both for its instance: `widget.show(url, name)`.
    """

    template_name = "core/widgets/private_file_input.html"
    initial_text = _("Aktuelle Datei")
    input_text = _("Durch eine andere Datei ersetzen")
    clear_checkbox_label = _("Datei entfernen")

    def __init__(self, attrs=None, download_url=None, file_name=None):
        super().__init__(attrs)
        self.download_url = download_url
        self.file_name = file_name

    def show(self, download_url, file_name=None):
        self.download_url = download_url
        self.file_name = file_name

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))

    def clear_checkbox_id(self, name):
        return f"id_{name}"  # not Django's "…-clear_id"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.is_initial(value):
            context["widget"]["download_url"] = self.download_url
            context["widget"]["file_name"] = self.file_name or os.path.basename(value.name)
        return context


class _LocalLimitMixin:
    """Writes the limit of a value validator in the reader's language ("0,01 €")."""

    formatter = None

    def __call__(self, value):
        cleaned = self.clean(value)
        limit = self.limit_value() if callable(self.limit_value) else self.limit_value
        if self.compare(cleaned, limit):
            params = {"limit_value": self.formatter(limit), "show_value": cleaned, "value": value}
            raise forms.ValidationError(self.message, code=self.code, params=params)


class MoneyField(forms.DecimalField):
    """An amount in euros as people write it in their language: "1.260,50" in German,
    "1,260.50" in English (the sign and spaces are ignored); limits in error messages are
    written the same way."""

    def __init__(self, *, max_digits=8, decimal_places=2, **kwargs):
        from django.core import validators

        from .formats import money

        kwargs.setdefault("localize", True)
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")
        replaced = []
        for validator in self.validators:
            for base in (validators.MinValueValidator, validators.MaxValueValidator):
                if type(validator) is base:
                    local = type("Local" + base.__name__, (_LocalLimitMixin, base), {})
                    local.formatter = staticmethod(money)
                    validator = local(validator.limit_value, message=validator.message)
            replaced.append(validator)
        self.validators = replaced

    def prepare_value(self, value):
        from decimal import Decimal

        from .formats import number

        if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
            return number(value, self.decimal_places)
        return super().prepare_value(value)

    def to_python(self, value):
        if isinstance(value, str):
            from django.utils.formats import get_format

            value = "".join(value.replace("€", "").split())
            thousands = get_format("THOUSAND_SEPARATOR").strip()
            decimal = get_format("DECIMAL_SEPARATOR")
            if thousands and thousands != decimal:
                value = value.replace(thousands, "")
            value = value.replace(decimal, ".")
        return super().to_python(value)
