"""Voting under load for `make bench`: votes per second through real HTTP with concurrent
voters, and the time to tally 1,000,000 votes. Seeds its own processes in the bench database."""

import statistics
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connection, transaction
from django.utils import timezone

from participation.models import Ballot, Phase, ProcessPage, Proposal, Vote
from participation.voting import modes, tally
from portal.models import HomePage

PROPOSALS = 20
CSRF = "b" * 32  # an unmasked CSRF secret: cookie and form field carry the same value


def _process(slug, title):
    home = HomePage.objects.get(locale__language_code="de")
    process = ProcessPage.objects.child_of(home).filter(slug=slug).first()
    if process is None:
        now = timezone.now()
        process = ProcessPage(
            title=title,
            slug=slug,
            intro="Benchmark",
            voting_mode=modes.APPROVAL,
            votes_per_ballot=5,
        )
        process.phases.add(
            Phase(
                kind="voting",
                start=now - timedelta(days=1),
                end=now + timedelta(days=3650),
                allows_vote=True,
            )
        )
        home.add_child(instance=process)
        process.save_revision().publish()
        Proposal.objects.bulk_create(
            Proposal(
                process=process,
                title=f"Vorschlag {number}",
                description="Benchmark",
                state="published",
                submitted_at=now,
            )
            for number in range(PROPOSALS)
        )
    return process


def _voters(count):
    """`count` accounts with a logged-in session each: [(session key, user)]. The sessions
    are stored by the configured engine (with Redis: cached_db, in the cache and the
    database), as a login stores them, so the servers find them where they would."""
    from importlib import import_module

    from django.contrib.auth import get_user_model

    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore

    User = get_user_model()
    have = User.objects.filter(email__endswith="@voters.bench.example").count()
    User.objects.bulk_create(
        User(
            username=f"voter{n}",
            email=f"voter{n}@voters.bench.example",
            password="!unusable",
        )
        for n in range(have, count)
    )
    people = list(User.objects.filter(email__endswith="@voters.bench.example").order_by("pk"))
    sessions = []
    for user in people[:count]:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append(store.session_key)
    return sessions


def cache_sessions(session_keys, redis_url):
    """Puts the sessions into the servers' Redis cache, where the servers (cached_db) look
    first: a resident who logged in has their session there, and the benchmark's sessions,
    made before that Redis started, should not all cost the database a query."""
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.test.utils import override_settings

    caches = {"default": {"BACKEND": "core.cache.SafeRedisCache", "LOCATION": redis_url}}
    with override_settings(
        CACHES=caches, SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
    ):
        for key in session_keys:
            SessionStore(session_key=key).load()  # a cache miss reads it and caches it


def prepare_votes(voters):
    """An empty ballot box and `voters` logged-in accounts: (process, proposal ids, session
    keys). The ballot form posts to /de/stimmabgabe/<process id>/."""
    process = _process("bench-abstimmung", "Benchmark: Abstimmung")
    Ballot.objects.filter(process=process).delete()
    proposal_ids = list(
        Proposal.objects.filter(process=process).order_by("pk").values_list("pk", flat=True)
    )
    return process, proposal_ids, _voters(voters)


def vote_request(process, proposal_ids, sessions, offset=0):
    """For bench.load.run_load: voter number n casts one ballot (3 of 20 proposals) by POST,
    as the ballot form sends it (session cookie, CSRF cookie and field)."""
    import urllib.parse

    path = f"/de/stimmabgabe/{process.pk}/"

    def make(number):
        voter = offset + number
        choices = [proposal_ids[(voter + k * 7) % PROPOSALS] for k in range(3)]
        body = urllib.parse.urlencode(
            [("csrfmiddlewaretoken", CSRF), ("cast", "1")] + [("choose", c) for c in choices]
        ).encode()
        headers = {
            "Cookie": f"sessionid={sessions[voter]}; csrftoken={CSRF}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        return "POST", path, body, headers

    return make


def count_votes(process):
    """What the ballot box holds: ballots, votes, ballots cast more than once, voters with
    more than one ballot."""
    from django.db.models import Count

    ballots = Ballot.objects.filter(process=process)
    return {
        "ballots": ballots.count(),
        "votes": Vote.objects.filter(process=process).count(),
        "recast": ballots.filter(times_cast__gt=1).count(),
        "duplicate_voters": ballots.values("voter_key")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count(),
    }


def _series(count, alias="g"):
    if connection.vendor == "postgresql":
        return f"generate_series(1, {count}) AS {alias}(n)"
    return (
        "(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s "
        f"WHERE n < {count}) SELECT n FROM s) AS {alias}"
    )


def seed_million(total=1_000_000, per_ballot=5):
    """200,000 ballots of 5 votes each, written by SQL (a tenth self-declared)."""
    process = _process("bench-auszaehlung", "Benchmark: Auszählung")
    have = Vote.objects.filter(process=process).count()
    if have >= total:
        return process, have
    Ballot.objects.filter(process=process).delete()
    ids = list(Proposal.objects.filter(process=process).order_by("pk").values_list("pk", flat=True))
    first = ids[0]
    assert ids == list(range(first, first + PROPOSALS)), "proposal ids must be consecutive"
    ballots = total // per_ballot
    now = "now()" if connection.vendor == "postgresql" else "CURRENT_TIMESTAMP"
    key = (
        "md5(g.n::text) || md5((g.n + 1)::text)"
        if connection.vendor == "postgresql"
        else "printf('%064d', g.n)"
    )
    verified = "b.trust <> 'self'" if connection.vendor == "postgresql" else "(b.trust <> 'self')"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO participation_ballot (process_id, voter_key, channel, trust,
                resume_digest, choices_used, choices_limit, points_used, points_limit,
                budget_used, budget_limit, times_cast, created_at, updated_at)
            SELECT %s, {key}, 'online',
                CASE WHEN g.n %% 10 = 0 THEN 'self' ELSE 'office' END,
                '', {per_ballot}, {per_ballot}, 0, NULL, 0, NULL, 1, {now}, {now}
            FROM {_series(ballots)}
            """,
            [process.pk],
        )
        cursor.execute(
            f"""
            INSERT INTO participation_vote (ballot_id, process_id, proposal_id, value, verified)
            SELECT b.id, b.process_id, %s + ((b.id * 7 + k.n * 3) %% {PROPOSALS}), 1, {verified}
            FROM participation_ballot b CROSS JOIN {_series(per_ballot, "k")}
            WHERE b.process_id = %s
            """,
            [first, process.pk],
        )
        # k runs 1..5: offsets 3, 6, 9, 12, 15 apart, so a ballot never repeats a proposal.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE participation_vote")
            cursor.execute("ANALYZE participation_ballot")
    return process, Vote.objects.filter(process=process).count()


def time_tally(process, rounds=5):
    timings = []
    for _ in range(rounds):
        begin = time.perf_counter()
        results = tally.tally(process)
        timings.append((time.perf_counter() - begin) * 1000)
    return {
        "median": statistics.median(timings),
        "max": max(timings),
        "ballots": results.ballots,
        "top": results.rows[0].official.yes if results.rows else 0,
    }
