"""Casting ballots: one per voter, replaced whole, limits enforced by the database too,
paper and online never both, code ballots unlinked from accounts, audit without content."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from wagtail.models import ModelLogEntry

from participation.models import Ballot, ResidentVerification, Vote, VotingCode
from participation.models.voting import BY_ACCOUNT, BY_CODE, BY_OFFICE, PAPER
from participation.voting import ballots, codes, identity, modes
from participation.voting.modes import InvalidBallot
from tests.participation.factories import make_vote_process
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def cast(process, voter, choices, **kwargs):
    return ballots.cast(process=process, voter=voter, choices=choices, **kwargs)


def test_changing_a_ballot_replaces_it():
    process, (a, b, c) = make_vote_process(slug="v-change")
    voter = identity.for_user(UserFactory(), process)
    first, _ = cast(process, voter, {a.pk: 1, b.pk: 1})
    second, _ = cast(process, voter, {c.pk: 1})
    assert first.pk == second.pk
    assert Ballot.objects.filter(process=process).count() == 1
    assert set(Vote.objects.filter(ballot=second).values_list("proposal_id", flat=True)) == {c.pk}
    assert second.times_cast == 2


def test_ballot_does_not_reference_the_account():
    process, (a, *_rest) = make_vote_process(slug="v-secret")
    user = UserFactory()
    ballot, _ = cast(process, identity.for_user(user, process), {a.pk: 1})
    import hashlib

    # A keyed hash: not computable from the database alone, and no foreign key to accounts.
    assert ballot.voter_key != hashlib.sha256(f"user:{user.pk}".encode()).hexdigest()
    assert len(ballot.voter_key) == 64
    assert all(
        field.related_model is None or field.name == "process"
        for field in Ballot._meta.concrete_fields
    )


def test_invalid_ballot_saves_nothing():
    process, (a, b, c) = make_vote_process(slug="v-invalid", votes_per_ballot=2)
    voter = identity.for_user(UserFactory(), process)
    cast(process, voter, {a.pk: 1})
    with pytest.raises(InvalidBallot):
        cast(process, voter, {a.pk: 1, b.pk: 1, c.pk: 1})
    ballot = Ballot.objects.get(process=process)
    assert list(ballot.votes.values_list("proposal_id", flat=True)) == [a.pk]
    assert ballot.times_cast == 1


def test_proposal_of_another_process_is_refused():
    process, (a, *_rest) = make_vote_process(slug="v-own")
    _other, (foreign, *_more) = make_vote_process(slug="v-foreign")
    with pytest.raises(InvalidBallot, match="nicht zur Wahl"):
        cast(process, identity.for_user(UserFactory(), process), {a.pk: 1, foreign.pk: 1})
    assert not Ballot.objects.filter(process=process).exists()


def test_database_refuses_a_ballot_over_its_limits():
    process, (a, *_rest) = make_vote_process(slug="v-db-limit", mode=modes.BUDGET)
    ballot, _ = cast(process, identity.for_user(UserFactory(), process), {a.pk: 1})
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.filter(pk=ballot.pk).update(budget_used=Decimal("5000.01"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(process=process, voter_key=ballot.voter_key, trust=BY_ACCOUNT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(ballot=ballot, process=process, proposal=a, value=1, verified=False)


def test_paper_and_online_never_both():
    process, (a, b, _c) = make_vote_process(slug="v-paper")
    person, staff = UserFactory(), UserFactory()
    voter = identity.for_user(person, process)
    cast(process, voter, {a.pk: 1}, channel=PAPER, actor=staff)
    with pytest.raises(InvalidBallot, match="Papier"):
        cast(process, voter, {b.pk: 1})
    online = identity.for_user(UserFactory(), process)
    cast(process, online, {a.pk: 1})
    with pytest.raises(InvalidBallot, match="online"):
        cast(process, online, {b.pk: 1}, channel=PAPER, actor=staff)


def test_trust_follows_verification():
    process, (a, *_rest) = make_vote_process(slug="v-trust", participants="verified")
    person = UserFactory()
    assert identity.for_user(person, process).trust == BY_ACCOUNT
    ResidentVerification.objects.create(user=person, method="office", age_16=True)
    person = type(person).objects.get(pk=person.pk)  # the record is cached per request
    ballot, _ = cast(process, identity.for_user(person, process), {a.pk: 1})
    assert ballot.trust == BY_OFFICE
    assert ballot.votes.get().verified is True


def test_code_is_used_once_and_never_linked_to_an_account():
    process, (a, b, _c) = make_vote_process(slug="v-code", participants="code")
    batch, (plain,) = codes.create_batch(process=process, size=1, label="Test", user=None)
    voter = identity.for_code(codes.find(process, plain))
    ballot, token = cast(process, voter, {a.pk: 1})
    assert ballot.trust == BY_CODE and token
    assert VotingCode.objects.get(batch=batch).used_at is not None
    with pytest.raises(codes.CodeRefused, match="bereits abgestimmt"):
        codes.find(process, plain)
    # The browser that cast it may change it with its token; nobody else can.
    resumed = identity.Voter(key=ballot.voter_key, trust=BY_CODE, resume_token=token)
    cast(process, resumed, {b.pk: 1})
    stranger = identity.Voter(key=ballot.voter_key, trust=BY_CODE, resume_token="guess")
    with pytest.raises(codes.CodeRefused):
        cast(process, stranger, {a.pk: 1})
    assert list(ballot.votes.values_list("proposal_id", flat=True)) == [b.pk]


def test_code_digest_is_salted_and_keyed():
    process, _ = make_vote_process(slug="v-digest", participants="code")
    batch, (plain,) = codes.create_batch(process=process, size=1, label="Test", user=None)
    stored = VotingCode.objects.get(batch=batch).digest
    assert codes.normalise(plain) not in stored
    import hashlib

    assert stored != hashlib.sha256(codes.normalise(plain).encode()).hexdigest()
    assert codes.digest("other-salt", plain) != stored


@pytest.mark.parametrize("state", ["unknown", "voided", "expired", "used", "wrong-process"])
def test_code_refusals_are_clear(state):
    from datetime import timedelta

    from django.utils import timezone

    process, (a, *_rest) = make_vote_process(slug=f"v-refuse-{state}", participants="code")
    other, _ = make_vote_process(slug=f"v-refuse-other-{state}", participants="code")
    batch, (plain,) = codes.create_batch(
        process=other if state == "wrong-process" else process, size=1, label="T", user=None
    )
    text = "ABCD-EFGH-JKMN" if state == "unknown" else plain
    if state == "voided":
        codes.void_batch(batch, None)
    if state == "expired":
        batch.expires_at = timezone.now() - timedelta(minutes=1)
        batch.save()
    if state == "used":
        cast(process, identity.for_code(codes.find(process, plain)), {a.pk: 1})
    expected = {
        "unknown": "nicht bekannt",
        "wrong-process": "nicht bekannt",
        "voided": "ungültig",
        "expired": "abgelaufen",
        "used": "bereits abgestimmt",
    }[state]
    with pytest.raises(codes.CodeRefused, match=expected):
        codes.find(process, text)


def test_codes_ignore_case_spaces_and_dashes():
    process, _ = make_vote_process(slug="v-normalise", participants="code")
    _batch, (plain,) = codes.create_batch(process=process, size=1, label="T", user=None)
    assert codes.find(process, " " + plain.lower().replace("-", " ") + " ")


def test_audit_log_records_changes_without_identity_or_content():
    process, (a, b, _c) = make_vote_process(slug="v-audit")
    person, staff = UserFactory(), UserFactory()
    ballot, _ = cast(process, identity.for_user(person, process), {a.pk: 1})
    cast(process, identity.for_user(person, process), {b.pk: 1})
    paper, _ = cast(
        process, identity.for_user(UserFactory(), process), {a.pk: 1}, channel=PAPER, actor=staff
    )
    ids = [str(pk) for pk in Ballot.objects.filter(process=process).values_list("pk", flat=True)]
    entries = ModelLogEntry.objects.filter(
        content_type__model="ballot", object_id__in=ids
    ).order_by("pk")
    assert [entry.action for entry in entries] == [
        "participation.ballot_cast",
        "participation.ballot_changed",
        "participation.ballot_cast",
    ]
    assert entries[0].user_id is None and entries[1].user_id is None
    assert entries[2].user_id == staff.pk
    for entry in entries:
        text = str(entry.data) + entry.label
        assert str(a.pk) not in entry.data.values() and "proposal" not in text
        assert person.email not in text


def test_queries_per_vote_do_not_grow_with_the_ballot(django_assert_max_num_queries):
    process, proposals = make_vote_process(
        slug="v-queries", mode=modes.POINTS, points_per_ballot=100, proposals=12
    )
    small = identity.for_user(UserFactory(), process)
    large = identity.for_user(UserFactory(), process)
    cast(process, small, {proposals[0].pk: 1})  # warm caches (content types)
    # savepoint, proposals, insert-or-ignore ballot, lock it, delete and insert votes,
    # update ballot, log entry (no content type check: written without full_clean), release
    # Changing a ballot deletes its old votes in one statement (not read back first); a
    # first ballot has none to delete (one statement less).
    with django_assert_max_num_queries(9) as changed:
        cast(process, small, {proposals[0].pk: 1})
    with django_assert_max_num_queries(9) as first_large:
        cast(process, large, {p.pk: 1 for p in proposals})
    with django_assert_max_num_queries(9) as changed_large:
        cast(process, large, {p.pk: 1 for p in proposals[:6]})
    assert len(changed.captured_queries) == len(changed_large.captured_queries) == 9
    assert len(first_large.captured_queries) == 8
    assert sorted(
        Vote.objects.filter(ballot__voter_key=large.key).values_list("proposal_id", flat=True)
    ) == sorted(p.pk for p in proposals[:6])
