"""Results: counts by database aggregate, ranking with the stated tie rule, the budget
winning set, and verified and self-declared votes kept apart."""

from decimal import Decimal

import pytest

from participation.models import ResidentVerification, Street
from participation.models.voting import PAPER
from participation.voting import ballots, codes, identity, modes, tally
from tests.participation.factories import make_vote_process
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def vote(process, choices, user=None, **kwargs):
    user = user or UserFactory()
    return ballots.cast(
        process=process, voter=identity.for_user(user, process), choices=choices, **kwargs
    )


def office_verified():
    user = UserFactory()
    ResidentVerification.objects.create(user=user, method="office", age_16=True)
    return type(user).objects.get(pk=user.pk)


def self_declared():
    user = UserFactory()
    street, _ = Street.objects.get_or_create(name="Teststraße")
    ResidentVerification.objects.create(user=user, method="self", street=street, age_16=True)
    return type(user).objects.get(pk=user.pk)


def by_title(results):
    return {row.proposal.title: row for row in results.rows}


def test_approval_counts_and_ranks_with_shared_ranks():
    process, (a, b, c) = make_vote_process(slug="t-approval", votes_per_ballot=2)
    vote(process, {a.pk: 1, b.pk: 1})
    vote(process, {a.pk: 1, c.pk: 1})
    vote(process, {b.pk: 1})
    results = tally.tally(process)
    rows = by_title(results)
    assert (rows["Vorschlag 1"].official.yes, rows["Vorschlag 2"].official.yes) == (2, 2)
    assert rows["Vorschlag 1"].rank == rows["Vorschlag 2"].rank == 1
    assert rows["Vorschlag 3"].rank == 3
    # Tie: the cheaper proposal first.
    assert [row.proposal.pk for row in results.rows[:2]] == [a.pk, b.pk]
    assert results.ballots == 3


def test_yes_no_passes_with_more_yes_than_no_and_ties_fail():
    process, (a, b, c) = make_vote_process(slug="t-yesno", mode=modes.YESNO)
    vote(process, {a.pk: modes.YES, b.pk: modes.YES, c.pk: modes.ABSTAIN})
    vote(process, {a.pk: modes.YES, b.pk: modes.NO, c.pk: modes.ABSTAIN})
    vote(process, {a.pk: modes.NO, c.pk: modes.YES})
    rows = by_title(tally.tally(process))
    assert (rows["Vorschlag 1"].official.yes, rows["Vorschlag 1"].official.no) == (2, 1)
    assert rows["Vorschlag 1"].chosen is True
    assert rows["Vorschlag 2"].chosen is False  # 1:1 is a tie
    assert rows["Vorschlag 3"].official.abstain == 2 and rows["Vorschlag 3"].chosen is True


def test_points_are_summed():
    process, (a, b, _c) = make_vote_process(slug="t-points", mode=modes.POINTS)
    vote(process, {a.pk: 7, b.pk: 3})
    vote(process, {b.pk: 10})
    rows = by_title(tally.tally(process))
    assert rows["Vorschlag 1"].official.points == 7
    assert rows["Vorschlag 2"].official.points == 13
    assert rows["Vorschlag 2"].rank == 1


def test_budget_winning_set_skips_what_does_not_fit():
    # Budget 5000; costs 1000, 2000, 3000, 4000. Votes: 4000 > 3000 > 2000 > 1000.
    process, (p1, p2, p3, p4) = make_vote_process(slug="t-budget", mode=modes.BUDGET, proposals=4)
    for _ in range(4):
        vote(process, {p4.pk: 1})
    for _ in range(3):
        vote(process, {p3.pk: 1})
    for _ in range(2):
        vote(process, {p2.pk: 1})
    vote(process, {p1.pk: 1})
    results = tally.tally(process)
    chosen = {row.proposal.pk for row in results.rows if row.chosen}
    # 4000 fits; 3000 does not (7000); 2000 does not (6000); 1000 fits (5000).
    assert chosen == {p4.pk, p1.pk}
    assert results.budget_used == Decimal("5000")


def test_self_declared_votes_are_shown_apart_and_do_not_decide():
    process, (a, b, _c) = make_vote_process(
        slug="t-verified", participants="verified", allow_self_declaration=True
    )
    vote(process, {a.pk: 1}, user=office_verified())
    vote(process, {b.pk: 1}, user=self_declared())
    vote(process, {b.pk: 1}, user=self_declared())
    results = tally.tally(process)
    rows = by_title(results)
    assert (rows["Vorschlag 1"].official.yes, rows["Vorschlag 1"].unofficial.yes) == (1, 0)
    assert (rows["Vorschlag 2"].official.yes, rows["Vorschlag 2"].unofficial.yes) == (0, 2)
    assert results.rows[0].proposal.pk == a.pk
    assert (results.ballots_official, results.ballots_unofficial) == (1, 2)
    assert results.has_unofficial


def test_registered_mode_counts_every_vote_and_paper_ballots():
    process, (a, *_rest) = make_vote_process(slug="t-registered")
    vote(process, {a.pk: 1})
    vote(process, {a.pk: 1}, channel=PAPER, actor=UserFactory())
    results = tally.tally(process)
    assert results.counts_all and results.ballots_official == 2 and results.paper_ballots == 1
    assert not results.has_unofficial


def test_code_votes_count_as_verified():
    process, (a, *_rest) = make_vote_process(slug="t-codes", participants="code")
    _batch, plain = codes.create_batch(process=process, size=2, label="T", user=None)
    for text in plain:
        ballots.cast(
            process=process, voter=identity.for_code(codes.find(process, text)), choices={a.pk: 1}
        )
    assert by_title(tally.tally(process))["Vorschlag 1"].official.yes == 2


def test_tally_query_count_is_constant(django_assert_max_num_queries):
    process, proposals = make_vote_process(slug="t-queries", proposals=6, votes_per_ballot=6)
    for _ in range(5):
        vote(process, {p.pk: 1 for p in proposals})
    with django_assert_max_num_queries(6):
        tally.tally(process)
    for _ in range(20):
        vote(process, {p.pk: 1 for p in proposals[:3]})
    with django_assert_max_num_queries(6):
        tally.tally(process)
