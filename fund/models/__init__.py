from .applications import (
    Application,
    ApplicationEvent,
    CostItem,
    IncomeItem,
    Receipt,
    SettlementPhoto,
)
from .funds import Fund, FundPage
from .ledger import LedgerEntry

__all__ = [
    "Application",
    "ApplicationEvent",
    "CostItem",
    "Fund",
    "FundPage",
    "IncomeItem",
    "LedgerEntry",
    "Receipt",
    "SettlementPhoto",
]
