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


def test_all_demo_content_exists_in_english():
    """The portal issue asks for English versions of every demo page (no aliases)."""
    from wagtail.models import Page

    from intranet.models import IntranetIndexPage

    german = Page.objects.filter(locale__language_code="de", depth__gte=2)
    english = Page.objects.filter(locale__language_code="en", depth__gte=2)
    assert german.count() == english.count()
    # The intranet is German only (its issue says so): its English tree holds aliases that
    # send people to the German pages.
    for root in IntranetIndexPage.objects.all():
        english = english.not_descendant_of(root, inclusive=True)
    assert not english.filter(alias_of__isnull=False).exists()


@pytest.mark.parametrize("lang", ["de-ls", "tr", "ar", "ru", "uk"])
def test_home_one_news_item_and_one_event_in_every_language(lang):
    from portal.events.models import EventPage
    from portal.models import HomePage
    from portal.news.models import NewsArticlePage

    for model in (HomePage, NewsArticlePage, EventPage):
        translated = model.objects.filter(locale__language_code=lang, alias_of__isnull=True)
        assert translated.exists(), (model, lang)


def test_demo_content_is_fictional():
    import re

    from demo import content, portal_content

    text = repr(vars(content)) + repr(vars(portal_content))
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    assert emails and all(email.endswith(".example") for email in emails)
    phones = re.findall(r"\b0\d{3}[ \d-]{4,}", text)
    assert all(phone.startswith("0000") for phone in phones)
