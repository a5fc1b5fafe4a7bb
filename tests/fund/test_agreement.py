"""Issue 15: the funding agreement adds up and names both parties and the bank details; the
application collects IBAN and account holder (checked, shown masked, erased after closing);
residents never type the total and save drafts with any fields; the ledger chart labels
its bars."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from core import privacy
from fund.iban import masked, validate_iban
from fund.models import Application, ApplicationEvent, CostItem, IncomeItem
from fund.models.applications import State
from fund.privacy import export, purge_bank_details
from tests.portal.factories import OfficeSettingsFactory, UserFactory

from .factories import in_state, make_fund, office_editor

pytestmark = pytest.mark.django_db

IBAN = "DE89370400440532013000"
MASKED = "DE89 **** **** **** **30 00"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


# --- IBAN ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["DE89 3704 0044 0532 0130 00", "de89370400440532013000", "GB82WEST12345698765432"]
)
def test_valid_ibans_pass(value):
    validate_iban(value)


@pytest.mark.parametrize(
    "value,code",
    [
        ("DE88370400440532013000", "checksum"),  # one check digit wrong
        ("DE89370400440532013001", "checksum"),  # one account digit wrong
        ("DE8937040044053201300", "length"),
        ("AT89370400440532013000", "length"),
        ("US89370400440532013000", "country"),
        ("Kontonummer 123", "format"),
    ],
)
def test_invalid_ibans_are_refused_with_the_reason(value, code):
    with pytest.raises(ValidationError) as refused:
        validate_iban(value)
    assert refused.value.code == code


def test_masked_shows_country_check_digits_and_the_last_four():
    assert masked(IBAN) == MASKED
    assert masked("") == ""


# --- the application form --------------------------------------------------------------------


def form_data(**overrides):
    data = {
        "cost-TOTAL_FORMS": "1",
        "cost-INITIAL_FORMS": "0",
        "cost-MIN_NUM_FORMS": "1",
        "cost-MAX_NUM_FORMS": "30",
        "cost-0-cost_type": "material",
        "income-TOTAL_FORMS": "0",
        "income-INITIAL_FORMS": "0",
        "income-MIN_NUM_FORMS": "0",
        "income-MAX_NUM_FORMS": "20",
    }
    data.update(overrides)
    return data


FULL = {
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
}

PLAN = {
    "cost-TOTAL_FORMS": "2",
    "cost-0-description": "Bücher",
    "cost-0-amount": "100",
    "cost-1-cost_type": "food",
    "cost-1-description": "Kuchen",
    "cost-1-amount": "200,00",
    "income-TOTAL_FORMS": "1",
    "income-0-source": "Spenden",
    "income-0-amount": "50",
}


@pytest.mark.parametrize(
    "typed", [{}, {"title": "Nur ein Titel"}, {"starts_on": "2030-05-01"}, {"cost-0-amount": ""}]
)
def test_a_draft_saves_with_any_subset_of_fields(typed):
    fund, page, _people, _meeting = make_fund("draft")
    user = UserFactory()
    response = client_for(user).post(
        page.url + "antrag/neu/", form_data(draft="1", email="", **typed)
    )
    assert response.status_code == 302
    draft = Application.objects.get(fund=fund)
    assert draft.state == State.DRAFT and draft.applicant == user
    assert draft.requested_amount == 0 and not draft.costs.exists()
    assert draft.title == typed.get("title", "")


def test_submitting_an_incomplete_draft_names_the_missing_fields_and_keeps_the_rest():
    fund, page, _people, _meeting = make_fund("incomplete")
    client = client_for(UserFactory())
    response = client.post(page.url + "antrag/neu/", form_data(submit="1", title="Lesecafé"))
    assert response.status_code == 400
    text = response.content.decode()
    assert text.count("Dieses Feld muss ausgefüllt werden") >= 5
    assert 'value="Lesecafé"' in text
    assert not Application.objects.filter(fund=fund).exists()


def test_the_requested_amount_is_computed_never_typed():
    fund, page, _people, _meeting = make_fund("total")
    client = client_for(UserFactory())
    form = client.get(page.url + "antrag/neu/").content.decode()
    assert 'name="requested_amount"' not in form
    assert "Betrag berechnen" in form
    # "Betrag berechnen" shows the sum without saving: 300 + 5 % (15) − 50 = 265.
    shown = client.post(page.url + "antrag/neu/", form_data(recalculate="1", **FULL, **PLAN))
    text = shown.content.decode()
    assert shown.status_code == 200 and not Application.objects.filter(fund=fund).exists()
    assert "<strong>265,00\u00a0€</strong>" in text
    assert "Pauschale 15,00\u00a0€" in text and "Einnahmen 50,00\u00a0€" in text
    # A typed amount is ignored.
    done = client.post(
        page.url + "antrag/neu/", form_data(submit="1", requested_amount="999", **FULL, **PLAN)
    )
    assert done.status_code == 302
    application = Application.objects.get(fund=fund)
    assert application.state == State.SUBMITTED
    assert application.requested_amount == Decimal("265.00")
    # Editing shows the stored plan's total before anything is posted.
    Application.objects.filter(pk=application.pk).update(state=State.QUESTION)
    edit = client.get(page.url + f"antraege/{application.pk}/bearbeiten/").content.decode()
    assert "<strong>265,00\u00a0€</strong>" in edit


def test_a_wrong_iban_is_refused_and_nothing_typed_is_lost():
    fund, page, _people, _meeting = make_fund("badiban")
    response = client_for(UserFactory()).post(
        page.url + "antrag/neu/",
        form_data(
            draft="1", title="Lesecafé", iban="DE88 3704 0044 0532 0130 00", account_holder="Ada"
        ),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Die Prüfziffern passen nicht" in text
    assert 'value="Lesecafé"' in text and 'value="Ada"' in text
    missing = client_for(UserFactory()).post(
        page.url + "antrag/neu/", form_data(draft="1", iban=IBAN)
    )
    assert "Bitte nennen Sie, wem das Konto gehört." in missing.content.decode()
    assert not Application.objects.filter(fund=fund).exists()


def test_iban_is_stored_compact_shown_masked_and_kept_when_left_empty():
    fund, page, _people, _meeting = make_fund("iban")
    user = UserFactory()
    client = client_for(user)
    client.post(
        page.url + "antrag/neu/",
        form_data(
            draft="1", title="Lesecafé", iban="de89 3704 0044 0532 0130 00", account_holder="Ada"
        ),
    )
    draft = Application.objects.get(fund=fund)
    assert draft.iban == IBAN and draft.account_holder == "Ada"
    detail = client.get(page.application_url(draft)).content.decode()
    assert MASKED in detail and IBAN not in detail and "DE89 3704" not in detail
    edit_url = page.url + f"antraege/{draft.pk}/bearbeiten/"
    edit = client.get(edit_url).content.decode()
    assert MASKED in edit and IBAN not in edit
    client.post(edit_url, form_data(draft="1", title="Lesecafé 2", account_holder="Ada"))
    draft.refresh_from_db()
    assert draft.title == "Lesecafé 2" and draft.iban == IBAN


def test_bank_details_never_reach_the_jury():
    fund, page, people, _meeting = make_fund("jurybank")
    application = in_state(
        fund, State.APPROVED, applicant=UserFactory(), iban=IBAN, account_holder="Ada Antrag"
    )
    jury = client_for(people["m1"]).get(page.application_url(application)).content.decode()
    assert "Bankverbindung" not in jury and "**30 00" not in jury
    office = client_for(office_editor()).get(page.application_url(application)).content.decode()
    assert MASKED in office and "Ada Antrag" in office


# --- the agreement PDF -----------------------------------------------------------------------


def agreement_text(client, page, application):
    url = page.url + f"antraege/{application.pk}/vereinbarung/"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(p.extract_text() for p in reader.pages).replace("\n", " ")


def agreed(fund):
    application = in_state(
        fund,
        State.APPROVED,
        applicant=UserFactory(),
        organisation="Hof 3",
        address="Hofweg 3\n12345 Zwischenheide",
        iban=IBAN,
        account_holder="Ada Antrag",
        requested_amount=Decimal("865.00"),
    )
    CostItem.objects.create(
        application=application, cost_type="material", description="Bänke", amount=Decimal("500")
    )
    CostItem.objects.create(
        application=application, cost_type="food", description="Kuchen", amount=Decimal("400")
    )
    IncomeItem.objects.create(application=application, source="Spenden", amount=Decimal("80"))
    return application


def test_the_agreement_adds_up_and_names_both_parties_and_the_bank_details():
    OfficeSettingsFactory(
        office_name="Bürgerbüro Lindenhof", street="Lindenhof 7", postcode="12345", city="Heide"
    )
    fund, page, _people, _meeting = make_fund("agreement")
    application = agreed(fund)
    text = agreement_text(client_for(application.applicant), page, application)
    assert f"Aktenzeichen AF-{fund.year}-{application.pk:04d}" in text
    # Costs 900, flat rate 5 % = 45, income 80: 865.
    for line in (
        "Bänke",
        "500,00",
        "Kuchen",
        "400,00",
        "Summe der Kosten 900,00",
        "Pauschale (5 % der Kosten) +45,00",
        "Einnahme: Spenden −80,00",
        "Beantragter Betrag 865,00",
    ):
        assert line in text, line
    assert "Bürgerbüro Lindenhof" in text and "Lindenhof 7" in text and "12345 Heide" in text
    assert "Hof 3" in text and "Hofweg 3" in text and "12345 Zwischenheide" in text
    assert "Kontoinhaber*in: Ada Antrag" in text and "IBAN: DE89 3704 0044 0532 0130 00" in text
    office = agreement_text(client_for(office_editor()), page, application)
    assert "DE89 3704 0044 0532 0130 00" in office


def test_the_jurys_agreement_leaves_out_address_and_bank_details():
    fund, page, people, _meeting = make_fund("juryagreement")
    application = agreed(fund)
    text = agreement_text(client_for(people["m1"]), page, application)
    assert "Beantragter Betrag 865,00" in text
    assert "Hofweg" not in text and "3704" not in text and "Ada Antrag" not in text


# --- privacy ---------------------------------------------------------------------------------


def closed(fund, state, days_ago, **fields):
    application = in_state(
        fund, state, applicant=UserFactory(), iban=IBAN, account_holder="Ada", **fields
    )
    event = ApplicationEvent.objects.create(application=application, state=state)
    at = timezone.now() - timedelta(days=days_ago)
    ApplicationEvent.objects.filter(pk=event.pk).update(created_at=at)
    Application.objects.filter(pk=application.pk).update(updated_at=timezone.now())
    return application


def test_bank_details_are_erased_after_the_case_is_closed(settings):
    settings.BANK_DETAILS_RETENTION_DAYS = 90
    fund, _page, _people, _meeting = make_fund("purgebank")
    old_settled = closed(fund, State.SETTLED, 91)
    old_rejected = closed(fund, State.REJECTED, 100)
    young_settled = closed(fund, State.SETTLED, 10)
    running = closed(fund, State.APPROVED, 400)  # still to be paid: kept
    assert purge_bank_details(timezone.now()) == 2
    for application, erased in (
        (old_settled, True),
        (old_rejected, True),
        (young_settled, False),
        (running, False),
    ):
        application.refresh_from_db()
        assert (application.iban == "") is erased
        assert (application.account_holder == "") is erased
        assert application.title  # only the bank details go
    assert "fund.bank_details" in privacy.purge_expired()


def test_own_export_carries_the_bank_details_and_erasure_of_closed_cases_removes_them():
    fund, _page, _people, _meeting = make_fund("exportbank")
    application = closed(fund, State.REJECTED, 1, address="Hofweg 3")
    person = application.applicant
    data = export(person).data["applications"][0]
    assert data["iban"] == IBAN and data["account_holder"] == "Ada"
    assert data["address"] == "Hofweg 3"
    from fund.privacy import erase

    erase(person)
    application.refresh_from_db()
    assert application.iban == "" and application.account_holder == "" and not application.address


# --- the ledger chart ------------------------------------------------------------------------


def test_the_ledger_chart_labels_every_bar_with_its_amount():
    fund, page, _people, _meeting = make_fund("chart")
    response = client_for(office_editor()).get(page.url + "buero/")
    text = response.content.decode()
    chart = text.split('class="ledger-chart__bars"')[1].split("</ul>")[0]
    budget = f"{fund.budget:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    for label in ("Budget", "Gebunden", "Ausgezahlt", "Zurückgefordert", "Frei"):
        assert f'<span class="ledger-chart__label">{label}</span>' in chart
    assert chart.count('class="ledger-chart__value"') == 5
    assert f"{budget}\u00a0€" in chart
    assert 'aria-hidden="true"' in chart  # the drawn bar is decoration; the text carries it


def test_the_service_refuses_to_submit_without_the_required_fields():
    from fund import services

    from .factories import COSTS, application_data

    fund, page, _people, _meeting = make_fund("servicemissing")
    with pytest.raises(services.Refused, match="Zum Einreichen fehlen noch: Ort, Beginn"):
        services.save_application(
            fund=fund,
            user=UserFactory(),
            data=application_data(place="", starts_on=None),
            costs=COSTS,
            income=[],
            page_url=page.url,
            submit=True,
        )


def test_fields_needed_to_submit_are_not_called_optional_while_adding_a_row():
    _fund, page, _people, _meeting = make_fund("labels")
    text = (
        client_for(UserFactory())
        .post(page.url + "antrag/neu/", form_data(add_cost="1", title="Lesecafé"))
        .content.decode()
    )
    place = text.split('for="id_place"')[1].split("</label>")[0]
    partners = text.split('for="id_partners"')[1].split("</label>")[0]
    assert "optional" not in place and "optional" in partners
    assert "muss ausgefüllt werden" not in text
