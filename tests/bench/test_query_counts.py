"""The two requests `make bench` holds to a ratio whose cost must not grow with the data:
a logged-in resident's proposal list, and casting a vote."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation import states
from participation.models import Ballot, Block, Comment, Proposal, Support, Vote
from portal.accounts.middleware import can_reach_admin
from tests.participation.factories import make_process, make_vote_process
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def _add_proposals(process, count, resident):
    first = Proposal.objects.filter(process=process).count()
    made = Proposal.objects.bulk_create(
        Proposal(
            process=process,
            title=f"Idee {number}",
            description="Eine Bank am Lindenplatz.",
            state=states.PUBLISHED,
            submitted_at=timezone.now(),
            support_count=number % 7,
        )
        for number in range(first, first + count)
    )
    # Personal and counted parts on every page: the resident's own supports, comments.
    Support.objects.bulk_create(Support(proposal=p, user=resident) for p in made[::3])
    Comment.objects.bulk_create(
        Comment(proposal=p, author=resident, text="Gute Idee.") for p in made[::2]
    )


def _list_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured.captured_queries)


@pytest.mark.parametrize(
    "sort", ["?anzahl=50", "?sort=unterstuetzt&anzahl=50", "?sort=zufall&seite=3", ""]
)
def test_proposal_list_of_a_resident_costs_the_same_with_50_or_500_proposals(sort):
    process = make_process(slug=f"liste-{len(sort)}")
    resident = UserFactory()
    client = Client()
    client.force_login(resident)
    url = process.url + sort
    _add_proposals(process, 50, resident)
    client.get(url)  # warm caches (site root paths, content types)
    small_page, small = _list_queries(client, url)
    _add_proposals(process, 450, resident)
    large_page, large = _list_queries(client, url)
    assert small == large, f"{small} queries with 50 proposals, {large} with 500"
    assert "Idee" in small_page.content.decode() and "Idee" in large_page.content.decode()


def test_a_vote_costs_a_fixed_small_number_of_queries(django_assert_num_queries):
    process, proposals = make_vote_process(slug="v-bench", votes_per_ballot=5, proposals=10)
    url = f"/de/stimmabgabe/{process.pk}/"
    voters = []
    for _number in range(3):
        client = Client()
        client.force_login(UserFactory())
        voters.append(client)
    voters[0].post(url, {"choose": [proposals[0].pk], "cast": "1"})  # warm caches
    # Session 1, user 1, admin access 1 (one EXISTS; MFA is asked only of admin users);
    # the page 1 and its privacy 2; rules: phases 1, block 1, residency 1; a first ballot 6
    # (proposals, insert-or-ignore, lock, insert votes, update, log: a new ballot has no
    # votes to delete) and, in the test's transaction, a savepoint and its release 2.
    with django_assert_num_queries(17):
        response = voters[1].post(url, {"choose": [proposals[1].pk], "cast": "1"})
    assert response.status_code == 302
    with django_assert_num_queries(17):
        response = voters[2].post(url, {"choose": [p.pk for p in proposals[:5]], "cast": "1"})
    assert response.status_code == 302
    # A changed ballot: its old votes go in one DELETE (not read back first).
    with django_assert_num_queries(18):
        response = voters[2].post(url, {"choose": [p.pk for p in proposals[5:7]], "cast": "1"})
    assert response.status_code == 302
    ballot = Ballot.objects.get(process=process, times_cast=2)
    assert sorted(ballot.votes.values_list("proposal_id", flat=True)) == [
        proposals[5].pk,
        proposals[6].pk,
    ]
    assert Vote.objects.filter(process=process).count() == 4  # 1 + 1 + the 2 kept


def test_a_page_asks_the_same_permission_question_once():
    from participation import rules

    process = make_process(slug="einmal")
    person = UserFactory()
    with CaptureQueriesContext(connection) as twice:
        rules.is_blocked(person)
        rules.is_blocked(person)
    rules.remember_for_request(person)
    with CaptureQueriesContext(connection) as once:
        assert rules.is_blocked(person) is False
        assert rules.is_blocked(person) is False
        assert rules.is_staff_for(person, process) is False
        staff_queries = len(once.captured_queries)
        assert rules.is_staff_for(person, process) is False
    assert len(twice.captured_queries) == 2
    assert len(once.captured_queries) == staff_queries
    # Without remember_for_request (the default), a new block counts at once.
    other = UserFactory()
    assert rules.is_blocked(other) is False
    Block.objects.create(user=other, reason="Test")
    assert rules.is_blocked(other) is True


def test_admin_access_is_answered_as_the_permission_system_answers_it(
    django_assert_num_queries,
):
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    direct = UserFactory()
    direct.user_permissions.add(access)
    group = Group.objects.create(name="Zugang")
    group.permissions.add(access)
    member = UserFactory()
    member.groups.add(group)
    inactive = UserFactory(is_active=False)
    inactive.groups.add(group)
    people = [direct, member, inactive, UserFactory(), UserFactory(is_superuser=True)]
    expected = [True, True, False, False, True]
    fresh = [type(person).objects.get(pk=person.pk) for person in people]
    assert [person.has_perm("wagtailadmin.access_admin") for person in fresh] == expected
    for person, answer in zip(people, expected, strict=True):
        again = type(person).objects.get(pk=person.pk)
        queries = 1 if again.is_active and not again.is_superuser else 0
        with django_assert_num_queries(queries):
            assert can_reach_admin(again) is answer
            assert can_reach_admin(again) is answer  # the second answer is remembered
