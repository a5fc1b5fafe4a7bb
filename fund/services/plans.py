"""The cost plan: what an application asks for, and whether it adds up."""

from decimal import Decimal

from django.utils.translation import gettext as _

from core.formats import money

from ..budget import cents


def plan_total(fund, costs, income):
    """Requested amount from a cost plan: costs, plus the flat rate, minus income."""
    cost_sum = sum((Decimal(c["amount"]) for c in costs), Decimal("0"))
    income_sum = sum((Decimal(i["amount"]) for i in income), Decimal("0"))
    flat = cents(cost_sum * Decimal(fund.flat_rate_percent) / 100)
    return cents(cost_sum + flat - income_sum), cost_sum, flat, income_sum


def check_plan(fund, requested, costs, income):
    """The reasons a cost plan cannot be submitted (empty if it can)."""
    problems = []
    if not costs:
        problems.append(_("Bitte tragen Sie mindestens eine Kostenposition ein."))
    total, _cost_sum, flat, _income_sum = plan_total(fund, costs, income)
    if cents(requested) != total:
        problems.append(
            _(
                "Der beantragte Betrag (%(requested)s) passt nicht zum Kostenplan: Kosten "
                "plus Pauschale (%(flat)s) minus Einnahmen ergeben %(total)s."
            )
            % {"requested": money(cents(requested)), "flat": money(flat), "total": money(total)}
        )
    if cents(requested) > fund.cap_per_application:
        problems.append(
            _("Je Antrag sind höchstens %(cap)s möglich.")
            % {"cap": money(fund.cap_per_application)}
        )
    if cents(requested) <= 0:
        problems.append(_("Der beantragte Betrag muss größer als 0 € sein."))
    allowed = {key for key, _label in fund.cost_type_choices()}
    if any(c["cost_type"] not in allowed for c in costs):
        problems.append(_("Eine Kostenart ist in diesem Fonds nicht förderfähig."))
    return problems
