"""Prometheus metrics: requests, latency, votes, e-mails and the task queue.

The counters live in prometheus_client's default registry. Under gunicorn every worker is a
process of its own, so `deploy/gunicorn.conf.py` sets `PROMETHEUS_MULTIPROC_DIR` (emptied
of dead processes' files at start) before any worker imports this module: each process then
writes its values to files there, and the master adds them up when asked.

The numbers are served only by `serve()`, on an address of their own (`METRICS_BIND`,
127.0.0.1:9191 by default), started by the gunicorn master; never under the site's URLs.
The task queue (django-tasks' database backend) is counted by `TaskQueueCollector` at each
scrape, with a short connection of its own: the master never loads Django.

No personal data: labels are the request method, the status class, a view group (an app,
never a path), the voting channel.
"""

import contextlib
import errno
import logging
import os
import threading
import time
from pathlib import Path

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily

logger = logging.getLogger(__name__)

# In multiprocess mode each metric opens its value file when it is made (below): the folder
# must exist (e.g. the task worker started before gunicorn made it).
if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.makedirs(os.environ["PROMETHEUS_MULTIPROC_DIR"], exist_ok=True)

REQUESTS = Counter(
    "quartier_http_requests",
    "HTTP requests answered, by method, status class (2xx…5xx) and view group",
    ["method", "status", "group"],
)
LATENCY = Histogram(
    "quartier_http_request_duration_seconds",
    "Time from the request reaching the application to its answer, by view group",
    ["group"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
VOTES = Counter(
    "quartier_votes_cast",
    "Ballots stored (committed): kind new or changed, channel online or paper",
    ["channel", "kind"],
)
EMAILS = Counter("quartier_emails_sent", "E-mails handed to the mail server")
# Every channel and kind from the start (at 0), so rates and alerts have a series to read.
for _channel in ("online", "paper"):
    for _kind in ("new", "changed"):
        VOTES.labels(_channel, _kind)

METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
# The table of django_tasks_db.models.DBTaskResult (checked by a test).
TASKS_TABLE = "django_tasks_database_dbtaskresult"
TASK_STATUSES = ("READY", "RUNNING", "FAILED", "SUCCESSFUL")


def view_group(request, response=None):
    """A small, fixed set of names: the admin, Wagtail pages, else the top-level package of
    the view that answered ("participation", "allauth", …). A page answered from the page
    cache (`X-Cache: hit`, no view ran) is a page too."""
    path = request.path_info
    if response is not None and response.get("X-Cache") == "hit":
        return "page"
    if path.startswith("/admin/"):
        return "admin"
    if path.startswith("/static/"):
        return "static"
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unmatched"
    if match.url_name == "wagtail_serve":
        return "page"
    module = getattr(match.func, "__module__", "") or ""
    return module.split(".", 1)[0] or "other"


class MetricsMiddleware:
    """Counts every request and its duration (placed right after the health checks, whose
    probes are not counted)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - start
        group = view_group(request, response)
        method = request.method if request.method in METHODS else "other"
        REQUESTS.labels(method, f"{response.status_code // 100}xx", group).inc()
        LATENCY.labels(group).observe(elapsed)
        return response


def vote_cast(*, channel, first):
    """A ballot was stored; counted once its transaction commits (a rolled-back vote is no
    vote)."""
    from django.db import transaction

    kind = "new" if first else "changed"
    transaction.on_commit(VOTES.labels(channel, kind).inc)


def emails_sent(count):
    if count:
        EMAILS.inc(count)


# --- The task queue, counted at each scrape ------------------------------------------


def _database_url():
    root = Path(__file__).resolve().parent.parent
    return os.environ.get("DATABASE_URL") or f"sqlite:///{root / 'db.sqlite3'}"


def _connect(config):
    engine = config["ENGINE"]
    if engine.endswith("postgresql"):
        import psycopg

        return psycopg.connect(
            dbname=config["NAME"],
            user=config.get("USER") or None,
            password=config.get("PASSWORD") or None,
            host=config.get("HOST") or None,
            port=config.get("PORT") or None,
            connect_timeout=3,
            application_name="quartier-metrics",
        )
    if engine.endswith("sqlite3"):
        import sqlite3

        return sqlite3.connect(f"file:{config['NAME']}?mode=ro", uri=True, timeout=3)
    raise RuntimeError(f"no task queue metrics for {engine}")


# Held while a scrape's database connection is open; the master does not fork a worker
# meanwhile (os.register_at_fork below), so no worker inherits the connection.
_db_lock = threading.Lock()


def _release_quietly():
    if _db_lock.locked():
        _db_lock.release()


class TaskQueueCollector:
    """`quartier_tasks{status=…}`: rows of django-tasks' database backend by status (READY
    = waiting, FAILED = gave up), and `quartier_tasks_up` (0 when they could not be read)."""

    def __init__(self, database_url=None):
        self.database_url = database_url

    def describe(self):
        return []  # nothing asked at registration; the queue is read at each scrape

    def collect(self):
        import dj_database_url

        counts = dict.fromkeys(TASK_STATUSES, 0)
        up = 1
        try:
            config = dj_database_url.parse(self.database_url or _database_url())
            with _db_lock:
                connection = _connect(config)
                try:
                    cursor = connection.cursor()
                    cursor.execute(
                        f"SELECT status, COUNT(*) FROM {TASKS_TABLE} GROUP BY status"  # noqa: S608
                    )
                    for status, count in cursor.fetchall():
                        counts[status] = count
                finally:
                    connection.close()
        except Exception as error:  # noqa: BLE001 - a scrape must never fail
            up = 0
            logger.warning("Task queue metrics unavailable (%s)", type(error).__name__)
        tasks = GaugeMetricFamily(
            "quartier_tasks", "Background tasks in the database queue by status", labels=["status"]
        )
        if up:
            for status, count in counts.items():
                tasks.add_metric([status.lower()], count)
        yield tasks
        yield GaugeMetricFamily(
            "quartier_tasks_up", "1 if the task queue could be read at this scrape", value=up
        )


# --- Multiprocess directory and the metrics server (gunicorn master) -------------------


def clean_multiprocess_dir(path):
    """Create `path` and remove the value files of processes that no longer run (all of
    them at a fresh start; the task worker's stay while it runs, if it shares the folder)."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    for file in folder.glob("*.db"):
        pid = file.stem.rsplit("_", 1)[-1]
        if not pid.isdigit() or not _alive(int(pid)):
            file.unlink(missing_ok=True)


def _alive(pid):
    if pid == os.getpid():
        return False  # a file of ours from before a restart under the same pid
    try:
        os.kill(pid, 0)
    except OSError as error:
        return error.errno == errno.EPERM
    return True


def parse_bind(value):
    """`METRICS_BIND` ("host:port", "[::1]:port") → (host, port); "" or "off" → None."""
    value = (value or "").strip()
    if value.lower() in {"", "off", "none", "false", "0"}:
        return None
    host, _, port = value.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    return host, int(port)


def registry():
    """The registry to serve: in multiprocess mode the sum over all processes' files, else
    this process's own; both with the task queue."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        from prometheus_client import multiprocess

        combined = CollectorRegistry()
        multiprocess.MultiProcessCollector(combined, path=folder)
    else:
        combined = REGISTRY
    combined.register(TaskQueueCollector())
    return combined


def serve(bind):
    """Start the exposition on `bind` (host, port) in a daemon thread; returns the server.
    Never on a public address unless METRICS_BIND says so."""
    from prometheus_client import start_http_server

    host, port = bind
    server, _thread = start_http_server(port, addr=host, registry=registry())
    os.register_at_fork(
        before=_db_lock.acquire, after_in_parent=_release_quietly, after_in_child=_after_fork
    )
    _served.append(server)
    return server


_served = []


def _after_fork():
    """In a forked worker: let go of the master's metrics socket and lock."""
    _release_quietly()
    for server in _served:
        with contextlib.suppress(OSError):
            server.socket.close()
    _served.clear()
