"""The services that took over writes from the views: creating a proposal once per form,
confirming and revoking residents, self-declaration, issuing and voiding voting codes; and
the URLs and states they and the views use."""

import uuid

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import ModelLogEntry

from core.refusals import NotAllowed
from participation import notifications, services, states
from participation.models import Proposal, ResidentVerification, Street, VotingCodeBatch
from participation.states import ProposalState
from participation.templatetags.participation_tags import state_badge
from participation.voting import codes, sheets
from participation.voting import services as voting_services
from tests.portal.factories import UserFactory

from .factories import make_process, make_proposal, make_vote_process, roles

pytestmark = pytest.mark.django_db
DATA = {"title": "Mehr Bänke", "description": "Am Lindenplatz fehlen Bänke.", "language": "de"}


@pytest.fixture
def process():
    return make_process("during", slug="verfahren-dienste")


# --- proposals --------------------------------------------------------------------------


def test_the_same_form_makes_one_proposal(process):
    author, token = UserFactory(), uuid.uuid4()
    first, created = services.proposal_create_once(
        process=process, author=author, data=DATA, submit=True, client_token=token
    )
    assert created and first.state == states.SUBMITTED and first.client_token == token
    again, created = services.proposal_create_once(
        process=process, author=author, data=DATA, submit=True, client_token=token
    )
    assert (again, created) == (first, False)
    assert Proposal.objects.filter(process=process).count() == 1


def test_two_requests_at_once_make_one_proposal(process, monkeypatch):
    """The second request of a pair misses the first one's proposal when it looks, then
    trips over the unique token when it saves: it answers with the first one's proposal."""
    author, token = UserFactory(), uuid.uuid4()
    first, _created = services.proposal_create_once(
        process=process, author=author, data=DATA, submit=False, client_token=token
    )
    looks = []
    real = services._made_with

    def late(client_token):
        looks.append(client_token)
        return None if len(looks) == 1 else real(client_token)

    monkeypatch.setattr(services, "_made_with", late)
    second, created = services.proposal_create_once(
        process=process, author=author, data=DATA, submit=False, client_token=token
    )
    assert (second, created) == (first, False) and len(looks) == 2
    assert Proposal.objects.filter(process=process).count() == 1


def test_without_a_token_every_call_creates(process):
    author = UserFactory()
    for _ in range(2):
        _proposal, created = services.proposal_create_once(
            process=process, author=author, data=DATA, submit=False, client_token=None
        )
        assert created
    assert Proposal.objects.filter(process=process).count() == 2


def test_creating_once_still_asks_the_rules():
    early = make_process("before", slug="verfahren-dienste-frueh")
    with pytest.raises(NotAllowed):
        services.proposal_create_once(
            process=early, author=UserFactory(), data=DATA, submit=True, client_token=uuid.uuid4()
        )
    assert not Proposal.objects.filter(process=early).exists()


def test_a_refusal_from_a_service_leads_back_to_the_process(process):
    """comment_add refuses inside the service; the explanation page still names the process
    (ProcessPage.serve) and offers the login."""
    proposal = make_proposal(process, UserFactory())
    response = Client().post(
        process.subpage_url("comment", proposal.pk), {"text": "Ohne Anmeldung"}
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "Bitte melden Sie sich an, um mitzumachen." in body
    assert f'href="{process.url}"' in body and "Zurück zu „Verfahren during“" in body
    assert "/de/accounts/login/?next=" in body


# --- states and URLs --------------------------------------------------------------------


def test_old_state_names_are_the_choices():
    assert states.DRAFT is ProposalState.DRAFT and states.DRAFT == "draft"
    assert Proposal.State is ProposalState
    assert dict(states.STATES)[states.NOT_FEASIBLE] == "nicht umsetzbar"
    assert [state_badge(state) for state in ("accepted", "rejected", "draft", "published")] == [
        "success",
        "danger",
        "warning",
        "info",
    ]


def test_sub_page_urls_are_reversed(process):
    proposal = make_proposal(process, UserFactory())
    detail = f"/de/verfahren-dienste/vorschlaege/{proposal.pk}/"
    assert process.subpage_url("detail", proposal.pk) == detail
    assert process.subpage_url("vote") == "/de/verfahren-dienste/abstimmen/"
    assert notifications.proposal_url(proposal) == (
        f"{settings.SITE_URL}/de/verfahren-dienste/vorschlaege/{proposal.pk}/"
    )
    assert sheets.vote_url(process) == f"{settings.SITE_URL}/de/verfahren-dienste/abstimmen/"


# --- residents --------------------------------------------------------------------------


def test_office_confirms_and_revokes_a_resident_with_a_record():
    editor, person = roles()["editor"], UserFactory()
    record = voting_services.verify_resident(person=person, user=editor, age_16=True)
    assert (record.method, record.age_16, record.verified_by) == ("office", True, editor)
    again = voting_services.verify_resident(person=person, user=editor, age_16=False)
    assert again.pk == record.pk and not again.age_16
    assert voting_services.revoke_resident(person=person, user=editor)
    assert not ResidentVerification.objects.filter(user=person).exists()
    assert not voting_services.revoke_resident(person=person, user=editor)
    logged = ModelLogEntry.objects.filter(object_id=str(person.pk), user=editor)
    assert sorted(logged.values_list("action", flat=True)) == [
        "participation.resident_revoked",
        "participation.resident_revoked",
        "participation.resident_verified",
        "participation.resident_verified",
    ]


def test_only_the_office_confirms_residents():
    person = UserFactory()
    for user in (UserFactory(), roles()["moderator"]):
        with pytest.raises(NotAllowed):
            voting_services.verify_resident(person=person, user=user, age_16=True)
        with pytest.raises(NotAllowed):
            voting_services.revoke_resident(person=person, user=user)
    assert not ResidentVerification.objects.filter(user=person).exists()


def test_self_declaration_is_stored_as_unverified():
    process, _ = make_vote_process(slug="d-selbst", allow_self_declaration=True)
    person, street = UserFactory(), Street.objects.create(name="Dienstweg")
    record = voting_services.declare_residence(
        user=person, process=process, street=street, age_16=True
    )
    assert (record.method, record.street, record.verified_by) == ("self", street, None)
    assert person._resident_verification == record  # the rules see it in this request


def test_self_declaration_only_where_the_process_allows_it():
    process, _ = make_vote_process(slug="d-ohne")
    street = Street.objects.create(name="Verbotsweg")
    with pytest.raises(NotAllowed):
        voting_services.declare_residence(user=UserFactory(), process=process, street=street)
    assert not ResidentVerification.objects.exists()


# --- voting codes -----------------------------------------------------------------------


def test_code_batches_are_issued_and_voided_with_a_record():
    process, _ = make_vote_process(slug="d-codes", participants="code")
    editor = roles()["editor"]
    batch, plain = voting_services.issue_code_batch(
        process=process, size=3, label="Hof 5", user=editor
    )
    assert batch.codes.count() == 3 == len(plain) and batch.created_by == editor
    voting_services.void_code_batch(batch=batch, user=editor)
    batch.refresh_from_db()
    assert batch.voided_at is not None and batch.voided_by == editor
    with pytest.raises(codes.CodeRefused):
        codes.find(process, plain[0])
    actions = ModelLogEntry.objects.filter(object_id=str(batch.pk), user=editor)
    assert set(actions.values_list("action", flat=True)) == {
        "participation.codes_created",
        "participation.codes_voided",
    }


def test_only_staff_issue_and_void_codes():
    process, _ = make_vote_process(slug="d-codes-nein", participants="code")
    batch, _plain = codes.create_batch(process=process, size=1, label="Alt", user=None)
    with pytest.raises(NotAllowed):
        voting_services.issue_code_batch(process=process, size=1, label="x", user=UserFactory())
    with pytest.raises(NotAllowed):
        voting_services.void_code_batch(batch=batch, user=UserFactory())
    assert VotingCodeBatch.objects.filter(process=process).count() == 1
    batch.refresh_from_db()
    assert batch.voided_at is None
