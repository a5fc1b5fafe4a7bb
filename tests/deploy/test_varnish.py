"""Varnish with the shipped VCL (deploy/varnish/quartier.vcl) in front of a real gunicorn
with the production settings, the app's page cache on, and purging on publish.

The template's ${QUARTIER_VARNISH_*} placeholders are filled in as envsubst would; varnishd
runs in the foreground with its working folder in a tmp folder, on a free port. Skipped
(with the reason) without varnishd; fails then if QUARTIER_REQUIRE_VARNISH=1 (.ci/run).
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.deploy.test_gunicorn import (
    GUNICORN,
    ROOT,
    database_url,
    free_port,
)
from tests.deploy.test_nginx import session_cookie, stop, wait_for

TEMPLATE = ROOT / "deploy" / "varnish" / "quartier.vcl"
VARNISHD = shutil.which("varnishd") or next(
    (p for p in ("/usr/sbin/varnishd", "/usr/local/sbin/varnishd") if os.path.exists(p)), None
)
HOST = "localhost"  # the host name of the test database's site
S_MAXAGE = 4  # seconds a page stays fresh in Varnish in this test (then grace)


def require_varnish():
    if VARNISHD is None:
        reason = "varnishd is not installed (Debian package varnish)"
        if os.environ.get("QUARTIER_REQUIRE_VARNISH") == "1":
            pytest.fail(f"{reason}, but QUARTIER_REQUIRE_VARNISH=1")
        pytest.skip(reason)


def varnish_workdir():
    """A short path (a socket lives there) that varnishd can read after it drops root."""
    workdir = Path(tempfile.mkdtemp(prefix="qv", dir="/tmp"))
    workdir.chmod(0o755)
    return workdir


def render(values):
    """The template with its placeholders filled in; an unknown one is an error."""
    return re.sub(
        r"\$\{(QUARTIER_VARNISH_[A-Z_]+)\}", lambda m: values[m.group(1)], TEMPLATE.read_text()
    )


def request(base, path, method="GET", headers=None, data=None):
    req = urllib.request.Request(
        f"{base}{path}", method=method, data=data, headers={"Host": HOST, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def raw_status(base, head, source="127.0.0.1"):
    """Sends ``head`` from the address ``source``; returns the status code."""
    host, port = base.removeprefix("http://").split(":")
    with socket.socket() as sock:
        sock.settimeout(10)
        sock.bind((source, 0))
        sock.connect((host, int(port)))
        sock.sendall(head.encode())
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    return int(data.split(b" ", 2)[1])


@pytest.fixture
def site_content(django_db_setup, django_db_blocker):
    """A published page with its aliases in the other languages and a resident, committed
    so the servers see them; removed afterwards."""
    from django.contrib.sessions.models import Session

    from tests.portal.factories import ContentPageFactory, UserFactory

    slug = f"varnish-{secrets.token_hex(4)}"
    with django_db_blocker.unblock():
        page = ContentPageFactory(title="Gartenfest alt", slug=slug)
        aliases = list(page.aliases.all())
        paths = {"page": page.url, "aliases": [alias.url for alias in aliases]}
        resident = UserFactory(email=f"{slug}@example.org")

    def cookie(secret):
        with django_db_blocker.unblock():
            return session_cookie(resident, secret)

    yield {"page": page, "paths": paths, "cookie": cookie}
    with django_db_blocker.unblock():
        for alias in aliases:
            type(alias).objects.filter(pk=alias.pk).delete()
        type(page).objects.filter(pk=page.pk).delete()
        resident.delete()
        Session.objects.all().delete()


@pytest.fixture
def varnish_stack(django_db_setup, django_db_blocker, static_root, tmp_path):
    """Returns start(): gunicorn (production settings) and Varnish in front of it, over the
    database as it is when called, and run(code) for Django code in another process."""
    require_varnish()
    if not GUNICORN.exists():
        pytest.skip(f"gunicorn is not installed beside {sys.executable}")
    processes = []
    secret = secrets.token_urlsafe(50)
    workdir = varnish_workdir()
    state = {}

    def start():
        with django_db_blocker.unblock():
            url = database_url(tmp_path)
        app_port, varnish_port = free_port(), free_port()
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
            TRUSTED_PROXIES="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            SECURE_COOKIES="false",
            WEB_CONCURRENCY="1",
            LOG_FORMAT="json",
            PAGECACHE_ENABLED="true",
            PAGECACHE_S_MAXAGE=str(S_MAXAGE),
            VARNISH_PURGE_URLS=f"http://127.0.0.1:{varnish_port}",
        )
        state["env"] = env
        subprocess.run(
            [sys.executable, "manage.py", "createcachetable"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        err = tmp_path / "gunicorn.err"
        with open(tmp_path / "gunicorn.out", "wb") as out, open(err, "wb") as errf:
            app = subprocess.Popen(
                [str(GUNICORN), "-c", str(ROOT / "deploy" / "gunicorn.conf.py")],
                cwd=tmp_path,
                env={**env, "GUNICORN_BIND": f"127.0.0.1:{app_port}"},
                stdout=out,
                stderr=errf,
            )
        processes.append(app)
        wait_for(f"http://127.0.0.1:{app_port}/healthz", app, err, "gunicorn")

        vcl = workdir / "quartier.vcl"
        vcl.touch(mode=0o644)
        vcl.write_text(
            render(
                {
                    "QUARTIER_VARNISH_BACKEND_HOST": "127.0.0.1",
                    "QUARTIER_VARNISH_BACKEND_PORT": str(app_port),
                    "QUARTIER_VARNISH_PURGERS": '"127.0.0.1";',
                    "QUARTIER_VARNISH_GRACE": "1h",
                }
            )
        )
        log = workdir / "varnishd.log"
        with open(log, "wb") as logf:
            varnish = subprocess.Popen(
                [
                    VARNISHD,
                    "-F",
                    "-a",
                    f"127.0.0.1:{varnish_port}",
                    "-f",
                    str(vcl),
                    "-n",
                    str(workdir / "n"),
                    "-s",
                    "malloc,32m",
                ],
                stdout=logf,
                stderr=logf,
            )
        processes.append(varnish)
        wait_for(f"http://127.0.0.1:{varnish_port}/healthz", varnish, log, "varnishd")
        return {
            "varnish": f"http://127.0.0.1:{varnish_port}",
            "app": f"http://127.0.0.1:{app_port}",
            "app_process": app,
        }

    def run(code):
        """Django code in a separate process with the servers' settings and database."""
        done = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=state["env"],
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    start.secret = secret
    start.run = run
    yield start
    for process in reversed(processes):
        if process.poll() is None:
            stop(process)
    shutil.rmtree(workdir, ignore_errors=True)


def test_varnish_caches_passes_purges_and_serves_stale(varnish_stack, site_content):
    page = site_content["page"]
    path = site_content["paths"]["page"]
    alias_paths = site_content["paths"]["aliases"]
    assert alias_paths, "the factory makes aliases in the other languages"
    cookie = site_content["cookie"](varnish_stack.secret)
    served = varnish_stack()
    varnish, app = served["varnish"], served["app"]

    # Anonymous: first a miss, then a Varnish hit; the cookies a browser sends are dropped.
    status, headers, body = request(varnish, path, headers={"Cookie": "_pk_id=tracking"})
    assert status == 200, body[:2000]
    assert "Gartenfest alt" in body
    assert headers["X-Varnish-Cache"] == "miss"
    assert headers["Cache-Control"] == f"public, max-age=0, s-maxage={S_MAXAGE}"
    assert "X-Quartier-Url" not in headers
    status, headers, _ = request(varnish, path, headers={"Cookie": "csrftoken=abc"})
    assert status == 200 and headers["X-Varnish-Cache"] == "hit"
    for alias_path in alias_paths:
        assert request(varnish, alias_path)[1]["X-Varnish-Cache"] == "miss"
        assert request(varnish, alias_path)[1]["X-Varnish-Cache"] == "hit"

    # Logged in: passed to the app, personal, never from a cache.
    for _ in range(2):
        status, headers, body = request(varnish, path, headers={"Cookie": cookie})
        assert status == 200
        assert headers["X-Varnish-Cache"] == "pass"
        assert headers["X-Cache"] == "pass"
        assert "Abmelden" in body
        assert "private" in headers["Cache-Control"]
    # ... and the anonymous copy has nothing of it.
    status, headers, body = request(varnish, path)
    assert headers["X-Varnish-Cache"] == "hit" and "Abmelden" not in body

    # A POST always passes (here CSRF refuses it: no token).
    status, headers, _ = request(varnish, path, method="POST", data=b"a=1")
    assert headers["X-Varnish-Cache"] == "pass"
    assert status == 403

    # PURGE and BAN only from the ACL's addresses.
    for method in ("PURGE", "BAN"):
        head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n"
        assert raw_status(varnish, head, source="127.0.0.2") == 403
    assert request(varnish, path)[1]["X-Varnish-Cache"] == "hit"

    # Publishing (a revision, in another process as an editor's request would) purges the
    # app's cache and Varnish at once, in every language copy that changed (the aliases).
    varnish_stack.run(
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(pk={page.pk}).specific\n"
        "page.title = 'Gartenfest neu'\n"
        "page.save_revision().publish()\n"
    )
    status, headers, body = request(varnish, path)
    assert status == 200
    assert "Gartenfest neu" in body and "Gartenfest alt" not in body
    assert headers["X-Varnish-Cache"] == "miss"
    assert headers["X-Cache"] == "miss"  # the app's cache was purged too
    for alias_path in alias_paths:
        status, headers, body = request(varnish, alias_path)
        assert "Gartenfest neu" in body, alias_path
        assert headers["X-Varnish-Cache"] == "miss"
    # The app behind Varnish has the new version in its own cache now.
    status, headers, body = request(app, path)
    assert headers["X-Cache"] == "hit" and "Gartenfest neu" in body

    # Changing a setting bans the whole host in Varnish.
    assert request(varnish, path)[1]["X-Varnish-Cache"] == "hit"
    varnish_stack.run(
        "from portal.models import OfficeSettings\n"
        "from wagtail.models import Site\n"
        "office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))\n"
        "office.office_name = 'Büro am Kanal'\n"
        "office.save()\n"
    )
    status, headers, body = request(varnish, path)
    assert headers["X-Varnish-Cache"] == "miss" and "Büro am Kanal" in body

    # Grace: with the app down, Varnish keeps serving the page after its lifetime.
    stop(served["app_process"])
    # Past s-maxage and the 10 s grace of a healthy backend; by then the probe (4 of 5 probes
    # at 5 s failed) has seen the app go, so only the long grace serves it.
    time.sleep(S_MAXAGE + 25)
    status, headers, body = request(varnish, path)
    assert status == 200 and "Gartenfest neu" in body
    assert int(headers["Age"]) > S_MAXAGE + 10
    # A page Varnish never had: a plain 503 in German.
    status, headers, body = request(varnish, "/de/nie-gesehen/")
    assert status == 503 and "nicht erreichbar" in body


def test_the_template_names_only_documented_placeholders():
    text = TEMPLATE.read_text()
    used = set(re.findall(r"\$\{(QUARTIER_VARNISH_[A-Z_]+)\}", text))
    documented = set(re.findall(r"#   (QUARTIER_VARNISH_[A-Z_]+) ", text))
    assert used == documented
    assert set(re.findall(r"\$\{([A-Z_]+)\}", text)) == used


def test_the_template_compiles():
    require_varnish()
    workdir = varnish_workdir()
    try:
        vcl = workdir / "quartier.vcl"
        vcl.touch(mode=0o644)
        vcl.write_text(
            render(
                {
                    "QUARTIER_VARNISH_BACKEND_HOST": "127.0.0.1",
                    "QUARTIER_VARNISH_BACKEND_PORT": "8080",
                    "QUARTIER_VARNISH_PURGERS": '"127.0.0.1"; "10.0.0.0"/8;',
                    "QUARTIER_VARNISH_GRACE": "6h",
                }
            )
        )
        done = subprocess.run(
            [VARNISHD, "-C", "-f", str(vcl), "-n", str(workdir / "n")],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-3000:]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def test_a_missing_varnishd_skips_with_the_reason_or_fails_when_required(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "VARNISHD", None)
    monkeypatch.delenv("QUARTIER_REQUIRE_VARNISH", raising=False)
    with pytest.raises(pytest.skip.Exception, match="varnishd is not installed"):
        require_varnish()
    monkeypatch.setenv("QUARTIER_REQUIRE_VARNISH", "1")
    with pytest.raises(pytest.fail.Exception, match="QUARTIER_REQUIRE_VARNISH=1"):
        require_varnish()
