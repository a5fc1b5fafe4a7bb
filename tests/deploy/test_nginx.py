"""nginx with the shipped server block (deploy/nginx/quartier.conf) in front of two real
gunicorn instances with the production settings.

The template's ${QUARTIER_*} placeholders are filled in as envsubst would; nginx runs in the
foreground with its prefix, pid file, logs and temporary folders in a tmp folder, on a free
port. Skipped (with the reason) without nginx; fails then if QUARTIER_REQUIRE_NGINX=1 (.ci/run).
"""

import getpass
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client, override_settings

from tests.deploy.test_gunicorn import (
    GUNICORN,
    ROOT,
    STARTUP_SECONDS,
    database_url,
    free_port,
    get,
)

TEMPLATE = ROOT / "deploy" / "nginx" / "quartier.conf"
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(p)), None
)
MIME_TYPES = "/etc/nginx/mime.types"
MB = 1024 * 1024


def require_nginx():
    if NGINX is None:
        reason = "nginx is not installed (Debian package nginx)"
        if os.environ.get("QUARTIER_REQUIRE_NGINX") == "1":
            pytest.fail(f"{reason}, but QUARTIER_REQUIRE_NGINX=1")
        pytest.skip(reason)


def render(values):
    """The template with its placeholders filled in; an unknown one is an error."""
    text = TEMPLATE.read_text()

    def fill(match):
        return values[match.group(1)]

    return re.sub(r"\$\{(QUARTIER_[A-Z_]+)\}", fill, text)


def nginx_conf(prefix, values):
    """A whole nginx.conf around the shipped server block, everything inside ``prefix``."""
    (prefix / "quartier.conf").write_text(render(values))
    for folder in ("logs", "body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / folder).mkdir(exist_ok=True)
    mime = f"include {MIME_TYPES};" if os.path.exists(MIME_TYPES) else ""
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(
        f"""
{user}
daemon off;
master_process on;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 128; }}
http {{
    {mime}
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/quartier.conf;
}}
"""
    )
    return prefix / "nginx.conf"


def wait_for(url, process, log, what):
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if process.poll() is not None:
            pytest.fail(f"{what} stopped at start:\n{Path(log).read_text()[-3000:]}")
        try:
            get(url)
            return
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail(f"{what} did not answer:\n{Path(log).read_text()[-3000:]}")
            time.sleep(0.3)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def stack(django_db_setup, django_db_blocker, static_root, tmp_path):
    """Returns start(): two gunicorns and nginx over the database as it is when called."""
    require_nginx()
    if not GUNICORN.exists():
        pytest.skip(f"gunicorn is not installed beside {sys.executable}")
    processes, files = [], []
    secret = secrets.token_urlsafe(50)

    def start():
        with django_db_blocker.unblock():
            url = database_url(tmp_path)
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE", "PYTEST_CURRENT_TEST"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            SECRET_KEY=secret,
            DATABASE_URL=url,
            STATIC_ROOT=str(static_root),
            MEDIA_ROOT=str(settings.MEDIA_ROOT),
            PRIVATE_MEDIA_ROOT=str(settings.PRIVATE_MEDIA_ROOT),
            PRIVATE_FILES_SERVE="nginx",
            TRUSTED_PROXIES="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            SECURE_COOKIES="false",
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
        ports = [free_port(), free_port()]
        for index, port in enumerate(ports):
            err = tmp_path / f"gunicorn{index}.err"
            with open(tmp_path / f"gunicorn{index}.out", "wb") as out, open(err, "wb") as errf:
                process = subprocess.Popen(
                    [str(GUNICORN), "-c", str(ROOT / "deploy" / "gunicorn.conf.py")],
                    cwd=tmp_path,
                    env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                    stdout=out,
                    stderr=errf,
                )
            processes.append(process)
        for index, (port, process) in enumerate(zip(ports, processes, strict=True)):
            log = tmp_path / f"gunicorn{index}.err"
            wait_for(f"http://127.0.0.1:{port}/healthz", process, log, "gunicorn")

        public = Path(settings.MEDIA_ROOT) / "public" / f"nginx-{secrets.token_hex(8)}.html"
        public.parent.mkdir(parents=True, exist_ok=True)
        public.write_bytes(b"<script>alert(1)</script>")
        files.append(public)
        prefix = tmp_path / "nginx"
        prefix.mkdir()
        listen = free_port()
        config = nginx_conf(
            prefix,
            {
                "QUARTIER_LISTEN": f"127.0.0.1:{listen}",
                "QUARTIER_SERVER_NAME": "localhost",
                "QUARTIER_UPSTREAM_SERVERS": " ".join(f"server 127.0.0.1:{p};" for p in ports),
                "QUARTIER_STATIC_ROOT": str(static_root),
                "QUARTIER_MEDIA_ROOT": str(settings.MEDIA_ROOT),
                "QUARTIER_PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
                "QUARTIER_ACCESS_LOG": str(prefix / "logs" / "access.log"),
            },
        )
        error_log = prefix / "logs" / "error.log"
        command = [NGINX, "-p", str(prefix), "-c", str(config), "-e", str(error_log)]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        assert check.returncode == 0, check.stderr
        with open(prefix / "nginx.stderr", "wb") as errf:
            process = subprocess.Popen(command, stdout=errf, stderr=errf)
        processes.append(process)
        base = f"http://127.0.0.1:{listen}"
        wait_for(f"{base}/healthz", process, prefix / "nginx.stderr", "nginx")
        return {
            "base": base,
            "secret": secret,
            "prefix": prefix,
            "static": static_root,
            "public_name": str(public.relative_to(settings.MEDIA_ROOT)),
        }

    start.secret = secret
    yield start
    for process in reversed(processes):
        stop(process)
    for path in files:
        path.unlink(missing_ok=True)


def raw_request(base, head):
    """Sends ``head`` (request line and headers, no body) and returns the status line."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head.encode())
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    return data.split(b"\r\n", 1)[0].decode()


def failed_login(base, forwarded_for, number):
    """A login with a wrong password, from the client ``forwarded_for`` (as the client would
    claim it to nginx); returns the page."""
    from urllib.parse import urlencode

    headers = {"X-Forwarded-For": forwarded_for}
    status, page_headers, _ = get(f"{base}/de/accounts/login/", headers)
    assert status == 200
    token = re.search(r"csrftoken=([^;]+)", page_headers["Set-Cookie"]).group(1)
    data = urlencode(
        {
            "csrfmiddlewaretoken": token,
            "login": f"niemand-{number}@example.org",
            "password": "falsch-falsch",
        }
    ).encode()
    request = urllib.request.Request(
        f"{base}/de/accounts/login/",
        data=data,
        headers={**headers, "Cookie": f"csrftoken={token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read().decode()
    except urllib.error.HTTPError as error:
        return error.read().decode()


def session_cookie(user, secret):
    """A session of ``user`` in the database, signed with the servers' SECRET_KEY."""
    with override_settings(SECRET_KEY=secret):
        client = Client()
        client.force_login(user)
        name = settings.SESSION_COOKIE_NAME
        return f"{name}={client.cookies[name].value}"


@pytest.fixture
def proposal_files(django_db_setup, django_db_blocker):
    """A submitted, unpublished proposal with a private attachment, committed so the
    servers see it (as the browser journeys do), and removed afterwards."""
    from participation import states
    from tests.participation.factories import make_process, make_proposal, roles

    with django_db_blocker.unblock():
        people = roles()
        process = make_process(slug=f"verfahren-nginx-{secrets.token_hex(4)}")
        proposal = make_proposal(
            process,
            people["author"],
            state=states.SUBMITTED,
            attachment=ContentFile(b"%PDF-1.4 Skizze hinter nginx", name="Skizze Platz.pdf"),
        )
        proposal.refresh_from_db()
        attachment_url = process.subpage_url("attachment", proposal.pk)

    def cookie(who, secret):
        with django_db_blocker.unblock():
            return session_cookie(people[who], secret)

    yield {
        "proposal": proposal,
        "attachment_url": attachment_url,
        "private_name": proposal.attachment.name,
        "cookie": cookie,
    }
    with django_db_blocker.unblock():
        from django.contrib.sessions.models import Session

        proposal.delete()
        for page in type(process).objects.filter(pk=process.pk):
            page.delete()
        for person in people.values():
            person.delete()
        Session.objects.all().delete()


def test_nginx_serves_the_site_static_and_private_files(stack, proposal_files):
    assert not proposal_files["proposal"].attachment_is_public
    attachment_url = proposal_files["attachment_url"]
    # Sessions first: with SQLite the servers get a copy of the database made at the start.
    author = proposal_files["cookie"]("author", stack.secret)
    other = proposal_files["cookie"]("registered", stack.secret)
    served = stack()
    base, prefix = served["base"], served["prefix"]

    # A page through nginx and gunicorn.
    status, headers, body = get(f"{base}/de/", {"X-Forwarded-For": "203.0.113.9"})
    assert status == 200, body[:2000]
    assert b'lang="de"' in body
    assert "nginx/" not in headers.get("Server", "")  # server_tokens off

    # The id nginx made for the request reaches the app, which answers with it.
    request_id = headers["X-Request-ID"]
    time.sleep(0.5)
    access = (prefix / "logs" / "access.log").read_text()
    assert f'"GET /de/" 200 {len(body)}' in access or '"GET /de/" 200' in access
    assert f"request_id={request_id}" in access
    assert "127.0.0.1" not in access and "203.0.113.9" not in access

    # A static file from STATIC_ROOT, by nginx (WhiteNoise would add its own headers).
    hashed = re.search(rb'/static/([^"]+\.[0-9a-f]{12}\.css)', body)
    assert hashed, "no hashed stylesheet on the home page"
    name = hashed.group(1).decode()
    status, headers, css = get(f"{base}/static/{name}")
    assert status == 200
    assert css == (Path(served["static"]) / name).read_bytes()
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "X-Request-ID" not in headers  # never reached the app
    status, headers, _ = get(f"{base}/static/{name}", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("Content-Encoding") == "gzip"

    # Public files from MEDIA_ROOT by nginx, never sniffed or run as a page.
    status, headers, body = get(f"{base}/media/{served['public_name']}")
    assert status == 200 and body == b"<script>alert(1)</script>"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == "sandbox; default-src 'none'"

    # The private folder is not reachable directly, not even knowing the file's name.
    status, _headers, body = get(f"{base}/_private/{proposal_files['private_name']}")
    assert status == 404
    assert b"Skizze" not in body

    # The author gets the attachment: the app checks, nginx sends the bytes.
    status, headers, body = get(f"{base}{attachment_url}", {"Cookie": author})
    assert status == 200, body[:2000]
    assert body == b"%PDF-1.4 Skizze hinter nginx"
    assert "X-Accel-Redirect" not in headers
    assert headers["Content-Type"] == "application/pdf"
    assert 'filename="Skizze Platz.pdf"' in headers["Content-Disposition"]
    assert headers["Content-Disposition"].startswith("attachment")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert headers["Cache-Control"] == "private, no-store"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])

    # Somebody else (logged in, not the author) and nobody at all get nothing.
    for cookie in (other, ""):
        headers = {"Cookie": cookie} if cookie else {}
        status, _headers, body = get(f"{base}{attachment_url}", headers)
        assert status in (403, 404), status
        assert b"Skizze hinter nginx" not in body

    # The app sees the client's address that nginx appends to X-Forwarded-For (allauth's
    # limit of 10 failed logins a minute per address, through core.ratelimit.client_address):
    # ten failures from one client lock out that client, not another one behind the same nginx.
    limited = "Zu viele fehlgeschlagene Anmeldeversuche"
    pages = [failed_login(base, "203.0.113.7", n) for n in range(11)]
    assert all(limited not in page for page in pages[:10])
    assert limited in pages[10]
    assert limited not in failed_login(base, "198.51.100.4", 11)

    # A body above client_max_body_size (the largest upload, 25 MB, plus form) gets 413 from
    # nginx before anything reaches the app.
    assert " 413 " in raw_request(
        base,
        f"POST /de/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: {27 * MB}\r\n"
        "Content-Type: multipart/form-data; boundary=x\r\nConnection: close\r\n\r\n",
    )


def test_the_template_names_only_documented_placeholders():
    text = TEMPLATE.read_text()
    used = set(re.findall(r"\$\{(QUARTIER_[A-Z_]+)\}", text))
    body = text.split("\nupstream", 1)[1]
    documented = set(re.findall(r"#   (QUARTIER_[A-Z_]+) ", text))
    assert used == documented
    assert "internal;" in body.split("location /_private/", 1)[1].split("}", 1)[0]
    limit = re.search(r"client_max_body_size (\d+)m;", body)
    from core.uploads import ADMIN_DOCUMENT, DOCUMENT

    largest = max(DOCUMENT.max_bytes, ADMIN_DOCUMENT.max_bytes)
    assert largest < int(limit.group(1)) * MB <= largest + 2 * MB


def test_a_missing_nginx_skips_with_the_reason_or_fails_when_required(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "NGINX", None)
    monkeypatch.delenv("QUARTIER_REQUIRE_NGINX", raising=False)
    with pytest.raises(pytest.skip.Exception, match="nginx is not installed"):
        require_nginx()
    monkeypatch.setenv("QUARTIER_REQUIRE_NGINX", "1")
    with pytest.raises(pytest.fail.Exception, match="QUARTIER_REQUIRE_NGINX=1"):
        require_nginx()
