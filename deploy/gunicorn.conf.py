"""gunicorn settings for Quartier: `gunicorn -c deploy/gunicorn.conf.py` (see `make serve`
and docs/operations.md, "Running with gunicorn"). Every value can be set from the environment.
"""

import multiprocessing
import os
import sys
from pathlib import Path

# The checkout, so `core.logging` (the JSON formatter) can be imported from any directory.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
chdir = str(ROOT)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
wsgi_app = "portal.wsgi:application"


def _int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# GUNICORN_BIND: address and port, comma-separated for several (default 127.0.0.1:8000;
# 0.0.0.0:$PORT when only PORT is set, as on many platforms).
_default_bind = f"0.0.0.0:{os.environ['PORT']}" if os.environ.get("PORT") else "127.0.0.1:8000"
bind = [b.strip() for b in os.environ.get("GUNICORN_BIND", _default_bind).split(",") if b.strip()]

# WEB_CONCURRENCY: worker processes (sync workers, one request each at a time);
# default 2 × CPU cores + 1.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
# GUNICORN_TIMEOUT: seconds a request may take before its worker is killed and restarted.
timeout = _int("GUNICORN_TIMEOUT", 30)
# GUNICORN_GRACEFUL_TIMEOUT: seconds running requests get to finish after a stop or reload.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# GUNICORN_MAX_REQUESTS: a worker is replaced after this many requests (caps slow memory
# growth); the jitter spreads the restarts so the workers do not all restart at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", max(max_requests // 10, 0))

# The proxies whose X-Forwarded-* headers gunicorn believes: the same TRUSTED_PROXIES as
# the rate limits and request ids (core.ratelimit); nobody's when it is empty.
forwarded_allow_ips = ",".join(
    p.strip() for p in os.environ.get("TRUSTED_PROXIES", "").split(",") if p.strip()
)

# Heartbeat files in memory, not on a possibly slow disk.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# GUNICORN_CONTROL_SOCKET: path of gunicorn's control socket (`gunicornc`); off unless set, so
# two servers on one machine do not fight over the default path in the home directory.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True

# Access log to stdout, error log to stderr. No client address, user agent or query string
# (personal data, search terms, tokens); the request id links a line to the app's own logs.
accesslog = "-"
errorlog = "-"
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s'
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# LOG_FORMAT=json (the default of the production settings): gunicorn's own lines as JSON
# too, by the formatter of the application (core/logging.py).
if os.environ.get("LOG_FORMAT", "json") == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "core.logging.JsonFormatter"}},
        "handlers": {
            "access": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            },
            "error": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            },
        },
        "root": {"handlers": ["error"], "level": "WARNING"},
        "loggers": {
            "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
            "gunicorn.error": {
                "handlers": ["error"],
                "level": loglevel.upper(),
                "propagate": False,
            },
        },
    }

# --- Prometheus metrics (core/metrics.py) -------------------------------------------------
# PROMETHEUS_MULTIPROC_DIR: folder where every worker writes its counters (the master adds
# them up); files of processes that no longer run are removed at start. Unset: a new
# temporary folder, removed at exit. Give the task worker (db_worker) the same folder to
# include its counters (e-mails sent).
# METRICS_BIND: host:port of the metrics exposition, served by the master; never public
# (default 127.0.0.1:9191; "off" for none).
_metrics_bind = os.environ.get("METRICS_BIND", "127.0.0.1:9191")
_metrics_tmp = []


def on_starting(server):
    # In the master, before any worker exists (they inherit the variable), and before
    # prometheus_client is imported (it reads the variable once, at import).
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        import tempfile

        _metrics_tmp.append(tempfile.mkdtemp(prefix="quartier-metrics-"))
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics_tmp[0]
    from core.metrics import clean_multiprocess_dir

    clean_multiprocess_dir(os.environ["PROMETHEUS_MULTIPROC_DIR"])


def when_ready(server):
    from core.metrics import parse_bind, serve

    bind = parse_bind(_metrics_bind)
    if bind is None:
        return
    try:
        serve(bind)
    except (OSError, ValueError) as error:
        # The site works without its metrics: say so, keep serving.
        server.log.error("Metrics not served on %s: %s", _metrics_bind, error)
    else:
        server.log.info("Metrics on http://%s:%s/metrics", *bind)


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    import shutil

    for folder in _metrics_tmp:
        shutil.rmtree(folder, ignore_errors=True)
