"""The fund: budget rules, applications with cost plans, formal check, jury decisions with
quorum and conflicts, the ledger, agreement, payment, settlement and transparency."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from fund import budget, services
from fund.models import Application, Fund
from fund.models import applications as a
from intranet.services import meetings
from tests.portal.factories import UserFactory

from .factories import application_data, make_fund, office_editor, quorate, scheduled, submitted

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "rule,residents,expected",
    [
        (budget.SMALL, 4000, "2000.00"),
        (budget.SMALL, 5000, "2500.00"),
        (budget.SMALL, 12000, "6000.00"),
        (budget.SMALL, 1000, "2000.00"),
        (budget.PROJECT, 1000, "5000.00"),
        (budget.PROJECT, 4000, "8000.00"),
    ],
)
def test_budget_rules(rule, residents, expected):
    assert budget.budget_for(rule, residents) == Decimal(expected)


def test_fixed_budget_and_no_carry_over():
    assert budget.budget_for(budget.FIXED, 9999, Decimal("10000")) == Decimal("10000.00")
    fund, _page, _people, _meeting = make_fund(
        "fixed", rule=budget.FIXED, fixed_amount=Decimal("10000")
    )
    assert fund.budget == Decimal("10000.00") and fund.committed == 0


def test_cost_plan_that_does_not_add_up_and_amount_over_cap_are_refused():
    fund, page, _people, _meeting = make_fund("plan")
    with pytest.raises(services.Refused, match="passt nicht zum Kostenplan"):
        submitted(fund, page, requested_amount=Decimal("600"))
    big = [{"cost_type": "material", "description": "Zelt", "amount": Decimal("2000")}]
    with pytest.raises(services.Refused, match="höchstens 1500"):
        services.save_application(
            fund=fund,
            user=UserFactory(),
            data=application_data(requested_amount=Decimal("2100")),
            costs=big,
            income=[],
            page_url=page.url,
            submit=True,
        )
    assert not Application.objects.filter(fund=fund).exists()


def test_application_page_keeps_input_on_errors():
    fund, page, _people, _meeting = make_fund("form")
    client = Client()
    client.force_login(UserFactory())
    data = {
        "applicant_type": "initiative",
        "contact_name": "Ada",
        "title": "Lesecafé",
        "description": "Lesen",
        "aim": "Bildung",
        "target_group": "alle",
        "place": "Treff",
        "starts_on": "2030-05-01",
        "ends_on": "2030-05-01",
        "volunteers": "wir",
        "requested_amount": "999",
        "cost-TOTAL_FORMS": "1",
        "cost-INITIAL_FORMS": "0",
        "cost-MIN_NUM_FORMS": "1",
        "cost-MAX_NUM_FORMS": "30",
        "cost-0-cost_type": "material",
        "cost-0-description": "Bücher",
        "cost-0-amount": "100",
        "income-TOTAL_FORMS": "0",
        "income-INITIAL_FORMS": "0",
        "income-MIN_NUM_FORMS": "0",
        "income-MAX_NUM_FORMS": "20",
        "submit": "1",
    }
    response = client.post(page.url + "antrag/neu/", data)
    page_text = response.content.decode()
    assert response.status_code == 400
    assert "passt nicht zum Kostenplan" in page_text
    assert 'value="Lesecafé"' in page_text and 'value="Bücher"' in page_text
    more = client.post(page.url + "antrag/neu/", {**data, "add_cost": "1"})
    assert 'name="cost-1-amount"' in more.content.decode()
    data["requested_amount"] = "105"
    done = client.post(page.url + "antrag/neu/", data)
    assert done.status_code == 302
    assert Application.objects.get(fund=fund).state == a.SUBMITTED


def test_submission_is_acknowledged_in_the_applicants_language(
    django_capture_on_commit_callbacks,
):
    fund, page, _people, _meeting = make_fund("ack")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submitted(fund, page, language="en")
        submitted(fund, page, language="de", title="Deutsch")
    english, german = mail.outbox[-2:]
    assert "Hoffest" in english.subject and "Antrag" not in english.subject
    assert "Ihr Antrag ist eingegangen" in german.subject


def test_formal_check_question_then_resubmit_then_scheduled_on_the_next_meeting():
    fund, page, _people, meeting = make_fund("check")
    application = submitted(fund, page)
    staff = office_editor()
    with pytest.raises(services.NotAllowed):
        services.formal_check(
            application=application,
            user=UserFactory(),
            outcome="complete",
            text="",
            page_url=page.url,
        )
    with pytest.raises(services.Refused):
        services.formal_check(
            application=application, user=staff, outcome="question", text=" ", page_url=page.url
        )
    services.formal_check(
        application=application, user=staff, outcome="question", text="Wo genau?", page_url=page.url
    )
    assert application.state == a.QUESTION
    services.save_application(
        fund=fund,
        user=application.applicant,
        data={"place": "Hof 3"},
        costs=[{"cost_type": "material", "description": "Bänke leihen", "amount": Decimal("500")}],
        income=[],
        page_url=page.url,
        application=application,
        submit=True,
    )
    services.formal_check(
        application=application, user=staff, outcome="complete", text="", page_url=page.url
    )
    application.refresh_from_db()
    assert application.state == a.SCHEDULED
    assert application.agenda_item.meeting == meeting


def test_application_after_the_deadline_waits_for_a_later_meeting():
    fund, page, people, meeting = make_fund("deadline")
    fund.deadline_days = 20  # the meeting in 14 days is already past its deadline
    fund.save()
    application = scheduled(fund, page)
    assert application.state == a.COMPLETE and application.agenda_item is None


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
    with pytest.raises(services.Refused, match="nur noch 1000"):
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


def test_payment_settlement_reclaim_and_ledger():
    fund, page, people, meeting = make_fund("money")
    application = scheduled(fund, page)
    quorate(meeting, people)
    services.decide(
        application=application,
        user=people["taker"],
        amount=Decimal("500"),
        conditions="",
        yes=4,
        no=0,
        abstain=0,
        page_url=page.url,
    )
    application.refresh_from_db()
    staff = office_editor()
    services.record_payment(
        application=application, user=staff, amount=Decimal("500"), note="Vorschuss"
    )
    with pytest.raises(services.Refused):
        services.record_payment(application=application, user=staff, amount=Decimal("1"))
    today = application.decided_on + timedelta(days=3)
    receipt = {
        "date": application.decided_on,
        "vendor": "Baumarkt",
        "amount": Decimal("420"),
        "cost_type": "material",
        "file": SimpleUploadedFile("beleg.pdf", b"%PDF-1.4 x"),
    }
    services.submit_settlement(
        application=application,
        user=application.applicant,
        receipts=[receipt],
        report="Schön war es.",
        photos=[],
        page_url=page.url,
        today=today,
    )
    proven = services.check_settlement(application=application, user=staff, page_url=page.url)
    assert proven == Decimal("420")
    ledger = services.ledger(fund)
    assert (ledger.committed, ledger.paid, ledger.reclaimed) == (
        Decimal("420"),
        Decimal("500"),
        Decimal("80"),
    )
    assert ledger.free == fund.budget - Decimal("420")


def test_receipt_before_the_approval_and_settlement_after_the_deadline_are_refused():
    fund, page, people, meeting = make_fund("receipts")
    application = scheduled(fund, page)
    quorate(meeting, people)
    services.decide(
        application=application,
        user=people["taker"],
        amount=Decimal("500"),
        conditions="",
        yes=4,
        no=0,
        abstain=0,
        page_url=page.url,
    )
    application.refresh_from_db()
    early = {
        "date": application.decided_on - timedelta(days=1),
        "vendor": "Laden",
        "amount": Decimal("10"),
        "cost_type": "material",
        "file": SimpleUploadedFile("beleg.pdf", b"%PDF-1.4 x"),
    }
    with pytest.raises(services.Refused, match="vor der Bewilligung"):
        services.submit_settlement(
            application=application,
            user=application.applicant,
            receipts=[early],
            report="Bericht",
            photos=[],
            page_url=page.url,
            today=application.decided_on,
        )
    assert not application.receipts.exists()
    late = application.settlement_due + timedelta(days=1)
    with pytest.raises(services.NotAllowed, match="abgelaufen"):
        services.submit_settlement(
            application=application,
            user=application.applicant,
            receipts=[],
            report="x",
            photos=[],
            page_url=page.url,
            today=late,
        )


def test_who_sees_an_application():
    fund, page, people, meeting = make_fund("views")
    application = scheduled(fund, page)
    url = page.url + f"antraege/{application.pk}/"
    owner = Client()
    owner.force_login(application.applicant)
    juror = Client()
    juror.force_login(people["m1"])
    stranger = Client()
    stranger.force_login(UserFactory())
    assert owner.get(url).status_code == 200
    assert juror.get(url).status_code == 200
    assert stranger.get(url).status_code == 403
    assert Client().get(url).status_code == 403
    assert stranger.get(page.url + "buero/").status_code == 403
    assert juror.get(page.url + "buero/").status_code == 200
    assert stranger.get(page.url + "bericht/csv/").status_code == 403


def test_public_list_and_annual_report_respect_consent():
    fund, page, people, meeting = make_fund("public")
    shown = scheduled(fund, page, title="Mit Namen", organisation="Nachbarschaftschor")
    hidden = scheduled(
        fund, page, title="Ohne Namen", organisation="Geheimverein", consent_name=False
    )
    quorate(meeting, people)
    for application in (shown, hidden):
        services.decide(
            application=application,
            user=people["taker"],
            amount=Decimal("500"),
            conditions="",
            yes=4,
            no=0,
            abstain=0,
            page_url=page.url,
        )
    text = Client().get(page.url + "gefoerdert/").content.decode()
    assert "Mit Namen" in text and "Nachbarschaftschor" in text
    assert "Ohne Namen" in text and "Geheimverein" not in text
    staff = Client()
    staff.force_login(office_editor())
    report = staff.get(page.url + "bericht/csv/").content.decode("utf-8-sig")
    assert "Nachbarschaftschor" in report and "Geheimverein" not in report
    assert staff.get(page.url + "bericht/xlsx/").status_code == 200
    assert staff.get(page.url + "bericht/pdf/").content.startswith(b"%PDF")


def test_payment_records_the_mode_of_payment():
    fund, page, people, meeting = make_fund("mode")
    application = scheduled(fund, page)
    quorate(meeting, people)
    services.decide(
        application=application,
        user=people["taker"],
        amount=Decimal("500"),
        conditions="",
        yes=4,
        no=0,
        abstain=0,
        page_url=page.url,
    )
    application.refresh_from_db()
    staff = Client()
    staff.force_login(office_editor())
    url = page.url + f"antraege/{application.pk}/auszahlung/"
    assert staff.post(url, {"mode": "advance", "amount": "200"}).status_code == 302
    application.refresh_from_db()
    assert application.payment_mode == "advance"
    assert services.paid_so_far(application) == Decimal("200")
    refused = staff.post(url, {"mode": "advance", "amount": "301"})
    assert refused.status_code == 400 and "höchstens der bewilligte Betrag" in (
        refused.content.decode()
    )


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
