"""Log lines as JSON, each with the request it belongs to.

`RequestIdMiddleware` (core.middleware) gives every request an id and keeps it, with the
path, in context variables while the request runs; `JsonFormatter` writes one JSON object
per line: time, level, logger, message, request_id, path, status, duration_ms (the last
four when known). Used when LOG_FORMAT=json (the default of portal.settings.production)
and by gunicorn (deploy/gunicorn.conf.py), whose access lines carry the same request id.

No personal data: neither client addresses nor query strings are written.
No Django import at module level: gunicorn's master process loads this before Django.
"""

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime

request_id_var = ContextVar("quartier_request_id", default=None)
request_path_var = ContextVar("quartier_request_path", default=None)

# Attributes every LogRecord has; anything else came in through `extra=`.
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}
# Keys of gunicorn's access-log atoms (gunicorn.glogging.Logger.atoms).
_ACCESS_STATUS, _ACCESS_PATH, _ACCESS_MS, _ACCESS_ID = "s", "U", "M", "{x-request-id}o"


def _status(value):
    try:
        return int(str(value).split()[0])
    except (TypeError, ValueError, IndexError):
        return None


class JsonFormatter(logging.Formatter):
    """One JSON object per line; see the module docstring for the fields."""

    def format(self, record):
        status = getattr(record, "status", None) or getattr(record, "status_code", None)
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
            "path": getattr(record, "path", None) or request_path_var.get(),
            "status": _status(status),
            "duration_ms": getattr(record, "duration_ms", None),
        }
        request = getattr(record, "request", None)  # django.request / django.security
        if entry["path"] is None and hasattr(request, "path"):
            entry["path"] = request.path
        if entry["request_id"] is None and request is not None:
            entry["request_id"] = getattr(request, "id", None)
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            atoms = record.args
            entry["request_id"] = entry["request_id"] or _atom(atoms, _ACCESS_ID)
            entry["path"] = entry["path"] or _atom(atoms, _ACCESS_PATH)
            entry["status"] = entry["status"] or _status(_atom(atoms, _ACCESS_STATUS))
            duration = _atom(atoms, _ACCESS_MS)
            entry["duration_ms"] = entry["duration_ms"] or (
                int(duration) if str(duration).isdigit() else None
            )
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key not in entry and key != "request":
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def _atom(atoms, key):
    value = atoms.get(key)
    return None if value in (None, "-") else value


class PlainFormatter(logging.Formatter):
    """Readable lines for development, with the request id when there is one."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def format(self, record):
        record.request_id = getattr(record, "request_id", None) or request_id_var.get() or "-"
        return super().format(record)


def logging_config(log_format, level):
    """The LOGGING dict of the settings: everything to the console, as JSON or plain text."""
    formatter = "json" if log_format == "json" else "plain"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "core.logging.JsonFormatter"},
            "plain": {"()": "core.logging.PlainFormatter"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": formatter}},
        "root": {"handlers": ["console"], "level": level},
    }
