import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic with the production storage (hashed, compressed, with a manifest), run
    once for every server the deploy tests start (gunicorn, nginx, Varnish, metrics): they
    only read it."""
    folder = tmp_path_factory.mktemp("static")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.production"}
    env.update(SECRET_KEY=secrets.token_urlsafe(50), STATIC_ROOT=str(folder))
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder
