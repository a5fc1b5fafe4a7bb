"""Money and numbers in the reader's language: in pages, messages, forms and e-mails."""

from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from core.formats import money, number
from core.forms import MoneyField

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("de", f"1.260,00{NBSP}€"),
        ("de-ls", f"1.260,00{NBSP}€"),
        ("en", "€1,260.00"),
        ("tr", "€1.260,00"),
        ("ru", f"1{NBSP}260,00{NBSP}€"),
        ("uk", f"1{NBSP}260,00{NBSP}€"),
        # Django's Arabic formats: decimal comma, no grouping; isolated in RTL text
        ("ar", f"\u20661260,00{NBSP}€\u2069"),
    ],
)
def test_money_per_language(code, expected):
    assert money(Decimal("1260"), code) == expected


def test_money_uses_the_active_language_and_handles_negatives_and_empty():
    with translation.override("en"):
        assert money("-5.5") == "−€5.50"
        assert number(1234567) == "1,234,567"
    with translation.override("de"):
        assert money(Decimal("0.01")) == f"0,01{NBSP}€"
    assert money(None) == "" and money("") == ""


@pytest.mark.parametrize("code", ["de", "en", "ar"])
def test_money_filter_in_templates(code):
    with translation.override(code):
        rendered = Template("{% load money %}{{ x|money }}").render(Context({"x": 1260}))
    assert rendered == money(1260, code)


class AmountForm(forms.Form):
    amount = MoneyField(min_value=Decimal("0.01"), max_value=Decimal("1500"))


@pytest.mark.parametrize(
    ("code", "typed"),
    [("de", "1.260,50"), ("de", "1260,50 €"), ("en", "1,260.50"), ("en", "€1,260.50")],
)
def test_money_field_reads_amounts_as_people_write_them(code, typed):
    with translation.override(code):
        form = AmountForm({"amount": typed})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == Decimal("1260.50")


@pytest.mark.parametrize("code", ["de", "en"])
def test_money_field_writes_its_limits_in_the_language(code):
    with translation.override(code):
        form = AmountForm({"amount": "2000"})
        assert not form.is_valid()
        message = form.errors["amount"][0]
        assert money(1500, code) in message
        assert "1500" not in message.replace(money(1500, code), "")
        form = AmountForm({"amount": "0"})
        assert not form.is_valid()
        assert money(Decimal("0.01"), code) in form.errors["amount"][0]


def test_money_field_renders_localised_value_for_typing():
    with translation.override("de"):
        html = str(AmountForm(initial={"amount": Decimal("1260.5")})["amount"])
    assert 'value="1260,50"' in html or 'value="1.260,50"' in html
    assert 'inputmode="decimal"' in html
