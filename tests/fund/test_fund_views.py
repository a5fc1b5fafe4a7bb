"""The fund's pages: refusals explained with a way back to the fund, the steps each person
is offered on an application, URLs as before, and the one final amount."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fund.models import Application
from fund.models.applications import State
from tests.portal.factories import UserFactory

from .factories import in_state, make_fund, office_editor, quorate, scheduled

pytestmark = pytest.mark.django_db


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_a_refused_step_is_explained_with_a_way_back_to_the_fund():
    fund, page, _people, _meeting = make_fund("refused")
    application = scheduled(fund, page)
    url = page.url + f"antraege/{application.pk}/pruefen/"
    response = client_for(UserFactory()).post(url, {"outcome": "complete", "text": ""})
    text = response.content.decode()
    assert response.status_code == 403
    assert "Die formale Prüfung macht das Stadtteilbüro." in text
    assert f'href="{page.url}"' in text and "Zurück zu „Fonds refused“" in text
    anonymous = client_for().get(page.url + "buero/")
    assert anonymous.status_code == 403 and f'href="{page.url}"' in anonymous.content.decode()


def test_a_refusal_raised_by_a_service_is_explained_too():
    """The rule allowed the page, the service refuses the step (the application was
    checked in the meantime): the explanation page, not an error."""
    fund, page, _people, _meeting = make_fund("late")
    application = scheduled(fund, page)
    staff = client_for(office_editor())
    response = staff.post(
        page.url + f"antraege/{application.pk}/abrechnung-pruefen/", {}, follow=False
    )
    assert response.status_code == 403
    assert "Es liegt keine Abrechnung zur Prüfung vor." in response.content.decode()


def test_the_fund_page_offers_the_login_to_apply_and_lists_my_applications():
    fund, page, _people, _meeting = make_fund("index")
    text = client_for().get(page.url).content.decode()
    assert f'href="{reverse("account_login")}?next={page.url}antrag/neu/"' in text
    applicant = UserFactory()
    mine = in_state(fund, State.QUESTION, applicant=applicant, title="Mein Antrag")
    text = client_for(applicant).get(page.url).content.decode()
    assert f'href="{page.url}antrag/neu/"' in text
    assert f'href="{page.url}antraege/{mine.pk}/"' in text and "Mein Antrag" in text


def test_a_question_is_shown_with_the_way_to_answer_it():
    fund, page, _people, _meeting = make_fund("question")
    applicant = UserFactory()
    application = in_state(fund, State.QUESTION, applicant=applicant)
    Application.objects.filter(pk=application.pk).update(question="Wo genau?")
    text = client_for(applicant).get(page.url + f"antraege/{application.pk}/").content.decode()
    assert "Rückfrage des Stadtteilbüros" in text and "Wo genau?" in text
    assert f'href="{page.url}antraege/{application.pk}/bearbeiten/"' in text
    assert "Antrag ergänzen und erneut einreichen" in text
    form = client_for(applicant).get(page.url + f"antraege/{application.pk}/bearbeiten/")
    assert form.status_code == 200 and "Wo genau?" in form.content.decode()


def test_the_minute_taker_records_the_decision_with_the_meetings_quorum():
    fund, page, people, meeting = make_fund("minutes")
    application = scheduled(fund, page)
    quorate(meeting, people)
    text = client_for(people["taker"]).get(page.url + f"antraege/{application.pk}/")
    text = text.content.decode()
    position = application.agenda_item.position
    assert f'href="{fund.jury.url}sitzungen/{meeting.pk}/#top-{position}"' in text
    assert "Beschlussfähig." in text and "Abstimmung eintragen" in text
    assert f'action="{page.url}antraege/{application.pk}/entscheiden/"' in text


def test_the_chair_offers_a_decision_by_circulation_where_the_jury_allows_it():
    fund, page, people, _meeting = make_fund("umlauf")
    application = scheduled(fund, page)
    url = page.url + f"antraege/{application.pk}/"
    chair = client_for(people["chair"])
    assert "Umlaufverfahren starten" not in chair.get(url).content.decode()
    fund.jury.allows_circulation = True
    fund.jury.save()
    assert "Umlaufverfahren starten" in chair.get(url).content.decode()
    assert "Umlaufverfahren starten" not in client_for(people["m1"]).get(url).content.decode()
    deadline = timezone.localtime(timezone.now() + timedelta(days=3))
    response = chair.post(
        url + "umlauf/",
        {"amount": "300", "conditions": "", "deadline": deadline.strftime("%Y-%m-%dT%H:%M")},
    )
    application.refresh_from_db()
    assert response.status_code == 302
    assert response.url == f"{fund.jury.url}umlauf/{application.circulation_id}/"
    refused = chair.post(url + "umlauf/", {"amount": "300", "conditions": "", "deadline": ""})
    assert refused.status_code == 400


def test_the_final_amount_is_the_grant_until_the_settlement_is_checked():
    fund, page, _people, _meeting = make_fund("final")
    assert in_state(fund, State.SUBMITTED).final_amount == Decimal("0")
    approved = in_state(fund, State.APPROVED)
    assert approved.final_amount == approved.approved_amount == Decimal("500")
    assert in_state(fund, State.SETTLEMENT).final_amount == Decimal("500")
    settled = in_state(fund, State.SETTLED)
    assert settled.final_amount == settled.proven_amount == Decimal("420")
    listed = client_for().get(page.url + "gefoerdert/").content.decode()
    assert "420,00\u00a0€ (abgerechnet)" in listed and "500,00\u00a0€ bewilligt" in listed
    assert "3 Aktionen, zusammen 1.420,00\u00a0€." in listed
