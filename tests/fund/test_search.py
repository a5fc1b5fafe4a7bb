"""Funded actions in the public search: what the public list shows, nothing more."""

import pytest
from wagtail.models import PageViewRestriction

from fund.models import Application
from fund.models.applications import State
from fund.privacy import _anonymise

from .factories import in_state, make_fund

pytestmark = pytest.mark.django_db


def hits(client, query, language="de"):
    response = client.get(f"/{language}/suche/", {"q": query})
    assert response.status_code == 200
    return response.context["results"].hits


@pytest.fixture
def fund():
    fund, page, _people, _meeting = make_fund("suche")
    return fund, page


def test_a_funded_action_is_found_with_its_type_and_link(client, fund):
    fund, page = fund
    action = in_state(fund, State.APPROVED, title="Nachbarschaftsfrühstück")
    found = hits(client, "Nachbarschaftsfrühstück")
    assert [hit.kind for hit in found] == ["Geförderte Aktion"]
    assert found[0].url == f"{page.url}gefoerdert/?jahr={fund.year}#aktion-{action.pk}"
    listing = client.get(found[0].url.split("#")[0]).content.decode()
    assert f'id="aktion-{action.pk}"' in listing


@pytest.mark.parametrize(
    "state",
    [State.DRAFT, State.SUBMITTED, State.COMPLETE, State.REJECTED, State.WITHDRAWN],
)
def test_applications_not_funded_are_never_found(client, fund, state):
    fund, _page = fund
    in_state(fund, state, title="Geheimaktion")
    assert hits(client, "Geheimaktion") == []


def test_settled_actions_are_found(client, fund):
    fund, _page = fund
    in_state(fund, State.SETTLED, title="Kiezkino")
    assert len(hits(client, "Kiezkino")) == 1


def test_contact_data_and_unpublished_text_are_never_searchable(client, fund):
    fund, _page = fund
    in_state(
        fund,
        State.APPROVED,
        title="Hoffest",
        contact_name="Erika Zaunkönig",
        organisation="Hausgemeinschaft Zaunkönig",
        email="erika@example.org",
        description="Beschreibung mit Geheimwort Quittengelee",
        report="Bericht über den Apfelkuchen",
        consent_name=False,
    )
    for query in ("Zaunkönig", "erika", "Quittengelee", "Apfelkuchen"):
        assert hits(client, query) == [], query
    assert len(hits(client, "Hoffest")) == 1


def test_name_and_report_are_searchable_with_consent_until_anonymised(client, fund):
    fund, _page = fund
    action = in_state(
        fund,
        State.SETTLED,
        title="Hoffest",
        organisation="Hausgemeinschaft Zaunkönig",
        report="Es gab Apfelkuchen für alle.",
        consent_name=True,
    )
    assert len(hits(client, "Zaunkönig")) == 1
    assert len(hits(client, "Apfelkuchen")) == 1
    _anonymise(Application.objects.filter(pk=action.pk))
    assert hits(client, "Zaunkönig") == []
    assert hits(client, "Apfelkuchen") == []
    assert len(hits(client, "Hoffest")) == 1


def test_actions_of_a_restricted_fund_page_are_never_found(client, fund):
    fund, page = fund
    in_state(fund, State.APPROVED, title="Geheimaktion")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert hits(client, "Geheimaktion") == []
