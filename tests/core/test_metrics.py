"""Prometheus metrics (core/metrics.py): what is counted, where it is (not) served."""

import sqlite3
import subprocess
import sys

import pytest
from django.core import mail
from django.db import connection
from django_tasks_db.models import DBTaskResult
from prometheus_client import REGISTRY, CollectorRegistry, generate_latest

from core import metrics
from core.tasks import send_email
from participation.models.voting import PAPER
from participation.voting import ballots, identity
from participation.voting.modes import InvalidBallot
from tests.participation.factories import make_vote_process
from tests.portal.factories import UserFactory


def sample(name, **labels):
    return REGISTRY.get_sample_value(name, labels) or 0.0


@pytest.mark.django_db
def test_a_vote_counts_once_committed_and_a_change_counts_as_changed(
    django_capture_on_commit_callbacks,
):
    process, (a, b, _c) = make_vote_process(slug="m-votes")
    voter = identity.for_user(UserFactory(), process)
    new, changed = (
        sample("quartier_votes_cast_total", channel="online", kind=kind)
        for kind in ("new", "changed")
    )
    with django_capture_on_commit_callbacks(execute=False) as pending:
        ballots.cast(process=process, voter=voter, choices={a.pk: 1})
    # Not yet: the transaction has not committed.
    assert sample("quartier_votes_cast_total", channel="online", kind="new") == new
    for callback in pending:
        callback()
    assert sample("quartier_votes_cast_total", channel="online", kind="new") == new + 1
    with django_capture_on_commit_callbacks(execute=True):
        ballots.cast(process=process, voter=voter, choices={b.pk: 1})
    assert sample("quartier_votes_cast_total", channel="online", kind="changed") == changed + 1
    assert sample("quartier_votes_cast_total", channel="online", kind="new") == new + 1


@pytest.mark.django_db
def test_a_refused_ballot_is_not_counted(django_capture_on_commit_callbacks):
    process, (a, b, c) = make_vote_process(slug="m-refused", votes_per_ballot=1)
    voter = identity.for_user(UserFactory(), process)
    before = sample("quartier_votes_cast_total", channel="online", kind="new")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(InvalidBallot):
        ballots.cast(process=process, voter=voter, choices={a.pk: 1, b.pk: 1, c.pk: 1})
    assert sample("quartier_votes_cast_total", channel="online", kind="new") == before


@pytest.mark.django_db
def test_paper_ballots_have_their_channel(django_capture_on_commit_callbacks):
    process, (a, *_rest) = make_vote_process(slug="m-paper")
    staff = UserFactory()
    voter = identity.for_user(UserFactory(), process)
    before = sample("quartier_votes_cast_total", channel=PAPER, kind="new")
    with django_capture_on_commit_callbacks(execute=True):
        ballots.cast(process=process, voter=voter, choices={a.pk: 1}, channel=PAPER, actor=staff)
    assert sample("quartier_votes_cast_total", channel=PAPER, kind="new") == before + 1


@pytest.mark.django_db  # the mail speaks as the site's office (site settings)
def test_sent_emails_are_counted():
    before = sample("quartier_emails_sent_total")
    send_email.enqueue(subject="Test", body="Hallo", recipients=["a@example.org"])
    assert len(mail.outbox) == 1
    assert sample("quartier_emails_sent_total") == before + 1


def requests(method, status, group):
    return sample("quartier_http_requests_total", method=method, status=status, group=group)


@pytest.mark.django_db
def test_requests_are_counted_by_status_class_and_group(client):
    before = requests("GET", "2xx", "page")
    seen = sample("quartier_http_request_duration_seconds_count", group="page")
    assert client.get("/de/").status_code == 200
    assert client.get("/de/").status_code == 200
    assert requests("GET", "2xx", "page") == before + 2
    assert sample("quartier_http_request_duration_seconds_count", group="page") == seen + 2
    missing = requests("GET", "4xx", "page") + requests("GET", "4xx", "unmatched")
    assert client.get("/de/gibt-es-nicht-xyz/").status_code == 404
    assert requests("GET", "4xx", "page") + requests("GET", "4xx", "unmatched") == missing + 1


@pytest.mark.django_db
def test_health_probes_are_not_counted(client):
    client.get("/de/")  # at least one series exists
    counts = _all_request_counts()
    assert counts
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert _all_request_counts() == counts


def _all_request_counts():
    return {
        tuple(sorted(sample.labels.items())): sample.value
        for metric in REGISTRY.collect()
        if metric.name == "quartier_http_requests"
        for sample in metric.samples
        if sample.name == "quartier_http_requests_total"
    }


@pytest.mark.django_db
def test_an_odd_method_is_one_label(client):
    before = requests("other", "4xx", "page") + requests("other", "4xx", "unmatched")
    before += requests("other", "2xx", "page")
    client.generic("BREW", "/de/")
    after = requests("other", "4xx", "page") + requests("other", "4xx", "unmatched")
    assert after + requests("other", "2xx", "page") == before + 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/metrics", "/metrics/", "/de/metrics/", "/en/metrics"])
def test_metrics_are_not_served_by_the_site(client, path):
    client.get("/healthz")  # something to count
    response = client.get(path, follow=True)
    assert response.status_code == 404
    assert b"quartier_http_requests" not in response.content


def test_the_task_table_is_the_one_read():
    assert DBTaskResult._meta.db_table == metrics.TASKS_TABLE


def test_task_queue_is_counted_by_status(tmp_path):
    path = tmp_path / "q.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"CREATE TABLE {metrics.TASKS_TABLE} (id integer primary key, status text)")
    db.executemany(
        f"INSERT INTO {metrics.TASKS_TABLE} (status) VALUES (?)",
        [("READY",)] * 3 + [("FAILED",)] * 2 + [("SUCCESSFUL",)],
    )
    db.commit()
    db.close()
    registry = CollectorRegistry()
    registry.register(metrics.TaskQueueCollector(f"sqlite:///{path}"))
    assert registry.get_sample_value("quartier_tasks", {"status": "ready"}) == 3
    assert registry.get_sample_value("quartier_tasks", {"status": "failed"}) == 2
    assert registry.get_sample_value("quartier_tasks", {"status": "running"}) == 0
    assert registry.get_sample_value("quartier_tasks_up") == 1


def test_an_unreadable_queue_is_reported_not_raised(tmp_path):
    registry = CollectorRegistry()
    registry.register(metrics.TaskQueueCollector(f"sqlite:///{tmp_path / 'missing.sqlite3'}"))
    text = generate_latest(registry).decode()
    assert "quartier_tasks_up 0.0" in text
    assert 'quartier_tasks{status="ready"}' not in text


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL test database only")
def test_task_queue_on_postgresql():
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    registry = CollectorRegistry()
    registry.register(metrics.TaskQueueCollector(url))
    assert registry.get_sample_value("quartier_tasks_up") == 1


def test_cleaning_keeps_files_of_running_processes(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        dead = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for name in (f"counter_{child.pid}.db", f"counter_{dead}.db", "histogram_x.db"):
            (tmp_path / name).write_bytes(b"")
        (tmp_path / "keep.txt").write_text("not ours")
        metrics.clean_multiprocess_dir(tmp_path)
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            f"counter_{child.pid}.db",
            "keep.txt",
        ]
    finally:
        child.kill()
        child.wait()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("127.0.0.1:9191", ("127.0.0.1", 9191)),
        (":9300", ("127.0.0.1", 9300)),
        ("[::1]:9191", ("::1", 9191)),
        ("off", None),
        ("", None),
    ],
)
def test_metrics_bind(value, expected):
    assert metrics.parse_bind(value) == expected


def test_metrics_never_bind_beyond_localhost_by_default():
    config = (metrics.__file__.rsplit("/core/", 1)[0]) + "/deploy/gunicorn.conf.py"
    with open(config) as file:
        assert 'os.environ.get("METRICS_BIND", "127.0.0.1:9191")' in file.read()


def test_a_page_from_the_page_cache_counts_as_a_page():
    from django.http import HttpResponse
    from django.test import RequestFactory

    from core.metrics import view_group

    request = RequestFactory().get("/de/")  # no view ran: no resolver match
    hit = HttpResponse("cached")
    hit["X-Cache"] = "hit"
    assert view_group(request, hit) == "page"
    assert view_group(request, HttpResponse("other")) == "unmatched"
