"""Page forms in the admin that offer only what belongs to the page's own language.

A translatable snippet (a field of action, for example) exists once per language; a German
page chooses among the German ones, an English translation among the English ones. Choice
fields and chooser widgets of the form are limited to the edited page's locale.
"""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.models import TranslatableMixin


def limit_to_locale(form, locale):
    """Limit every choice of a translatable model in `form` to `locale`."""
    if locale is None:
        return
    for field in form.fields.values():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        model = field.queryset.model
        if not issubclass(model, TranslatableMixin):
            continue
        field.queryset = field.queryset.filter(locale=locale)
        widget = field.widget
        if hasattr(widget, "get_chooser_modal_url"):
            url = widget.get_chooser_modal_url()
            separator = "&" if "?" in url else "?"
            chooser_url = f"{url}{separator}locale={locale.language_code}"
            widget.get_chooser_modal_url = lambda chooser_url=chooser_url: chooser_url


class LocaleLimitMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = None
        if self.instance.locale_id:
            locale = self.instance.locale
        elif self.parent_page is not None:
            locale = self.parent_page.locale
        limit_to_locale(self, locale)


class LocalePageForm(LocaleLimitMixin, WagtailAdminPageForm):
    pass


class LocaleFormPageForm(LocaleLimitMixin, WagtailAdminFormPageForm):
    """For form pages (the contact form), which check their fields' names too."""
