"""Optional Sentry (core/sentry.py): off and not imported without SENTRY_DSN; with it,
configured without personal data. Checked in fresh processes (the SDK is global state);
the DSN points at a closed local port, nothing is sent anywhere."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from core.sentry import scrub

ROOT = Path(settings.BASE_DIR)

PROBE = """
import json, sys
import django
django.setup()
report = {"imported": "sentry_sdk" in sys.modules}
if report["imported"]:
    import sentry_sdk
    client = sentry_sdk.get_client()
    options = client.options
    report.update(
        active=client.is_active(),
        dsn=options["dsn"],
        send_default_pii=options["send_default_pii"],
        max_request_body_size=options["max_request_body_size"],
        include_local_variables=options["include_local_variables"],
        environment=options["environment"],
        release=options["release"],
        integrations=sorted(client.integrations),
        before_send=getattr(options["before_send"], "__qualname__", None),
    )
print(json.dumps(report))
"""


def probe(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("SENTRY_") and key != "PYTEST_CURRENT_TEST"
    }
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.test", PYTHONPATH=str(ROOT), **env)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_dsn_sentry_is_not_even_imported():
    assert probe() == {"imported": False}


def test_with_dsn_it_is_configured_without_personal_data():
    dsn = "http://public@127.0.0.1:9/1"
    report = probe(SENTRY_DSN=dsn, SENTRY_ENVIRONMENT="staging", SENTRY_RELEASE="abc123")
    assert report["imported"] and report["active"]
    assert report["dsn"] == dsn
    assert report["send_default_pii"] is False
    assert report["max_request_body_size"] == "never"
    assert report["include_local_variables"] is False
    assert (report["environment"], report["release"]) == ("staging", "abc123")
    assert "django" in report["integrations"]
    assert report["before_send"] == "scrub"


def test_reports_lose_cookies_bodies_query_strings_and_users():
    event = {
        "request": {
            "url": "https://example.org/de/suche/?q=Name+der+Nachbarin",
            "method": "POST",
            "query_string": "q=Name+der+Nachbarin",
            "cookies": {"sessionid": "secret"},
            "data": {"password": "geheim"},
            "env": {"REMOTE_ADDR": "203.0.113.9"},
            "headers": {
                "Cookie": "sessionid=secret",
                "Authorization": "Basic eA==",
                "X-Forwarded-For": "203.0.113.9",
                "Referer": "https://example.org/?token=abc",
                "User-Agent": "Firefox",
                "X-Request-ID": "r-1",
            },
        },
        "user": {"ip_address": "203.0.113.9", "id": 7},
        "exception": {"values": [{"type": "ValueError"}]},
    }
    cleaned = scrub(event)
    request = cleaned["request"]
    assert request["url"] == "https://example.org/de/suche/"
    assert request["method"] == "POST"
    assert not {"query_string", "cookies", "data", "env"} & set(request)
    assert request["headers"] == {"User-Agent": "Firefox", "X-Request-ID": "r-1"}
    assert "user" not in cleaned
    assert cleaned["exception"] == {"values": [{"type": "ValueError"}]}
