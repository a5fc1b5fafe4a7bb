"""gunicorn with the production settings (deploy/gunicorn.conf.py) really serves the site.

Starts gunicorn as a subprocess on a free port against the test database (the PostgreSQL
test database itself, or for SQLite a file copy of the in-memory test database), with
collected static files, and asks for /healthz, /readyz and the German home page.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)
GUNICORN = Path(sys.executable).with_name("gunicorn")
STARTUP_SECONDS = 60


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(tmp_path):
    """A DATABASE_URL for the subprocess that reaches the test database's content."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    if connection.vendor == "sqlite":
        copy = tmp_path / "served.sqlite3"
        connection.ensure_connection()
        import sqlite3

        target = sqlite3.connect(copy)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return f"sqlite:///{copy}"
    pytest.skip(f"no way to hand the {connection.vendor} test database to a subprocess")


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def served(django_db_setup, django_db_blocker, static_root, tmp_path):
    if not GUNICORN.exists():
        pytest.skip(f"gunicorn is not installed beside {sys.executable}")
    with django_db_blocker.unblock():
        url = database_url(tmp_path)
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE", "PYTEST_CURRENT_TEST"}
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
        WEB_CONCURRENCY="1",
        LOG_FORMAT="json",
    )
    subprocess.run(
        [sys.executable, "manage.py", "createcachetable"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    out, err = tmp_path / "gunicorn.out", tmp_path / "gunicorn.err"
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        process = subprocess.Popen(
            [str(GUNICORN), "-c", str(ROOT / "deploy" / "gunicorn.conf.py")],
            cwd=tmp_path,  # the config finds the checkout by itself
            env=env,
            stdout=stdout,
            stderr=stderr,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"gunicorn stopped at start:\n{err.read_text()[-3000:]}")
            try:
                get(f"{base}/healthz")
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not answer:\n{err.read_text()[-3000:]}")
                time.sleep(0.3)
        yield {"base": base, "out": out, "err": err}
    finally:
        process.terminate()
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_gunicorn_serves_health_and_the_home_page_with_production_settings(served):
    base = served["base"]
    status, headers, body = get(f"{base}/healthz")
    assert status == 200
    assert json.loads(body) == {"status": "ok"}
    request_id = headers["X-Request-ID"]
    assert len(request_id) == 32

    status, _headers, body = get(f"{base}/readyz")
    assert status == 200, body
    assert json.loads(body)["checks"] == {"database": "ok", "cache": "ok", "storage": "ok"}

    status, headers, body = get(f"{base}/de/")
    assert status == 200, body[:2000]
    assert headers["Content-Type"].startswith("text/html")
    assert b'lang="de"' in body
    # Static files come hashed from the manifest (WhiteNoise), not from the source folders.
    assert b"/static/" in body

    # The access log is JSON lines on stdout, with the id the response carried.
    time.sleep(0.5)
    lines = [json.loads(line) for line in served["out"].read_text().splitlines() if line]
    health = [line for line in lines if line["path"] == "/healthz"]
    assert health[-1]["logger"] == "gunicorn.access"
    assert [line for line in health if line["request_id"] == request_id] == [health[-1]]
    health = health[-1]
    assert health["status"] == 200
    assert isinstance(health["duration_ms"], int)
    assert any(line["path"] == "/de/" and line["status"] == 200 for line in lines)
    # No client address in the access log.
    assert "127.0.0.1" not in served["out"].read_text()


def load_config():
    path = ROOT / "deploy" / "gunicorn.conf.py"
    config = {"__file__": str(path), "__name__": "gunicorn_conf"}
    exec(path.read_text(), config)
    return config


def test_gunicorn_config_reads_the_environment(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:9000,unix:/run/q.sock")
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.1, 192.168.0.0/16")
    monkeypatch.setenv("GUNICORN_MAX_REQUESTS", "500")
    monkeypatch.delenv("GUNICORN_MAX_REQUESTS_JITTER", raising=False)
    config = load_config()
    assert config["workers"] == 3
    assert config["bind"] == ["0.0.0.0:9000", "unix:/run/q.sock"]
    assert config["forwarded_allow_ips"] == "10.0.0.1,192.168.0.0/16"
    assert config["max_requests"] == 500
    assert config["max_requests_jitter"] == 50
    assert config["accesslog"] == "-"
    assert config["graceful_timeout"] == 30


def test_gunicorn_config_defaults_to_cpu_count_and_trusts_no_proxy(monkeypatch):
    for name in ("WEB_CONCURRENCY", "GUNICORN_BIND", "PORT", "TRUSTED_PROXIES"):
        monkeypatch.delenv(name, raising=False)
    config = load_config()
    assert config["workers"] == os.cpu_count() * 2 + 1
    assert config["bind"] == ["127.0.0.1:8000"]
    assert config["forwarded_allow_ips"] == ""
