"""The jury's decision in its meeting: a grant (with conditions) or a rejection, recorded in
the jury's minutes through the intranet; or the application is deferred to the next meeting."""

from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from core.formats import money
from core.refusals import Refused, require
from intranet import interface as intranet

from .. import rules
from ..budget import cents
from ..models.applications import State
from ..models.ledger import Kind
from .books import _book, free, locked_fund
from .check import _schedule
from .history import _event, _mail


def _checked_amount(application, amount):
    amount = cents(amount)
    if amount <= 0 or amount > application.requested_amount:
        raise Refused(_("Bewilligt werden kann höchstens der beantragte Betrag, mehr als 0 €."))
    if amount > application.fund.cap_per_application:
        raise Refused(
            _("Je Antrag sind höchstens %(cap)s möglich.")
            % {"cap": money(application.fund.cap_per_application)}
        )
    return amount


def _motion(application, amount, conditions):
    """What the jury votes on, in the words that land in the minutes."""
    motion = _("Die Jury bewilligt „%(title)s“ mit %(amount)s.") % {
        "title": application.title,
        "amount": money(amount),
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
        _book(fund, application, Kind.COMMIT, amount, actor, decision.text)
        application.state = State.APPROVED
        application.approved_amount = amount
        application.settlement_due = application.ends_on + timedelta(days=fund.settlement_days)
    else:
        application.state = State.REJECTED
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
    fund = locked_fund(application)
    if amount > free(fund):
        raise Refused(
            _("Im Fonds sind nur noch %(free)s frei; %(amount)s können nicht bewilligt werden.")
            % {"free": money(free(fund)), "amount": money(amount)}
        )
    decision = intranet.record_decision(
        item=application.agenda_item,
        user=user,
        text=_motion(application, amount, conditions),
        yes=yes,
        no=no,
        abstain=abstain,
        for_fund=True,
    )
    application.conditions = conditions if decision.carried else application.conditions
    _record_outcome(fund, application, decision, amount, user, page_url)
    return decision


@transaction.atomic
def defer(*, application, user, page_url):
    """Off this meeting's agenda, onto the next meeting's (or waiting for one)."""
    require(rules.can_decide(user, application))
    application.agenda_item = None
    application.state = State.DEFERRED
    application.save(update_fields=["agenda_item", "state", "updated_at"])
    _event(application, State.DEFERRED, user)
    meeting = _schedule(application, user)
    _mail(
        application,
        "deferred",
        lambda: _("Ihr Antrag wurde vertagt: %(title)s") % {"title": application.title},
        page_url,
        {"meeting": meeting},
    )
    return meeting
