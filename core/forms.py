"""Form pieces every app uses: the browser's own date and date-time pickers."""

from django import forms
from django.utils import timezone


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
