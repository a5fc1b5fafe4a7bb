"""The fund: budget rules, applications with cost plans (drafts, refused plans keep what
was typed), acknowledgement in the applicant's language and the formal check."""

from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client

from fund import budget, services
from fund.models import Application
from fund.models import applications as a
from tests.portal.factories import UserFactory

from .factories import COSTS, application_data, make_fund, office_editor, scheduled, submitted

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


def test_requested_amount_comes_from_the_plan_and_over_cap_is_refused():
    fund, page, _people, _meeting = make_fund("plan")
    # A typed amount is ignored: costs 500 + 5 % flat rate = 525.
    assert submitted(fund, page, requested_amount=Decimal("600")).requested_amount == Decimal(
        "525.00"
    )
    Application.objects.filter(fund=fund).delete()
    big = [{"cost_type": "material", "description": "Zelt", "amount": Decimal("2000")}]
    with pytest.raises(services.Refused, match="höchstens 1.500,00\u00a0€"):
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
    response = client.post(page.url + "antrag/neu/", {**data, "place": ""})
    page_text = response.content.decode()
    assert response.status_code == 400
    assert "Dieses Feld muss ausgefüllt werden" in page_text
    assert 'value="Lesecafé"' in page_text and 'value="Bücher"' in page_text
    more = client.post(page.url + "antrag/neu/", {**data, "add_cost": "1"})
    assert 'name="cost-1-amount"' in more.content.decode()
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
    with pytest.raises(services.Refused):  # the question needs an answer
        services.save_application(
            fund=fund,
            user=application.applicant,
            data={"place": "Hof 3", "answer": " "},
            costs=COSTS,
            income=[],
            page_url=page.url,
            application=application,
            submit=True,
        )
    services.save_application(
        fund=fund,
        user=application.applicant,
        data={"place": "Hof 3", "answer": "Im Hof der Nummer 3."},
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
