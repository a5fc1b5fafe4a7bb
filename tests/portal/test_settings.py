import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-production-like-secret-key-with-more-than-fifty-characters-0123456789",
    "ALLOWED_HOSTS": "quartier.example",
    "SITE_URL": "https://quartier.example",
    "TRUSTED_PROXIES": "127.0.0.1",
}


def manage(*args, env=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            **PRODUCTION_ENV,
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_production_settings_pass_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_without_trusted_proxies():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env={"TRUSTED_PROXIES": ""})
    assert result.returncode != 0
    assert "quartier.W001" in result.stdout + result.stderr


def test_production_refuses_missing_secret_key():
    result = manage("check", env={"SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_does_not_install_the_demo():
    """The demo app (and its load_demo command) exists only in development and test settings;
    with settings that install it but do not allow it, the command refuses
    (tests/demo/test_demo.py)."""
    result = manage("load_demo")
    assert result.returncode != 0
    assert "Unknown command: 'load_demo'" in result.stderr


@pytest.mark.skipif(
    not (ROOT / "node_modules" / "@kern-ux" / "native").exists(),
    reason="npm packages not installed (run make install)",
)
def test_collectstatic_from_checkout(collected_static):
    """The run is the session's (tests/conftest.py), whose files the deploy tests serve."""
    result = collected_static.result
    assert result.returncode == 0, result.stderr
    assert "static files copied" in result.stdout


@pytest.mark.django_db
def test_public_pages_send_csp_without_inline_script(client):
    response = client.get("/de/")
    policy = response["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if "script-src" in part)
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    assert "<script>" not in response.content.decode()


def test_settings_from_environment():
    assert settings.AUTH_USER_MODEL == "accounts.User"
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
    assert settings.EMAIL_BACKEND.endswith("locmem.EmailBackend")


def test_setup_site_makes_a_new_installation_editable_and_can_run_again(db):
    """`make serve` and the production checklist run it after every migrate."""
    from io import StringIO

    from django.core.management import call_command
    from wagtail.models import Page, Site

    from portal.models import HomePage

    for _ in range(2):
        out = StringIO()
        call_command("setup_site", stdout=out)
        assert "Site ready" in out.getvalue()
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert HomePage.objects.filter(locale__language_code="de").count() == 1
    # Every language has its tree: one home page (original or alias) per locale.
    assert Page.objects.type(HomePage).count() == 7
