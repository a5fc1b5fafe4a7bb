"""The jury's decision: in the meeting with quorum, majority and conflicts of interest,
never beyond the free budget, or by circulation between meetings."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from fund import services
from fund.models import Fund
from fund.models import applications as a
from intranet.services import meetings

from .factories import make_fund, quorate, scheduled

pytestmark = pytest.mark.django_db


def test_jury_decides_within_quorum_and_majority_and_the_applicant_hears_the_same_day(
    django_capture_on_commit_callbacks,
):
    fund, page, people, meeting = make_fund("decide")
    application = scheduled(fund, page)
    meeting.starts_at = timezone.now() - timedelta(minutes=5)  # the meeting is running
    meeting.save()
    quorate(meeting, people)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decide(
            application=application,
            user=people["taker"],
            amount=Decimal("400"),
            conditions="Nur Leihgebühr.",
            yes=3,
            no=1,
            abstain=0,
            page_url=page.url,
        )
    application.refresh_from_db()
    fund.refresh_from_db()
    assert decision.carried and application.state == a.APPROVED
    assert application.approved_amount == Decimal("400") and fund.committed == Decimal("400")
    assert application.settlement_due == application.ends_on + timedelta(days=28)
    assert any(m.to == [application.applicant.email] for m in mail.outbox)


def test_conflict_of_interest_can_break_the_quorum_and_a_tie_rejects():
    fund, page, people, meeting = make_fund("conflict")
    application = scheduled(fund, page)
    quorate(meeting, people, "chair", "taker", "m1")  # 3 of 5 voting members
    meetings.declare_conflict(item=application.agenda_item, user=people["m1"])
    with pytest.raises(services.Refused, match="Nicht beschlussfähig"):
        services.decide(
            application=application,
            user=people["taker"],
            amount=Decimal("300"),
            conditions="",
            yes=2,
            no=0,
            abstain=0,
            page_url=page.url,
        )
    fund.refresh_from_db()
    assert fund.committed == 0 and not fund.entries.exists()
    meetings.declare_conflict(item=application.agenda_item, user=people["m1"], conflicted=False)
    services.decide(
        application=application,
        user=people["taker"],
        amount=Decimal("300"),
        conditions="",
        yes=1,
        no=1,
        abstain=1,
        page_url=page.url,
    )
    application.refresh_from_db()
    assert application.state == a.REJECTED
    fund.refresh_from_db()
    assert fund.committed == 0


def test_approval_beyond_the_free_budget_is_impossible():
    fund, page, people, meeting = make_fund(
        "budget-limit", residents=4000, flat_rate_percent=Decimal("0")
    )  # 2000 €
    thousand = [{"cost_type": "material", "description": "x", "amount": Decimal("1000")}]
    most = [{"cost_type": "material", "description": "x", "amount": Decimal("1500")}]
    first = scheduled(fund, page, title="Erste", requested_amount=Decimal("1000"), costs=thousand)
    second = scheduled(fund, page, title="Zweite", requested_amount=Decimal("1500"), costs=most)
    quorate(meeting, people)
    services.decide(
        application=first,
        user=people["taker"],
        amount=Decimal("1000"),
        conditions="",
        yes=4,
        no=0,
        abstain=0,
        page_url=page.url,
    )
    with pytest.raises(services.Refused, match="nur noch 1.000,00\u00a0€"):
        services.decide(
            application=second,
            user=people["taker"],
            amount=Decimal("1500"),
            conditions="",
            yes=4,
            no=0,
            abstain=0,
            page_url=page.url,
        )
    second.refresh_from_db()
    assert second.state == a.SCHEDULED and second.decision is None
    with pytest.raises(IntegrityError), transaction.atomic():
        Fund.objects.filter(pk=fund.pk).update(committed=Decimal("2000.01"))


def test_decision_by_circulation_between_meetings():
    from intranet.services import circulation

    fund, page, people, meeting = make_fund("circulation")
    fund.jury.allows_circulation = True
    fund.jury.save()
    application = scheduled(fund, page)
    deadline = timezone.now() + timedelta(days=3)
    with pytest.raises(services.NotAllowed):
        services.start_circulation(
            application=application,
            user=people["m1"],
            amount=Decimal("300"),
            conditions="",
            deadline=deadline,
            page_url=page.url,
        )
    running = services.start_circulation(
        application=application,
        user=people["chair"],
        amount=Decimal("300"),
        conditions="Fotos bitte",
        deadline=deadline,
        page_url=page.url,
    )
    for key, value in (("chair", "yes"), ("taker", "yes"), ("m1", "yes"), ("m2", "no")):
        circulation.vote(circulation=running, user=people[key], value=value)
    circulation.vote(circulation=running, user=people["m3"], value="yes", conflict=True)
    decision = circulation.close(running, moment=deadline + timedelta(minutes=1))
    application.refresh_from_db()
    fund.refresh_from_db()
    assert decision.carried and application.state == a.APPROVED
    assert application.approved_amount == Decimal("300") and fund.committed == Decimal("300")
    assert application.decision == decision and application.conditions == "Fotos bitte"


def test_circulation_that_fails_rejects_and_is_closed_to_juries_without_it():
    from intranet.services import circulation

    fund, page, people, meeting = make_fund("circulation-no")
    application = scheduled(fund, page)
    deadline = timezone.now() + timedelta(days=3)
    with pytest.raises(services.NotAllowed):
        services.start_circulation(
            application=application,
            user=people["chair"],
            amount=Decimal("300"),
            conditions="",
            deadline=deadline,
            page_url=page.url,
        )
    fund.jury.allows_circulation = True
    fund.jury.save()
    application.fund.refresh_from_db()
    running = services.start_circulation(
        application=application,
        user=people["chair"],
        amount=Decimal("300"),
        conditions="",
        deadline=deadline,
        page_url=page.url,
    )
    for key in ("chair", "taker", "m1"):
        circulation.vote(circulation=running, user=people[key], value="no")
    circulation.close(running, moment=deadline)
    application.refresh_from_db()
    assert application.state == a.REJECTED
    fund.refresh_from_db()
    assert fund.committed == 0
