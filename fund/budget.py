"""How big a fund is: rules seen in practice, as pure functions (euros as Decimal)."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class BudgetRule(models.TextChoices):
    SMALL = (
        "per_resident_small",
        _("0,50 € je Bewohner*in, mindestens 2.000 € unter 5.000 Bewohner*innen"),
    )
    PROJECT = "per_resident_project", _("2 € je Bewohner*in, mindestens 5.000 € (Projektfonds)")
    FIXED = "fixed", _("fester Betrag")


SMALL = BudgetRule.SMALL
PROJECT = BudgetRule.PROJECT
FIXED = BudgetRule.FIXED
RULES = BudgetRule.choices


def cents(value):
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def budget_for(rule, residents, fixed=None):
    residents = int(residents or 0)
    if rule == SMALL:
        amount = Decimal("0.50") * residents
        if residents < 5000:
            amount = max(amount, Decimal("2000"))
        return cents(amount)
    if rule == PROJECT:
        return cents(max(Decimal("2") * residents, Decimal("5000")))
    return cents(fixed or 0)
