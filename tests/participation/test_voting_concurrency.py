"""Votes under concurrency (PostgreSQL): many threads, each with its own connection, commit
for real, so row locks and constraints are what keeps the count right."""

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connection

from participation.models import Ballot, Vote
from participation.voting import ballots, codes, identity, modes
from tests.markers import requires_postgres
from tests.participation.factories import make_vote_process
from tests.portal.factories import UserFactory

pytestmark = [requires_postgres, pytest.mark.postgres]


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """Data committed outside a test transaction (so other connections see it), removed after."""
    made = []
    with django_db_blocker.unblock():
        yield made
        for obj in reversed(made):
            obj.delete()


def run_together(count, work):
    barrier = threading.Barrier(count)

    def attempt(number):
        barrier.wait()
        try:
            return work(number)
        except (modes.InvalidBallot, codes.CodeRefused) as refused:
            return refused
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(attempt, range(count)))


def test_fifty_attempts_by_one_voter_make_one_ballot(committed):
    process, proposals = make_vote_process(slug="c-same-voter", proposals=5, votes_per_ballot=1)
    user = UserFactory()
    committed += [process, user]
    voter = identity.for_user(user, process)
    results = run_together(
        50,
        lambda n: ballots.cast(process=process, voter=voter, choices={proposals[n % 5].pk: 1}),
    )
    assert not [r for r in results if isinstance(r, Exception)]
    ballot = Ballot.objects.get(process=process)
    assert ballot.times_cast == 50
    assert Vote.objects.filter(process=process).count() == 1


def test_concurrent_budget_edits_never_exceed_the_budget(committed):
    process, proposals = make_vote_process(
        slug="c-budget", mode=modes.BUDGET, proposals=4, budget=Decimal("5000")
    )
    user = UserFactory()
    committed += [process, user]
    voter = identity.for_user(user, process)
    # Each edit fits (1000+4000, 2000+3000, 1000+2000 …); a mix of two would not.
    combos = [(0, 3), (1, 2), (0, 1), (2,), (3,), (0, 2)]
    run_together(
        30,
        lambda n: ballots.cast(
            process=process,
            voter=voter,
            choices={proposals[i].pk: 1 for i in combos[n % len(combos)]},
        ),
    )
    ballot = Ballot.objects.get(process=process)
    chosen = Vote.objects.filter(ballot=ballot).values_list("proposal__requested_budget", flat=True)
    assert sum(chosen) == ballot.budget_used <= Decimal("5000")
    assert ballot.times_cast == 30


def test_many_voters_at_the_same_moment_lose_nothing(committed):
    process, proposals = make_vote_process(slug="c-many", proposals=3, votes_per_ballot=3)
    people = [UserFactory() for _ in range(30)]
    committed += [process, *people]
    results = run_together(
        30,
        lambda n: ballots.cast(
            process=process,
            voter=identity.for_user(people[n], process),
            choices={p.pk: 1 for p in proposals},
        ),
    )
    assert not [r for r in results if isinstance(r, Exception)]
    assert Ballot.objects.filter(process=process).count() == 30
    assert Vote.objects.filter(process=process).count() == 90


def test_one_code_used_at_once_by_twenty_browsers_counts_once(committed):
    process, (a, *_rest) = make_vote_process(slug="c-code", participants="code")
    committed.append(process)
    _batch, (plain,) = codes.create_batch(process=process, size=1, label="T", user=None)

    def redeem_and_cast(_n):
        voter = identity.for_code(codes.find(process, plain))
        return ballots.cast(process=process, voter=voter, choices={a.pk: 1})

    results = run_together(20, redeem_and_cast)
    succeeded = [r for r in results if not isinstance(r, Exception)]
    assert len(succeeded) == 1
    assert all("bereits abgestimmt" in r.message for r in results if isinstance(r, Exception))
    assert Ballot.objects.filter(process=process).count() == 1
    assert Vote.objects.filter(process=process).count() == 1
