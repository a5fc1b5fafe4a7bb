import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent(capsys):
    before = Page.objects.count()
    call_command("load_demo")
    assert Page.objects.count() == before
    out = capsys.readouterr().out
    assert "admin@muehlbach-sued.example" in out
    assert "MFA recovery codes" in out


@override_settings(QUARTIER_DEMO_ALLOWED=False)
def test_demo_refuses_with_production_settings():
    with pytest.raises(CommandError):
        call_command("load_demo")
