"""The fund's workflows. Each checks the rules (`require` raises `NotAllowed`; a well-formed
request the workflow refuses raises `Refused`), runs in a transaction and records history.

- `plans`: the cost plan and whether it adds up
- `applications`: drafts, submission, answers to questions, walk-in applications
- `check`: the office's formal check and the way onto the jury's agenda (again when the
  jury's meeting is cancelled or moved)
- `conflicts`: jury members who are the applicant or named in the application
- `decisions`: the jury's decision in its meeting, or deferral
- `circulation`: decisions by circulation between meetings
- `settlement`: payments, the applicant's settlement, its check, reminders
- `books`: the fund's books and `ledger(fund)`, its sums (money moves only through `_book`,
  under a row lock)
- `history`: the application's history and mails to the applicant
- `publication`: settlement photos move to the public storage and back

Everything is importable from here (`from fund import services`; `services.decide(...)`).
"""

from core.refusals import NotAllowed, Refused, require

from .applications import save_application
from .books import Ledger, _book, free, ledger, locked_fund, paid_so_far
from .check import (
    _schedule,
    formal_check,
    meeting_rescheduled,
    next_meeting_for,
    schedule_waiting,
    upcoming_dates,
)
from .circulation import circulation_closed, start_circulation
from .conflicts import flag_conflicts
from .decisions import _checked_amount, _motion, _record_outcome, decide, defer
from .history import _event, _mail, application_url
from .plans import check_plan, plan_total
from .publication import sync_photos
from .settlement import (
    ask_for_receipt,
    check_receipt,
    check_settlement,
    extend_deadline,
    record_payment,
    send_reminders,
    settlement_problems,
    settlement_sums,
    submit_settlement,
)

__all__ = [
    "Ledger",
    "NotAllowed",
    "Refused",
    "_book",
    "_checked_amount",
    "_event",
    "_mail",
    "_motion",
    "_record_outcome",
    "_schedule",
    "application_url",
    "ask_for_receipt",
    "check_receipt",
    "check_plan",
    "check_settlement",
    "circulation_closed",
    "decide",
    "defer",
    "extend_deadline",
    "flag_conflicts",
    "formal_check",
    "free",
    "ledger",
    "locked_fund",
    "meeting_rescheduled",
    "next_meeting_for",
    "paid_so_far",
    "plan_total",
    "record_payment",
    "require",
    "save_application",
    "schedule_waiting",
    "send_reminders",
    "settlement_problems",
    "settlement_sums",
    "start_circulation",
    "submit_settlement",
    "sync_photos",
    "upcoming_dates",
]
