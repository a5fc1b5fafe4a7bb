"""Money after the grant: payments (advance or reimbursement), the applicant's settlement with
receipts, report and photos, the office's check of it, and reminders before the deadline."""

from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
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


def _locked(application):
    """The application under a row lock (two office tabs cannot close it twice)."""
    return Application.objects.select_for_update().get(pk=application.pk)


@transaction.atomic
def extend_deadline(*, application, user, until, reason, page_url, today=None):
    """A later settlement deadline (also once the old one passed), with the reason noted."""
    today = today or timezone.localdate()
    require(rules.can_extend_deadline(user, application))
    if until < today:
        raise Refused(_("Die neue Frist darf nicht in der Vergangenheit liegen."))
    if application.settlement_due and until <= application.settlement_due:
        raise Refused(
            _("Die neue Frist muss nach der bisherigen (%(date)s) liegen.")
            % {"date": application.settlement_due.strftime("%d.%m.%Y")}
        )
    application.settlement_due = until
    application.reminded_at = None
    application.save(update_fields=["settlement_due", "reminded_at", "updated_at"])
    note = _("Frist für die Abrechnung verlängert bis %(date)s") % {
        "date": until.strftime("%d.%m.%Y")
    }
    _event(application, application.state, user, f"{note}: {reason}" if reason else note)
    _mail(
        application,
        "extended",
        lambda: _("Neue Frist für Ihre Abrechnung: %(title)s") % {"title": application.title},
        page_url,
        {"until": until, "reason": reason},
    )
    return application


@transaction.atomic
def check_receipt(*, application, user, receipt, status, amount=None, reason=""):
    """The office's verdict on one receipt: accepted, reduced to `amount`, or refused; a
    reduction or refusal names its reason (the database insists too)."""
    require(rules.can_check_settlement(user, application))
    receipt = application.receipts.select_for_update().get(pk=receipt.pk)
    reason = reason.strip()
    if status in (Receipt.Status.REDUCED, Receipt.Status.REFUSED) and not reason:
        raise Refused(_("Bitte begründen Sie, warum der Beleg gekürzt oder nicht anerkannt wird."))
    accepted = None
    if status == Receipt.Status.REDUCED:
        accepted = cents(amount) if amount is not None else None
        if accepted is None or not (0 < accepted < receipt.amount):
            raise Refused(
                _("Gekürzt wird auf einen Betrag über 0 und unter %(amount)s.")
                % {"amount": money(receipt.amount)}
            )
    elif status not in (Receipt.Status.ACCEPTED, Receipt.Status.REFUSED):
        raise Refused(_("Bitte wählen Sie, wie der Beleg geprüft ist."))
    receipt.status, receipt.accepted_amount, receipt.check_note = status, accepted, reason
    receipt.save(update_fields=["status", "accepted_amount", "check_note"])
    note = _("Beleg %(vendor)s (%(amount)s): %(status)s") % {
        "vendor": receipt.vendor,
        "amount": money(receipt.amount),
        "status": receipt.get_status_display(),
    }
    if accepted is not None:
        note += f" {money(accepted)}"
    _event(application, application.state, user, f"{note} – {reason}" if reason else note)
    return receipt


@transaction.atomic
def ask_for_receipt(*, application, user, text, until, page_url, today=None):
    """The settlement goes back to the applicants for a missing receipt, with a deadline;
    the receipts already handed in stay."""
    today = today or timezone.localdate()
    require(rules.can_check_settlement(user, application))
    if not text.strip():
        raise Refused(_("Bitte schreiben Sie auf, welcher Beleg fehlt."))
    if until < today:
        raise Refused(_("Die Frist darf nicht in der Vergangenheit liegen."))
    application = _locked(application)
    application.state = State.APPROVED
    application.settlement_due = until
    application.save(update_fields=["state", "settlement_due", "updated_at"])
    _event(
        application,
        State.APPROVED,
        user,
        _("Beleg fehlt (bis %(date)s): %(text)s")
        % {"date": until.strftime("%d.%m.%Y"), "text": text},
    )
    _mail(
        application,
        "missing_receipt",
        lambda: _("Zu Ihrer Abrechnung fehlt ein Beleg: %(title)s") % {"title": application.title},
        page_url,
        {"text": text, "until": until},
    )
    return application


def settlement_sums(application, actual_income=None, apply_flat_rate=False, receipts=None):
    """What the settlement comes to: receipts as checked, the flat rate on them, the income
    the action really had, and the settled grant (at most the grant, never below 0)."""
    receipts = application.receipts.all() if receipts is None else receipts
    counted = sum((r.counted_amount for r in receipts), Decimal("0"))
    flat = Decimal("0")
    if apply_flat_rate and application.fund.flat_rate_percent:
        flat = cents(counted * application.fund.flat_rate_percent / Decimal("100"))
    income = cents(actual_income or Decimal("0"))
    proven = min(max(counted + flat - income, Decimal("0")), application.approved_amount)
    paid = paid_so_far(application)
    return {
        "counted": counted,
        "flat": flat,
        "income": income,
        "proven": proven,
        "paid": paid,
        "reclaim": max(paid - proven, Decimal("0")),
        "payout": max(proven - paid, Decimal("0")),
    }


@transaction.atomic
def check_settlement(*, application, user, page_url, actual_income=None, apply_flat_rate=False):
    """Close the case: the receipts as checked (open ones count in full), plus the flat rate
    if applied, minus the actual income, at most the grant, is the final grant. What is
    missing is paid out, what was paid too much (an advance) is reclaimed, the rest of the
    commitment is freed."""
    require(rules.can_check_settlement(user, application))
    fund = locked_fund(application)
    application = _locked(application)
    require(rules.can_check_settlement(user, application))
    if actual_income is not None and actual_income < 0:
        raise Refused(_("Einnahmen können nicht negativ sein."))
    sums = settlement_sums(application, actual_income, apply_flat_rate)
    proven = sums["proven"]
    paid = _balance(fund, application, proven, user)
    application.proven_amount = proven
    application.actual_income = sums["income"]
    application.flat_rate_amount = sums["flat"]
    application.state = State.SETTLED
    application.save(
        update_fields=[
            "proven_amount",
            "actual_income",
            "flat_rate_amount",
            "state",
            "updated_at",
        ]
    )
    _event(
        application,
        State.SETTLED,
        user,
        _(
            "Belege anerkannt: %(counted)s, Pauschale: %(flat)s, Einnahmen: %(income)s, "
            "abgerechnet: %(proven)s"
        )
        % {
            "counted": money(sums["counted"]),
            "flat": money(sums["flat"]),
            "income": money(sums["income"]),
            "proven": money(proven),
        },
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
