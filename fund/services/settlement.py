"""Money after the grant: payments (advance or reimbursement), the applicant's settlement with
receipts, report and photos, the office's check of it, and reminders before the deadline."""

from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from core.formats import money
from core.refusals import Refused, require
from core.uploads import IMAGE, RECEIPT, check_upload

from .. import rules
from ..budget import cents
from ..models import Application, Receipt, SettlementPhoto
from ..models.applications import PaymentMode, State
from ..models.ledger import Kind
from .books import _book, locked_fund, paid_so_far
from .history import _event, _mail


@transaction.atomic
def record_payment(*, application, user, amount, note="", mode=None):
    """A payment: an advance before the action, or a reimbursement against receipts."""
    require(rules.can_record_payment(user, application))
    fund = locked_fund(application)
    amount = cents(amount)
    if amount <= 0 or paid_so_far(application) + amount > application.approved_amount:
        raise Refused(_("Ausgezahlt werden kann höchstens der bewilligte Betrag."))
    if mode in PaymentMode.values:
        application.payment_mode = mode
        application.save(update_fields=["payment_mode", "updated_at"])
    _book(fund, application, Kind.PAY, amount, user, note or application.get_payment_mode_display())
    _event(
        application,
        application.state,
        user,
        _("Auszahlung: %(amount)s") % {"amount": money(amount)},
    )


def _receipt_problems(application, number, receipt, today, allowed):
    problems = []
    if receipt["date"] < application.decided_on:
        problems.append(
            _("Beleg %(n)d ist vom %(date)s, vor der Bewilligung am %(decided)s.")
            % {
                "n": number,
                "date": receipt["date"].strftime("%d.%m.%Y"),
                "decided": application.decided_on.strftime("%d.%m.%Y"),
            }
        )
    if receipt["date"] > today:
        problems.append(_("Beleg %(n)d ist in der Zukunft datiert.") % {"n": number})
    if receipt["amount"] <= 0:
        problems.append(_("Beleg %(n)d hat keinen Betrag.") % {"n": number})
    if receipt["cost_type"] not in allowed:
        problems.append(_("Beleg %(n)d: Diese Kostenart ist nicht förderfähig.") % {"n": number})
    if receipt.get("file"):
        try:
            receipt["file"] = check_upload(receipt["file"], RECEIPT)
        except ValidationError as refused:
            problems.append(
                _("Beleg %(n)d: %(reason)s") % {"n": number, "reason": " ".join(refused.messages)}
            )
    return problems


def settlement_problems(application, receipts, report, today):
    """The reasons a settlement cannot be accepted (empty if it can)."""
    problems = []
    if not receipts:
        problems.append(_("Bitte tragen Sie mindestens einen Beleg ein."))
    allowed = {key for key, _label in application.fund.cost_type_choices()}
    for number, receipt in enumerate(receipts, start=1):
        problems += _receipt_problems(application, number, receipt, today, allowed)
    if not report.strip():
        problems.append(_("Bitte schreiben Sie einen kurzen Bericht."))
    return problems


@transaction.atomic
def submit_settlement(*, application, user, receipts, report, photos, page_url, today=None):
    """receipts: dicts with date, vendor, amount, cost_type, file; photos: (file, alt)."""
    today = today or timezone.localdate()
    require(rules.can_settle(user, application, today))
    problems = settlement_problems(application, receipts, report, today)
    if problems:
        raise Refused(" ".join(problems))
    checked_photos = []
    for image, alt in photos:
        try:
            checked_photos.append((check_upload(image, IMAGE), alt))
        except ValidationError as refused:
            raise Refused(_("Foto: %(reason)s") % {"reason": " ".join(refused.messages)}) from None
    for receipt in receipts:
        Receipt.objects.create(application=application, **receipt)
    for image, alt in checked_photos:
        SettlementPhoto.objects.create(application=application, image=image, alt=alt)
    application.report = report
    application.state = State.SETTLEMENT
    application.save(update_fields=["report", "state", "updated_at"])
    _event(application, State.SETTLEMENT, user)
    return application


def _balance(fund, application, proven, user):
    """Pay what is missing of the proven amount, reclaim what was paid too much, and free
    the rest of the commitment. Returns what was paid before."""
    paid = paid_so_far(application)
    if paid < proven:
        _book(fund, application, Kind.PAY, proven - paid, user, _("Erstattung nach Abrechnung"))
    elif paid > proven:
        _book(
            fund,
            application,
            Kind.RECLAIM,
            paid - proven,
            user,
            _("Rückforderung nicht verbrauchter oder nicht belegter Mittel"),
        )
    unused = application.approved_amount - proven
    if unused > 0:
        _book(fund, application, Kind.RELEASE, unused, user, _("Nicht verbraucht"))
    return paid


@transaction.atomic
def check_settlement(*, application, user, page_url):
    """Accept the receipts: what was proven (at most the grant) is the final grant."""
    require(rules.can_check_settlement(user, application))
    fund = locked_fund(application)
    receipts_total = application.receipts.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    proven = min(cents(receipts_total), application.approved_amount)
    paid = _balance(fund, application, proven, user)
    application.proven_amount = proven
    application.state = State.SETTLED
    application.save(update_fields=["proven_amount", "state", "updated_at"])
    _event(
        application, State.SETTLED, user, _("Nachgewiesen: %(proven)s") % {"proven": money(proven)}
    )
    _mail(
        application,
        "settled",
        lambda: _("Ihre Abrechnung ist geprüft: %(title)s") % {"title": application.title},
        page_url,
        {
            "proven": proven,
            "reclaim": max(paid - proven, Decimal("0")),
            "payout": max(proven - paid, Decimal("0")),
        },
    )
    return proven


def send_reminders(page_url, fund=None, today=None):
    """Daily: remind of settlements due within a week (once)."""
    today = today or timezone.localdate()
    due = Application.objects.filter(**({"fund": fund} if fund else {})).filter(
        state=State.APPROVED,
        settlement_due__lte=today + timedelta(days=7),
        reminded_at__isnull=True,
    )
    count = 0
    for application in due:
        _mail(
            application,
            "reminder",
            lambda application=application: (
                _("Erinnerung: Abrechnung bis %(date)s")
                % {"date": application.settlement_due.strftime("%d.%m.%Y")}
            ),
            page_url,
        )
        Application.objects.filter(pk=application.pk).update(reminded_at=timezone.now())
        count += 1
    return count
