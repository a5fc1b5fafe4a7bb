"""The metrics under gunicorn: two workers, counters added up by the master (multiprocess
mode), served on METRICS_BIND only, never by the site itself."""

import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.deploy.test_gunicorn import (
    GUNICORN,
    ROOT,
    STARTUP_SECONDS,
    database_url,
    free_port,
)


def get(url, headers=None):
    """As in test_gunicorn, with room for a first page on a busy machine."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=90) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def sample(text, name, **labels):
    """The value of one sample in an exposition, 0 when absent."""
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in text.splitlines():
        match = re.match(r"^([a-z_]+)(?:\{(.*)\})? (\S+)$", line)
        if not match or match[1] != name:
            continue
        found = ",".join(sorted((match[2] or "").split(","))) if match[2] else ""
        if found == wanted:
            return float(match[3])
    return 0.0


@pytest.fixture
def gunicorn_with_metrics(django_db_setup, django_db_blocker, static_root, tmp_path):
    if not GUNICORN.exists():
        pytest.skip(f"gunicorn is not installed beside {sys.executable}")
    with django_db_blocker.unblock():
        for _ in range(3):
            DBTaskResult.objects.create(
                args_kwargs={"args": [], "kwargs": {}},
                task_path="core.tasks.send_email",
                backend_name="default",
                queue_name="default",
                run_after=timezone.now(),
                status="READY",
                exception_class_path="",
                traceback="",
            )
        url = database_url(tmp_path)  # SQLite: a copy; PostgreSQL: the test database
    port, metrics_port = free_port(), free_port()
    multiproc = tmp_path / "metrics"
    multiproc.mkdir()
    (multiproc / "counter_999999999.db").write_bytes(b"stale")  # a dead process's file
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE", "PYTEST_CURRENT_TEST"}
        and not key.startswith("SENTRY_")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=url,
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
        LOG_FORMAT="plain",
        METRICS_BIND=f"127.0.0.1:{metrics_port}",
        PROMETHEUS_MULTIPROC_DIR=str(multiproc),
    )
    subprocess.run(
        [sys.executable, "manage.py", "createcachetable"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    err = tmp_path / "gunicorn.err"
    with open(err, "wb") as stderr:
        process = subprocess.Popen(
            [str(GUNICORN), "-c", str(ROOT / "deploy" / "gunicorn.conf.py")],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    base, metrics = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{metrics_port}/metrics"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"gunicorn stopped at start:\n{err.read_text()[-3000:]}")
            try:
                get(f"{base}/healthz")
                get(metrics)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not answer:\n{err.read_text()[-3000:]}")
                time.sleep(0.3)
        yield {"base": base, "metrics": metrics, "dir": multiproc, "err": err}
    finally:
        process.terminate()
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with django_db_blocker.unblock():
            DBTaskResult.objects.all().delete()


def scrape(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/plain")
        return response.read().decode()


def test_counters_of_all_workers_are_served_on_the_metrics_address(gunicorn_with_metrics):
    served = gunicorn_with_metrics
    assert not (served["dir"] / "counter_999999999.db").exists()  # cleaned at start
    before = scrape(served["metrics"])
    pages = sample(before, "quartier_http_requests_total", method="GET", status="2xx", group="page")
    missing = sample(
        before, "quartier_http_requests_total", method="GET", status="4xx", group="page"
    )

    for _ in range(6):  # spread over both workers
        assert get(f"{served['base']}/de/")[0] == 200
    assert get(f"{served['base']}/de/gibt-es-nicht/")[0] == 404
    assert get(f"{served['base']}/healthz")[0] == 200  # probes are not counted

    text = scrape(served["metrics"])
    assert (
        sample(text, "quartier_http_requests_total", method="GET", status="2xx", group="page")
        == pages + 6
    )
    assert (
        sample(text, "quartier_http_requests_total", method="GET", status="4xx", group="page")
        == missing + 1
    )
    assert 'group="health"' not in text
    assert sample(text, "quartier_http_request_duration_seconds_count", group="page") >= 1
    assert "quartier_http_request_duration_seconds_bucket" in text
    # Both workers wrote their own file; the master added them up.
    assert len(list(served["dir"].glob("counter_*.db"))) >= 2
    # The task queue, read from the database at the scrape.
    assert sample(text, "quartier_tasks_up") == 1
    assert sample(text, "quartier_tasks", status="ready") == 3
    assert sample(text, "quartier_tasks", status="failed") == 0
    # Declared before anything happened, so alerts see them from the start.
    assert 'quartier_votes_cast_total{channel="online",kind="new"} 0.0' in text
    assert 'quartier_votes_cast_total{channel="paper",kind="changed"} 0.0' in text
    assert "quartier_emails_sent_total 0.0" in text

    # …and the site itself never serves them.
    for path in ("/metrics", "/de/metrics/"):
        status, headers, body = get(f"{served['base']}{path}")
        if status in (301, 302):
            status, headers, body = get(f"{served['base']}{headers['Location']}")
        assert status == 404, path
        assert b"quartier_http_requests" not in body
