"""Request ids (core.middleware.RequestIdMiddleware) and JSON log lines (core.logging)."""

import io
import json
import logging
import uuid

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from core.logging import JsonFormatter, PlainFormatter, logging_config, request_id_var
from core.middleware import RequestIdMiddleware

PROXY = "10.0.0.5"


def run(request, view=None):
    """The middleware around `view`; returns the response and what the view logged as JSON."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("quartier.test")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def default_view(request):
        logger.warning("Antrag %s gespeichert", 7)
        return HttpResponse("ok")

    try:
        response = RequestIdMiddleware(view or default_view)(request)
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    return response, lines


def test_every_request_gets_a_new_uuid4_in_request_id_header_and_logs():
    request = RequestFactory().get("/de/projekte/")
    response, lines = run(request)
    assert uuid.UUID(request.id).version == 4
    assert response["X-Request-ID"] == request.id
    [line] = lines
    assert line["request_id"] == request.id
    assert line["path"] == "/de/projekte/"
    assert line["message"] == "Antrag 7 gespeichert"
    assert line["level"] == "WARNING"
    assert line["logger"] == "quartier.test"
    assert line["time"].endswith("+00:00")
    assert set(line) >= {"status", "duration_ms"}
    # The id lives only as long as the request.
    assert request_id_var.get() is None


def test_two_requests_get_different_ids():
    first, second = RequestFactory().get("/"), RequestFactory().get("/")
    run(first), run(second)
    assert first.id != second.id


@override_settings(QUARTIER_TRUSTED_PROXIES=[PROXY])
def test_the_id_of_a_trusted_proxy_is_kept():
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID="edge-4711.abc", REMOTE_ADDR=PROXY)
    response, lines = run(request)
    assert request.id == "edge-4711.abc"
    assert response["X-Request-ID"] == "edge-4711.abc"
    assert lines[0]["request_id"] == "edge-4711.abc"


@override_settings(QUARTIER_TRUSTED_PROXIES=[PROXY])
def test_an_id_sent_by_anyone_else_is_replaced():
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID="made-up", REMOTE_ADDR="203.0.113.9")
    response, _lines = run(request)
    assert request.id != "made-up"
    assert response["X-Request-ID"] == request.id


@override_settings(QUARTIER_TRUSTED_PROXIES=[])
def test_without_trusted_proxies_no_sent_id_is_believed():
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID="abc", REMOTE_ADDR="127.0.0.1")
    run(request)
    assert request.id != "abc"


@override_settings(QUARTIER_TRUSTED_PROXIES=[PROXY])
@pytest.mark.parametrize("sent", ["", "a" * 129, "evil\nline", '"quoted"', "ä-umlaut"])
def test_a_trusted_proxy_sending_something_that_is_no_id_gets_a_new_one(sent):
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID=sent, REMOTE_ADDR=PROXY)
    run(request)
    assert uuid.UUID(request.id).version == 4


def test_the_id_is_reset_when_the_view_raises():
    def broken(request):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        RequestIdMiddleware(broken)(RequestFactory().get("/"))
    assert request_id_var.get() is None


@pytest.mark.django_db
def test_the_middleware_runs_for_real_requests(client):
    response = client.get("/healthz")
    assert len(response["X-Request-ID"]) == 32


def test_json_formatter_takes_status_and_path_from_djangos_request_logger():
    request = RequestFactory().get("/de/kaputt/")
    request.id = "rid-1"
    record = logging.makeLogRecord(
        {
            "name": "django.request",
            "levelno": logging.ERROR,
            "levelname": "ERROR",
            "msg": "Internal Server Error: %s",
            "args": ("/de/kaputt/",),
            "status_code": 500,
            "request": request,
        }
    )
    line = json.loads(JsonFormatter().format(record))
    assert line["status"] == 500
    assert line["path"] == "/de/kaputt/"
    assert line["request_id"] == "rid-1"
    assert line["message"] == "Internal Server Error: /de/kaputt/"
    assert "request" not in line


def test_json_formatter_reads_gunicorns_access_atoms():
    atoms = {"s": "404", "U": "/de/nix/", "M": 12, "{x-request-id}o": "rid-2", "m": "GET"}
    record = logging.makeLogRecord(
        {"name": "gunicorn.access", "levelname": "INFO", "msg": "%(m)s %(U)s", "args": ()}
    )
    record.args = atoms  # what logging.LogRecord does with a single mapping argument
    line = json.loads(JsonFormatter().format(record))
    assert line == {
        "time": line["time"],
        "level": "INFO",
        "logger": "gunicorn.access",
        "message": "GET /de/nix/",
        "request_id": "rid-2",
        "path": "/de/nix/",
        "status": 404,
        "duration_ms": 12,
    }


def test_json_formatter_keeps_extra_fields_and_the_traceback():
    try:
        raise ValueError("kaputt")
    except ValueError:
        import sys

        record = logging.makeLogRecord(
            {"name": "x", "levelname": "ERROR", "msg": "m", "exc_info": sys.exc_info()}
        )
    record.task = "send_digest"
    line = json.loads(JsonFormatter().format(record))
    assert line["task"] == "send_digest"
    assert "ValueError: kaputt" in line["exception"]
    # Each record is exactly one line, whatever the message contains.
    record = logging.makeLogRecord({"name": "x", "msg": "zwei\nZeilen"})
    assert "\n" not in JsonFormatter().format(record)


def test_plain_formatter_names_the_request():
    token = request_id_var.set("rid-3")
    try:
        text = PlainFormatter().format(logging.makeLogRecord({"name": "x", "msg": "hallo"}))
    finally:
        request_id_var.reset(token)
    assert "[rid-3] hallo" in text


def test_logging_config_chooses_the_formatter():
    assert logging_config("json", "INFO")["handlers"]["console"]["formatter"] == "json"
    assert logging_config("plain", "INFO")["handlers"]["console"]["formatter"] == "plain"
    assert logging_config("json", "ERROR")["root"]["level"] == "ERROR"


def test_tests_and_development_log_plain_text(settings):
    assert settings.LOGGING["handlers"]["console"]["formatter"] == "plain"


def test_production_logs_json_with_the_request_id_middleware_after_whitenoise(
    production_settings,
):
    assert production_settings.LOG_FORMAT == "json"
    assert production_settings.LOGGING["handlers"]["console"]["formatter"] == "json"
    middleware = production_settings.MIDDLEWARE
    assert middleware[:4] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "core.middleware.RequestIdMiddleware",
        "core.health.HealthCheckMiddleware",
    ]
    # Over plain http only when asked (make serve), https otherwise.
    assert production_settings.SESSION_COOKIE_SECURE is True
    assert production_settings.SECURE_SSL_REDIRECT is True
