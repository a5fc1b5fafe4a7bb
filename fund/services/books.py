"""The fund's books. Money moves only through `_book`, under a row lock on the fund, so the
committed sum can never pass the budget (the database checks that too)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Q, Sum

from ..models import Fund, LedgerEntry
from ..models.ledger import Kind


@dataclass(frozen=True)
class Ledger:
    budget: Decimal
    committed: Decimal
    paid: Decimal
    reclaimed: Decimal

    @property
    def free(self):
        return self.budget - self.committed


def ledger(fund):
    sums = fund.entries.aggregate(
        commit=Sum("amount", filter=Q(kind=Kind.COMMIT)),
        release=Sum("amount", filter=Q(kind=Kind.RELEASE)),
        pay=Sum("amount", filter=Q(kind=Kind.PAY)),
        reclaim=Sum("amount", filter=Q(kind=Kind.RECLAIM)),
    )
    zero = Decimal("0")
    return Ledger(
        budget=fund.budget,
        committed=(sums["commit"] or zero) - (sums["release"] or zero),
        paid=sums["pay"] or zero,
        reclaimed=sums["reclaim"] or zero,
    )


def paid_so_far(application):
    sums = application.entries.aggregate(
        pay=Sum("amount", filter=Q(kind=Kind.PAY)),
        reclaim=Sum("amount", filter=Q(kind=Kind.RECLAIM)),
    )
    return (sums["pay"] or Decimal("0")) - (sums["reclaim"] or Decimal("0"))


def locked_fund(application):
    """The application's fund under a row lock, for the rest of the transaction."""
    return Fund.objects.select_for_update().get(pk=application.fund_id)


def free(fund):
    """What the fund can still grant (read under the row lock for a grant)."""
    return fund.budget - fund.committed


def _book(fund, application, kind, amount, actor, note=""):
    """One ledger entry; commitments and releases move the fund's committed sum under the
    row lock the caller holds (the check constraint refuses anything past the budget)."""
    LedgerEntry.objects.create(
        fund=fund, application=application, kind=kind, amount=amount, actor=actor, note=note
    )
    if kind == Kind.COMMIT:
        Fund.objects.filter(pk=fund.pk).update(committed=F("committed") + amount)
    elif kind == Kind.RELEASE:
        Fund.objects.filter(pk=fund.pk).update(committed=F("committed") - amount)
