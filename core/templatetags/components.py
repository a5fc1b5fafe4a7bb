"""Tags and filters of the KERN template components in templates/components/.

`{% load components %}` in a component or a page. The components themselves:
form_fields / form_field (a whole form or one field, with hint, error and the ARIA links),
choice_group (checkboxes or radio buttons as a fieldset with a legend), table (a data
table with caption, header row and numeric columns), action_button (a POST button in its
own form, for one action on one object), alert, pagination and the filter pieces.
"""

from django import forms, template

register = template.Library()

CHOICE_GROUPS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


@register.filter
def widget_type(bound_field):
    """What kind of field the form_field component renders: "choicegroup" for checkboxes or
    radio buttons with several options (their widgets claim input_type "checkbox" or
    "radio", so they are recognised by class first), "checkbox" for one box, else the
    input type or the widget's class name."""
    widget = bound_field.field.widget
    if isinstance(widget, CHOICE_GROUPS):
        return "choicegroup"
    return getattr(widget, "input_type", None) or widget.__class__.__name__.lower()


def _describedby(bound_field):
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}-error")
    return " ".join(ids)


@register.filter
def kern_widget(bound_field, extra_class=""):
    """Render a form widget with KERN classes and the ARIA links to hint and error."""
    widget = bound_field.field.widget
    input_type = getattr(widget, "input_type", "")
    if input_type in {"checkbox", "radio"}:
        css = "kern-form-check__checkbox" if input_type == "checkbox" else "kern-form-check__radio"
    elif widget.__class__.__name__ in {"Select", "SelectMultiple"}:
        css = "kern-form-input__select"
    else:
        css = "kern-form-input__input"
    if bound_field.errors:
        css += f" {css}--error"
    attrs = {"class": f"{css} {extra_class}".strip()}
    describedby = _describedby(bound_field)
    if describedby:
        attrs["aria-describedby"] = describedby
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag
def choice_input(bound_field, choice):
    """One option of a choice group: its input with KERN's class and, when the group has a
    hint or an error, the ARIA link to it."""
    widget = bound_field.field.widget
    kind = "checkbox" if isinstance(widget, forms.CheckboxSelectMultiple) else "radio"
    attrs = dict(choice.data["attrs"])
    attrs["class"] = f"kern-form-check__{kind}" + (
        f" kern-form-check__{kind}--error" if bound_field.errors else ""
    )
    describedby = _describedby(bound_field)
    if describedby:
        attrs["aria-describedby"] = describedby
    choice.data["attrs"] = attrs
    return choice.tag()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
