import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIR = ROOT / "locale"
SHIPPED = ["de_LS", "en", "tr", "ar", "ru", "uk"]
PACKAGES = ["core", "portal", "participation", "intranet", "fund", "demo", "bench"]


def catalogue(lang):
    return polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"))


def test_every_non_source_language_has_a_catalogue():
    languages = {code for code, _name in settings.LANGUAGES} - {"de"}
    expected = {code.replace("-ls", "_LS") for code in languages}
    assert expected == set(SHIPPED)


@pytest.mark.parametrize("lang", SHIPPED)
def test_catalogue_is_complete(lang):
    po = catalogue(lang)
    assert len(po) > 50
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    for entry in po:
        for placeholder in ("%(email)s", "%(reason)s", "%(url)s", "%(date)s", "{{"):
            assert entry.msgid.count(placeholder) == entry.msgstr.count(placeholder), entry.msgid


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext (xgettext) not installed")
def test_catalogues_contain_every_source_string(tmp_path):
    """makemessages on a copy of the sources finds no string that the catalogues lack."""
    for name in [
        "manage.py",
        *PACKAGES,
        "templates",
        "locale",
    ]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("*.mo"))
        else:
            shutil.copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "portal.settings.test", "PATH": "/usr/bin:/bin"},
    )
    fresh = {e.msgid for e in polib.pofile(str(tmp_path / "locale/en/LC_MESSAGES/django.po"))}
    committed = {e.msgid for e in catalogue("en")}
    assert len(fresh) > 50
    assert fresh - committed == set(), "run `make messages` and translate the new strings"


@pytest.mark.parametrize("code", ["de", "de-ls"])
def test_allauth_texts_address_people_formally(code):
    from django.utils import translation

    with translation.override(code):
        text = translation.gettext("Are you sure you want to sign out?")
    assert text == "Sind Sie sicher, dass Sie sich abmelden möchten?"


def test_formal_override_catalogue_has_no_informal_address():
    import re

    po = polib.pofile(str(LOCALE_DIR / "de" / "LC_MESSAGES" / "django.po"))
    assert len(po) > 30
    informal = re.compile(r"\b(du|dich|dir|dein\w*)\b", re.IGNORECASE)
    assert [e.msgid for e in po if informal.search(e.msgstr)] == []
