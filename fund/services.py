"""The fund's workflows. Each checks the rules, runs in a transaction and records history.
Money moves only through `_book`, under a row lock on the fund, so the committed sum can
never pass the budget (the database checks that too)."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, Sum
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.refusals import NotAllowed, Refused, require  # noqa: F401 - re-exported
from core.tasks import send_email
from intranet import interface as intranet

from . import rules
from .budget import cents
from .models import (
    Application,
    ApplicationEvent,
    CostItem,
    Fund,
    IncomeItem,
    LedgerEntry,
    Receipt,
    SettlementPhoto,
)
from .models import applications as a
from .models import ledger as entries

# --- amounts ------------------------------------------------------------------------------


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
                "Der beantragte Betrag (%(requested)s €) passt nicht zum Kostenplan: Kosten "
                "plus Pauschale (%(flat)s €) minus Einnahmen ergeben %(total)s €."
            )
            % {"requested": cents(requested), "flat": flat, "total": total}
        )
    if cents(requested) > fund.cap_per_application:
        problems.append(
            _("Je Antrag sind höchstens %(cap)s € möglich.") % {"cap": fund.cap_per_application}
        )
    if cents(requested) <= 0:
        problems.append(_("Der beantragte Betrag muss größer als 0 € sein."))
    allowed = {key for key, _label in fund.cost_type_choices()}
    if any(c["cost_type"] not in allowed for c in costs):
        problems.append(_("Eine Kostenart ist in diesem Fonds nicht förderfähig."))
    return problems


# --- history and mail ---------------------------------------------------------------------


def _event(application, state, actor, note=""):
    ApplicationEvent.objects.create(application=application, state=state, actor=actor, note=note)


def application_url(application, page_url=None):
    """The status page; without `page_url` it is looked up from the fund's page."""
    path = page_url + f"antraege/{application.pk}/" if page_url else application.page_url()
    return settings.SITE_URL + path


def _mail(application, template, subject, page_url=None, extra=None):
    """A message to the applicant, in their language, after the transaction commits."""
    address = application.email or getattr(application.applicant, "email", "")
    if not address:
        return
    context = {"application": application, "url": application_url(application, page_url)}
    context.update(extra or {})
    language = application.language or "de"

    def send():
        with translation.override(language):
            body = render_to_string(f"fund/email/{template}.txt", context)
            title = subject()
        send_email.enqueue(subject=title, body=body, recipients=[address])

    transaction.on_commit(send)


# --- applications -------------------------------------------------------------------------


@transaction.atomic
def save_application(
    *, fund, user, data, costs, income, page_url, application=None, submit=False, assisted=False
):
    if application is None:
        require(
            rules.can_enter_for_applicant(user, fund) if assisted else rules.can_apply(user, fund)
        )
        application = Application(fund=fund)
        if assisted:
            application.entered_by = user
            application.consent_recorded = True
        else:
            application.applicant = user
    else:
        require(rules.can_edit(user, application))
    if submit:
        requested = data.get(
            "requested_amount", application.requested_amount if application.pk else 0
        )
        problems = check_plan(fund, requested, costs, income)
        if problems:
            raise Refused(" ".join(problems))
    was_question = application.state == a.QUESTION
    for field, value in data.items():
        setattr(application, field, value)
    application.save()
    application.costs.all().delete()
    application.income.all().delete()
    CostItem.objects.bulk_create(CostItem(application=application, **c) for c in costs)
    IncomeItem.objects.bulk_create(IncomeItem(application=application, **i) for i in income)
    if submit:
        application.state = a.SUBMITTED
        application.submitted_at = timezone.now()
        application.save(update_fields=["state", "submitted_at", "updated_at"])
        _event(
            application, a.SUBMITTED, user, _("Antwort auf die Rückfrage") if was_question else ""
        )
        _mail(
            application,
            "submitted",
            lambda: _("Ihr Antrag ist eingegangen: %(title)s") % {"title": application.title},
            page_url,
        )
    elif application.state == a.DRAFT and not application.events.exists():
        _event(application, a.DRAFT, user)
    return application


def next_meeting_for(application, moment=None):
    """The jury's next meeting whose submission deadline the application met."""
    moment = moment or timezone.now()
    submitted = application.submitted_at or moment
    fund = application.fund
    for meeting in intranet.upcoming_meetings(fund.jury, after=moment):
        if meeting.starts_at - timedelta(days=fund.deadline_days) >= submitted:
            return meeting
    return None


def _schedule(application, actor):
    meeting = next_meeting_for(application)
    if meeting is None:
        application.state = a.COMPLETE
        application.save(update_fields=["state", "updated_at"])
        _event(application, a.COMPLETE, actor, _("Noch keine passende Jurysitzung geplant."))
        return None
    item = intranet.append_item(
        meeting,
        title=_("Antrag: %(title)s (%(amount)s €)")
        % {"title": application.title, "amount": application.requested_amount},
        description=application.description[:1000],
        public=False,
    )
    application.agenda_item = item
    application.state = a.SCHEDULED
    application.save(update_fields=["agenda_item", "state", "updated_at"])
    _event(
        application,
        a.SCHEDULED,
        actor,
        _("Jurysitzung am %(date)s")
        % {"date": timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")},
    )
    return meeting


def schedule_waiting(fund):
    """Complete applications waiting for a meeting, now that one may exist."""
    for application in fund.applications.filter(state__in=[a.COMPLETE, a.DEFERRED]):
        _schedule(application, None)


@transaction.atomic
def formal_check(*, application, user, outcome, text, page_url):
    require(rules.can_check(user, application))
    if outcome == "complete":
        meeting = _schedule(application, user)
        _mail(
            application,
            "complete",
            lambda: _("Ihr Antrag ist vollständig: %(title)s") % {"title": application.title},
            page_url,
            {"meeting": meeting},
        )
        return application
    if not text.strip():
        raise Refused(_("Bitte schreiben Sie die Rückfrage oder die Begründung auf."))
    subjects = {  # lazy: translated when the mail is written, in the applicant's language
        "question": gettext_lazy("Rückfrage zu Ihrem Antrag: %(title)s"),
        "ineligible": gettext_lazy("Ihr Antrag ist nicht förderfähig: %(title)s"),
    }
    if outcome not in subjects:
        raise Refused(_("Bitte wählen Sie ein Ergebnis der Prüfung."))
    if outcome == "question":
        application.state, application.question = a.QUESTION, text
    else:
        application.state, application.reason = a.INELIGIBLE, text
    subject_text = subjects[outcome]

    def subject():
        return str(subject_text) % {"title": application.title}

    application.save(update_fields=["state", "question", "reason", "updated_at"])
    _event(application, application.state, user, text)
    _mail(application, application.state, subject, page_url, {"text": text})
    return application


# --- ledger -------------------------------------------------------------------------------


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
        commit=Sum("amount", filter=Q(kind=entries.COMMIT)),
        release=Sum("amount", filter=Q(kind=entries.RELEASE)),
        pay=Sum("amount", filter=Q(kind=entries.PAY)),
        reclaim=Sum("amount", filter=Q(kind=entries.RECLAIM)),
    )
    zero = Decimal("0")
    return Ledger(
        budget=fund.budget,
        committed=(sums["commit"] or zero) - (sums["release"] or zero),
        paid=sums["pay"] or zero,
        reclaimed=sums["reclaim"] or zero,
    )


def _book(fund, application, kind, amount, actor, note=""):
    """One ledger entry; commitments and releases move the fund's committed sum under the
    row lock the caller holds (the check constraint refuses anything past the budget)."""
    LedgerEntry.objects.create(
        fund=fund, application=application, kind=kind, amount=amount, actor=actor, note=note
    )
    if kind == entries.COMMIT:
        Fund.objects.filter(pk=fund.pk).update(committed=F("committed") + amount)
    elif kind == entries.RELEASE:
        Fund.objects.filter(pk=fund.pk).update(committed=F("committed") - amount)


# --- jury decision ------------------------------------------------------------------------


def _checked_amount(application, amount):
    amount = cents(amount)
    if amount <= 0 or amount > application.requested_amount:
        raise Refused(_("Bewilligt werden kann höchstens der beantragte Betrag, mehr als 0 €."))
    if amount > application.fund.cap_per_application:
        raise Refused(
            _("Je Antrag sind höchstens %(cap)s € möglich.")
            % {"cap": application.fund.cap_per_application}
        )
    return amount


def _motion(application, amount, conditions):
    """What the jury votes on, in the words that land in the minutes."""
    motion = _("Die Jury bewilligt „%(title)s“ mit %(amount)s €.") % {
        "title": application.title,
        "amount": amount,
    }
    if conditions:
        motion += " " + _("Auflagen: %(conditions)s") % {"conditions": conditions}
    return motion


def _record_outcome(fund, application, decision, amount, actor, page_url=None):
    """Book a carried grant (the caller holds the fund's row lock and checked the free
    budget) or record the rejection; then tell the applicant."""
    application.decision = decision
    application.decided_on = decision.decided_on
    if decision.carried:
        _book(fund, application, entries.COMMIT, amount, actor, decision.text)
        application.state = a.APPROVED
        application.approved_amount = amount
        application.settlement_due = application.ends_on + timedelta(days=fund.settlement_days)
    else:
        application.state = a.REJECTED
    application.save()
    _event(application, application.state, actor, decision.text)
    _mail(
        application,
        "decided",
        lambda: _("Entscheidung der Jury: %(title)s") % {"title": application.title},
        page_url,
        {"decision": decision},
    )


@transaction.atomic
def decide(*, application, user, amount, conditions, yes, no, abstain, page_url):
    """The jury votes on granting `amount` (with conditions): quorum and majority follow the
    jury's rules (members with a declared conflict are out of vote and quorum). A grant that
    the free budget cannot cover is refused before anything is recorded."""
    require(rules.can_decide(user, application))
    amount = _checked_amount(application, amount)
    fund = Fund.objects.select_for_update().get(pk=application.fund_id)
    free = fund.budget - fund.committed
    if amount > free:
        raise Refused(
            _("Im Fonds sind nur noch %(free)s € frei; %(amount)s € können nicht bewilligt werden.")
            % {"free": free, "amount": amount}
        )
    decision = intranet.record_decision(
        item=application.agenda_item,
        user=user,
        text=_motion(application, amount, conditions),
        yes=yes,
        no=no,
        abstain=abstain,
    )
    application.conditions = conditions if decision.carried else application.conditions
    _record_outcome(fund, application, decision, amount, user, page_url)
    return decision


@transaction.atomic
def defer(*, application, user, page_url):
    require(rules.can_decide(user, application))
    application.agenda_item = None
    application.state = a.DEFERRED
    application.save(update_fields=["agenda_item", "state", "updated_at"])
    _event(application, a.DEFERRED, user)
    meeting = _schedule(application, user)
    _mail(
        application,
        "deferred",
        lambda: _("Ihr Antrag wurde vertagt: %(title)s") % {"title": application.title},
        page_url,
        {"meeting": meeting},
    )
    return meeting


# --- money after the decision -------------------------------------------------------------


def paid_so_far(application):
    sums = application.entries.aggregate(
        pay=Sum("amount", filter=Q(kind=entries.PAY)),
        reclaim=Sum("amount", filter=Q(kind=entries.RECLAIM)),
    )
    return (sums["pay"] or Decimal("0")) - (sums["reclaim"] or Decimal("0"))


@transaction.atomic
def record_payment(*, application, user, amount, note="", mode=None):
    """A payment: an advance before the action, or a reimbursement against receipts."""
    require(rules.can_record_payment(user, application))
    fund = Fund.objects.select_for_update().get(pk=application.fund_id)
    amount = cents(amount)
    if amount <= 0 or paid_so_far(application) + amount > application.approved_amount:
        raise Refused(_("Ausgezahlt werden kann höchstens der bewilligte Betrag."))
    if mode in dict(a.PAYMENT_MODES):
        application.payment_mode = mode
        application.save(update_fields=["payment_mode", "updated_at"])
    _book(
        fund, application, entries.PAY, amount, user, note or application.get_payment_mode_display()
    )
    _event(application, application.state, user, _("Auszahlung: %(amount)s €") % {"amount": amount})


@transaction.atomic
def submit_settlement(*, application, user, receipts, report, photos, page_url, today=None):
    """receipts: dicts with date, vendor, amount, cost_type, file; photos: (file, alt)."""
    today = today or timezone.localdate()
    require(rules.can_settle(user, application, today))
    problems = []
    if not receipts:
        problems.append(_("Bitte tragen Sie mindestens einen Beleg ein."))
    allowed = {key for key, _label in application.fund.cost_type_choices()}
    for number, receipt in enumerate(receipts, start=1):
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
            problems.append(
                _("Beleg %(n)d: Diese Kostenart ist nicht förderfähig.") % {"n": number}
            )
    if not report.strip():
        problems.append(_("Bitte schreiben Sie einen kurzen Bericht."))
    if problems:
        raise Refused(" ".join(problems))
    for receipt in receipts:
        Receipt.objects.create(application=application, **receipt)
    for image, alt in photos:
        SettlementPhoto.objects.create(application=application, image=image, alt=alt)
    application.report = report
    application.state = a.SETTLEMENT
    application.save(update_fields=["report", "state", "updated_at"])
    _event(application, a.SETTLEMENT, user)
    return application


@transaction.atomic
def check_settlement(*, application, user, page_url):
    """Accept the receipts: what was proven is the final grant; pay what is missing, reclaim
    what was paid too much, and free the rest of the commitment."""
    require(rules.can_check_settlement(user, application))
    fund = Fund.objects.select_for_update().get(pk=application.fund_id)
    receipts_total = application.receipts.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    proven = min(cents(receipts_total), application.approved_amount)
    paid = paid_so_far(application)
    if paid < proven:
        _book(fund, application, entries.PAY, proven - paid, user, _("Erstattung nach Abrechnung"))
    elif paid > proven:
        _book(
            fund,
            application,
            entries.RECLAIM,
            paid - proven,
            user,
            _("Rückforderung nicht verbrauchter oder nicht belegter Mittel"),
        )
    unused = application.approved_amount - proven
    if unused > 0:
        _book(fund, application, entries.RELEASE, unused, user, _("Nicht verbraucht"))
    application.proven_amount = proven
    application.state = a.SETTLED
    application.save(update_fields=["proven_amount", "state", "updated_at"])
    _event(application, a.SETTLED, user, _("Nachgewiesen: %(proven)s €") % {"proven": proven})
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
        state=a.APPROVED, settlement_due__lte=today + timedelta(days=7), reminded_at__isnull=True
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


# --- decision by circulation --------------------------------------------------------------


@transaction.atomic
def start_circulation(*, application, user, amount, conditions, deadline, page_url):
    """The jury decides between meetings: voting members vote online until the deadline.
    The free budget is checked now and again when the circulation closes."""
    require(rules.can_circulate(user, application))
    amount = _checked_amount(application, amount)
    fund = application.fund
    if amount > fund.budget - fund.committed:
        raise Refused(
            _("Im Fonds sind nur noch %(free)s € frei.") % {"free": fund.budget - fund.committed}
        )
    started = intranet.start_circulation(
        workspace=fund.jury,
        user=user,
        title=_("Antrag: %(title)s") % {"title": application.title},
        text=_motion(application, amount, conditions),
        deadline=deadline,
    )
    application.circulation = started
    application.circulation_amount = amount
    application.conditions = conditions
    application.save(
        update_fields=["circulation", "circulation_amount", "conditions", "updated_at"]
    )
    _event(
        application,
        application.state,
        user,
        _("Umlaufverfahren bis %(date)s")
        % {"date": timezone.localtime(deadline).strftime("%d.%m.%Y %H:%M")},
    )
    return started


def circulation_closed(sender, circulation, decision, **kwargs):
    """A closed circulation about an application: grant within the free budget, or reject."""
    application = Application.objects.filter(circulation=circulation).first()
    if application is None or application.state not in (a.COMPLETE, a.SCHEDULED, a.DEFERRED):
        return
    fund = Fund.objects.select_for_update().get(pk=application.fund_id)
    amount = application.circulation_amount or Decimal("0")
    if decision.carried and amount > fund.budget - fund.committed:
        application.decision = decision
        application.decided_on = decision.decided_on
        application.state = a.COMPLETE
        application.save()
        _event(
            application,
            a.COMPLETE,
            None,
            _("Im Umlauf beschlossen, aber das freie Budget reicht nicht mehr."),
        )
        return
    application.agenda_item = None
    _record_outcome(fund, application, decision, amount, None)
