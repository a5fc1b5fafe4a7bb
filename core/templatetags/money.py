"""`{% load money %}`: `{{ amount|money }}` and `{{ count|number }}` in the active language."""

from django import template

from core import formats

register = template.Library()


@register.filter
def money(value):
    """An amount in euros as the visitor's language writes it ("1.260,00 €", "€1,260.00")."""
    return formats.money(value)


@register.filter
def number(value, decimals=None):
    """A number with the language's separators; `|number:2` fixes two decimal places."""
    return formats.number(value, None if decimals in (None, "") else int(decimals))
