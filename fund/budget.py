"""How big a fund is: rules seen in practice, as pure functions (euros as Decimal)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

SMALL = "per_resident_small"
PROJECT = "per_resident_project"
FIXED = "fixed"
RULES = [
    (SMALL, _("0,50 € je Bewohner*in, mindestens 2.000 € unter 5.000 Bewohner*innen")),
    (PROJECT, _("2 € je Bewohner*in, mindestens 5.000 € (Projektfonds)")),
    (FIXED, _("fester Betrag")),
]


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
