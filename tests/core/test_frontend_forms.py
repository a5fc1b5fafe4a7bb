"""Every multiple-choice field, every checkbox with a hint and every file field of the front
end renders through the components: a fieldset with a legend and one label per option, hints
under the label (never in the 32 px column of the box), and the held-file widget instead of
Django's raw "Derzeit: … Zurücksetzen"."""

import importlib
import inspect
import re

import pytest
from django import forms
from django.template.loader import render_to_string

from core.holding import HeldFileInput

pytestmark = pytest.mark.django_db

FRONT_END_FORM_MODULES = [
    "participation.forms",
    "participation.voting.forms",
    "fund.forms",
    "intranet.forms",
    "portal.contact.forms",
    "portal.accounts.forms",
    "core.notifications.views",
]
CHOICE_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


def front_end_fields():
    found = []
    for module_name in FRONT_END_FORM_MODULES:
        module = importlib.import_module(module_name)
        for name, cls in vars(module).items():
            if not (inspect.isclass(cls) and issubclass(cls, forms.BaseForm)):
                continue
            if cls.__module__ != module.__name__:
                continue
            for field_name, field in cls.base_fields.items():
                found.append((f"{module_name}.{name}.{field_name}", field))
    return found


FIELDS = front_end_fields()
CHOICE_FIELDS = [(n, f) for n, f in FIELDS if isinstance(f.widget, CHOICE_WIDGETS)]
HINTED_BOXES = [
    (n, f)
    for n, f in FIELDS
    if isinstance(f.widget, forms.CheckboxInput) and not isinstance(f.widget, CHOICE_WIDGETS)
]
FILE_FIELDS = [(n, f) for n, f in FIELDS if isinstance(f, forms.FileField)]


def test_the_search_found_the_known_fields():
    names = {name for name, _field in FIELDS}
    assert "fund.forms.ApplicationForm.self_check" in {n for n, _f in CHOICE_FIELDS}
    assert "intranet.forms.AgendaItemForm.documents" in {n for n, _f in CHOICE_FIELDS}
    assert "fund.forms.ApplicationForm.consent_name" in {n for n, _f in HINTED_BOXES}
    assert "participation.forms.ProposalForm.image" in {n for n, _f in FILE_FIELDS}
    assert len(names) > 60


def render(field, name="feld", choices=None):
    """The field in a form of its own, bound with an error, through form_fields.html."""
    widget = type(field.widget)()
    if isinstance(field.widget, CHOICE_WIDGETS):
        kind = (
            forms.MultipleChoiceField
            if isinstance(field.widget, forms.CheckboxSelectMultiple)
            else forms.ChoiceField
        )
        copy = kind(
            label=field.label,
            help_text=field.help_text or "Ein Hinweis.",
            choices=choices or [("a", "Eine sehr lange Möglichkeit " * 3), ("b", "Zweite")],
            widget=widget,
            required=True,
        )
    else:
        copy = forms.BooleanField(
            label=field.label, help_text=field.help_text or "Ein Hinweis.", required=True
        )
    form_class = type("OneField", (forms.Form,), {name: copy})
    form = form_class({})
    form.is_valid()
    return render_to_string("components/form_fields.html", {"form": form, "honeypot_field": ""})


@pytest.mark.parametrize("name,field", CHOICE_FIELDS, ids=[n for n, _f in CHOICE_FIELDS])
def test_every_multiple_choice_field_is_a_fieldset_with_one_label_per_option(name, field):
    html = render(field)
    fieldset = re.search(
        r'<fieldset class="kern-fieldset choice-group[^"]*"[^>]*>(.*)</fieldset>', html, re.S
    )
    assert fieldset, html
    body = fieldset.group(1)
    legend = re.search(r"<legend[^>]*>(.*?)</legend>", body, re.S)
    assert legend and str(field.label) in legend.group(1)
    assert body.index("kern-hint") > body.index("</legend>")  # the hint below the legend
    assert body.index("kern-hint") < body.index("kern-fieldset__body")
    inputs = re.findall(r'<input[^>]*\sid="([^"]+)"', body)
    labels = re.findall(r'<label class="kern-label" for="([^"]+)"', body)
    assert len(inputs) == 2 and inputs == labels  # each option its own input and label
    assert body.count('class="kern-form-check"') == 2
    kind = "checkbox" if isinstance(field.widget, forms.CheckboxSelectMultiple) else "radio"
    assert f"kern-form-check__{kind}" in body
    assert 'aria-describedby="id_feld-hint id_feld-error"' in body


@pytest.mark.parametrize("name,field", HINTED_BOXES, ids=[n for n, _f in HINTED_BOXES])
def test_every_single_checkbox_has_its_hint_under_its_label(name, field):
    html = render(field)
    check = re.search(r'<div class="kern-form-check[^"]*">(.*?)</div>\s*</div>', html, re.S)
    assert check, html
    body = check.group(1)
    assert body.index("<input") < body.index("<label") < body.index("form-check__messages")
    messages = body[body.index("form-check__messages") :]
    assert "kern-hint" in messages and "kern-error" in messages


@pytest.mark.parametrize("name,field", FILE_FIELDS, ids=[n for n, _f in FILE_FIELDS])
def test_no_front_end_file_field_uses_djangos_raw_widget(name, field):
    widget = field.widget
    assert isinstance(widget, HeldFileInput) or getattr(widget, "allow_multiple_selected", False)
    assert widget.template_name != "django/forms/widgets/clearable_file_input.html"
