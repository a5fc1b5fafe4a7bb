"""Decisions by circulation between meetings, where the jury's rules allow them: the
intranet runs the vote; when it closes, the fund grants within the free budget or rejects."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.formats import money
from core.refusals import Refused, require
from intranet import interface as intranet

from .. import rules
from ..models import Application
from ..models.applications import AWAITING_JURY, State
from .books import free, locked_fund
from .conflicts import excluded_members
from .decisions import _checked_amount, _motion, _record_outcome
from .history import _event


@transaction.atomic
def start_circulation(*, application, user, amount, conditions, deadline, page_url):
    """The jury decides between meetings: voting members vote online until the deadline.
    The free budget is checked now and again when the circulation closes."""
    require(rules.can_circulate(user, application))
    amount = _checked_amount(application, amount)
    fund = application.fund
    if amount > free(fund):
        raise Refused(_("Im Fonds sind nur noch %(free)s frei.") % {"free": money(free(fund))})
    started = intranet.start_circulation(
        workspace=fund.jury,
        user=user,
        title=_("Antrag: %(title)s") % {"title": application.title},
        text=_motion(application, amount, conditions),
        deadline=deadline,
        excluded=excluded_members(application, timezone.localtime(deadline).date()),
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
    """A closed circulation about an application: grant within the free budget, or reject.
    (Receiver of the intranet's signal, inside the transaction that closes it.)"""
    application = Application.objects.filter(circulation=circulation).first()
    if application is None or application.state not in AWAITING_JURY:
        return
    fund = locked_fund(application)
    amount = application.circulation_amount or Decimal("0")
    if decision.carried and amount > free(fund):
        application.decision = decision
        application.decided_on = decision.decided_on
        application.state = State.COMPLETE
        application.save()
        _event(
            application,
            State.COMPLETE,
            None,
            _("Im Umlauf beschlossen, aber das freie Budget reicht nicht mehr."),
        )
        return
    application.agenda_item = None
    _record_outcome(fund, application, decision, amount, None)
