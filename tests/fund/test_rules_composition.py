"""The rules the intranet enforces again in its own services are composed from the
intranet's: where the intranet refuses, the fund refuses too, and where the fund allows
deciding or circulating, the service is not refused (by the fund or the intranet)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone

from core.refusals import NotAllowed
from fund import rules, services
from fund.models import Application
from intranet import interface as intranet

from .matrix import CASES, ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_seeing_the_jury_is_the_intranets_workspace_rule(world, role):
    user = world["people"][role]
    for fund, _page in world["pages"].values():
        assert rules.is_jury(user, fund) == bool(intranet.can_view_workspace(user, fund.jury))


def _application_now(world, case):
    """The application as the database has it (services change the objects they get)."""
    return Application.objects.select_related("fund__jury", "agenda_item__meeting").get(
        pk=world["applications"][case].pk
    )


def _decide(world, case, user):
    _fund, page = world["pages"][case.circulation]
    return services.decide(
        application=_application_now(world, case),
        user=user,
        amount=Decimal("500"),
        conditions="",
        yes=3,
        no=0,
        abstain=0,
        page_url=page.url,
    )


def _circulate(world, case, user):
    _fund, page = world["pages"][case.circulation]
    return services.start_circulation(
        application=_application_now(world, case),
        user=user,
        amount=Decimal("300"),
        conditions="",
        deadline=timezone.now() + timedelta(days=3),
        page_url=page.url,
    )


def _outcome(call):
    """Run a service in a savepoint that is rolled back: its result, or what refused it."""
    try:
        with transaction.atomic():
            result = call()
            transaction.set_rollback(True)
            return result
    except NotAllowed as refused:
        return refused


@pytest.mark.parametrize("role", ROLES)
def test_deciding_is_offered_only_where_the_intranet_records_it(world, role):
    user = world["people"][role]
    for case in CASES:
        application = world["applications"][case]
        fund_says = rules.can_decide(user, application)
        if application.agenda_item_id:
            intranet_says = intranet.can_record_decision(user, application.agenda_item.meeting)
            assert intranet_says or not fund_says, case
        outcome = _outcome(lambda case=case: _decide(world, case, user))
        if fund_says:
            assert not isinstance(outcome, NotAllowed), (case, outcome)
            assert outcome.carried, case
        else:
            assert isinstance(outcome, NotAllowed), case
            assert outcome.decision == fund_says, case


@pytest.mark.parametrize("role", ROLES)
def test_circulating_is_offered_only_where_the_intranet_starts_it(world, role):
    user = world["people"][role]
    for case in CASES:
        application = world["applications"][case]
        fund_says = rules.can_circulate(user, application)
        intranet_says = intranet.can_start_circulation(user, application.fund.jury)
        assert intranet_says or not fund_says, case
        outcome = _outcome(lambda case=case: _circulate(world, case, user))
        if fund_says:
            assert not isinstance(outcome, NotAllowed), (case, outcome)
            assert outcome.pk, case
        else:
            assert isinstance(outcome, NotAllowed), case
            assert outcome.decision == fund_says, case
