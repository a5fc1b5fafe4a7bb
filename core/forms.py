"""Form pieces every app uses: the browser's own date and date-time pickers, and a file
input for private files."""

import os

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.is_initial(value):
            context["widget"]["download_url"] = self.download_url
            context["widget"]["file_name"] = self.file_name or os.path.basename(value.name)
        return context
