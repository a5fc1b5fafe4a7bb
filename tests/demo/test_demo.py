"""The demo neighbourhood (`load_demo`). It is loaded once for this module into the session's
test database, on top of the empty site every session has, inside a transaction that is
rolled back when the module ends: no other test ever sees the demo."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client, override_settings

from demo import loader

LANGUAGES = ["de", "de-ls", "en", "tr", "ar", "ru", "uk"]
CHAIR = "vorsitz@muehlbach-sued.example"
RESIDENT = "bewohnerin@muehlbach-sued.example"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """What the first `load_demo` printed; the demo stays in the database for the module."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            out = io.StringIO()
            call_command("load_demo", stdout=out)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield out.getvalue()
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def counts():
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from fund.models import Application
    from intranet.models import DocumentVersion, Meeting
    from participation.models import Ballot, Comment, Proposal, Support

    return {
        "images": get_image_model().objects.count(),
        "supports": Support.objects.count(),
        "comments": Comment.objects.count(),
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "proposals": Proposal.objects.count(),
        "ballots": Ballot.objects.count(),
        "meetings": Meeting.objects.count(),
        "documents": get_document_model().objects.count() + DocumentVersion.objects.count(),
        "applications": Application.objects.count(),
    }


def subpage_url(page, name, *args):
    """The URL of a routable page's sub-page, as `{% routablepageurl %}` builds it."""
    return page.url + page.reverse_subpage(name, args=args)


def client_for(email=None):
    from django.contrib.auth import get_user_model

    client = Client()
    if email:
        client.force_login(get_user_model().objects.get(email=email))
    return client


def test_load_demo_fills_the_empty_site_and_prints_the_logins(demo, db):
    from portal.models import HomePage

    assert "Loaded the demo neighbourhood Mühlbach-Süd." in demo
    for user in loader.load("site")["users"]:
        assert user["email"] in demo and user["password"] in demo
    assert "MFA recovery codes" in demo
    codes = r"Voting codes for /de/spielstrasse-gerberstrasse/abstimmen/ .*: \S+, \S+"
    assert re.search(codes, demo)
    # The session's empty site had the home page "Startseite": the demo fills it.
    home = HomePage.objects.get(locale__language_code="de")
    assert (home.title, home.slug) == ("Willkommen im Quartier Mühlbach-Süd", "start")
    assert "Neuigkeiten aus dem Quartier" in home.easy_language_text
    assert HomePage.objects.get(locale__language_code="en").title == "Welcome to Mühlbach-Süd"


def test_demo_is_idempotent(demo, db, capsys):
    before = counts()
    call_command("load_demo")
    assert counts() == before
    out = capsys.readouterr().out
    assert "Checked the demo neighbourhood Mühlbach-Süd." in out
    assert "admin@muehlbach-sued.example" in out
    assert "MFA recovery codes" in out


@override_settings(QUARTIER_DEMO_ALLOWED=False)
def test_demo_refuses_with_production_settings(db):
    with pytest.raises(CommandError):
        call_command("load_demo")


def reader_of(page, chairs):
    """Who may see a page: anyone (None) for the public site; for the intranet a member,
    the chair of the page's body or, for the intranet's own page, the demo chair."""
    from intranet.models import IntranetIndexPage, WorkspacePage

    if not IntranetIndexPage.objects.ancestor_of(page, inclusive=True).exists():
        return None
    workspace = WorkspacePage.objects.ancestor_of(page, inclusive=True).first()
    return chairs[workspace.translation_key] if workspace else CHAIR


def fetch(client, page, intranet):
    """The page's response. The intranet is German only: its pages in the other languages
    are aliases that send people to the German page."""
    response = client.get(page.url)
    if intranet and page.alias_of_id and response.status_code == 301:
        assert response["Location"] == page.alias_of.url
        response = client.get(response["Location"])
    return response


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_demo_page_answers(demo, db, lang):
    """Every live page in every language answers 200 to the person who may see it. (The
    admin needs a second factor at login: its pages are tested elsewhere.)"""
    from wagtail.models import Page

    from intranet.models import Membership

    chairs = {
        membership.workspace.translation_key: membership.user.email
        for membership in Membership.objects.filter(role="chair").select_related("workspace")
    }
    pages = Page.objects.live().filter(locale__language_code=lang, depth__gte=2)
    assert pages.count() >= 50
    clients, failures = {}, []
    for page in pages.specific():
        reader = reader_of(page, chairs)
        if reader not in clients:
            clients[reader] = client_for(reader)
        response = fetch(clients[reader], page, intranet=reader is not None)
        if response.status_code != 200:
            failures.append((page.url, reader, response.status_code))
    assert not failures
    # The intranet is not public: the readers above matter.
    assert Client().get(f"/{lang}/intranet/").status_code == 302


def test_routable_sub_pages_answer(demo, db):
    from fund.models import FundPage
    from intranet.models import BodiesPage, Meeting
    from participation.models import ProcessPage, Proposal

    anonymous = Client()
    process = ProcessPage.objects.get(slug="ideen-lindenplatz", locale__language_code="de")
    proposal = Proposal.objects.filter(process=process, state="published").first()
    response = anonymous.get(subpage_url(process, "detail", proposal.pk))
    assert response.status_code == 200
    assert proposal.title in response.content.decode()

    budget = ProcessPage.objects.get(slug="kiezbudget-2027", locale__language_code="de")
    response = client_for(RESIDENT).get(subpage_url(budget, "vote"))
    assert response.status_code == 200
    assert "Lastenrad zum Ausleihen" in response.content.decode()
    street = ProcessPage.objects.get(slug="spielstrasse-gerberstrasse", locale__language_code="de")
    assert anonymous.get(subpage_url(street, "vote")).status_code == 200

    fest = ProcessPage.objects.get(slug="sommerfest-2026", locale__language_code="de")
    response = anonymous.get(subpage_url(fest, "results"))
    assert response.status_code == 200
    assert "Kinderprogramm mit Zirkus" in response.content.decode()

    fund_page = FundPage.objects.get(locale__language_code="de")
    assert anonymous.get(fund_page.url).status_code == 200
    response = anonymous.get(subpage_url(fund_page, "funded"))
    assert response.status_code == 200
    assert "Kinderfest am Weidenring" in response.content.decode()

    bodies = BodiesPage.objects.get(locale__language_code="de")
    body = "stadtteilkonferenz"
    response = anonymous.get(subpage_url(bodies, "body", body))
    assert response.status_code == 200
    meeting = Meeting.objects.filter(workspace__slug=body).order_by("starts_at")[0]
    response = anonymous.get(subpage_url(bodies, "public_meeting", body, meeting.pk))
    assert response.status_code == 200
    response = anonymous.get("/oparl/bodies/quartier/meetings/")
    assert response.status_code == 200
    assert response.json()["data"]


def test_all_demo_content_exists_in_english(demo, db):
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
def test_home_one_news_item_and_one_event_in_every_language(demo, db, lang):
    from portal.events.models import EventPage
    from portal.models import HomePage
    from portal.news.models import NewsArticlePage

    for model in (HomePage, NewsArticlePage, EventPage):
        translated = model.objects.filter(locale__language_code=lang, alias_of__isnull=True)
        assert translated.exists(), (model, lang)


def test_demo_content_is_fictional():
    text = "".join(path.read_text(encoding="utf-8") for path in loader.data_files())
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    assert emails and all(email.endswith(".example") for email in emails)
    phones = re.findall(r"\b0\d{3}[ \d-]{4,}", text)
    assert phones and all(phone.startswith("0000") for phone in phones)


def test_demo_shows_illustrations_supports_and_a_discussion(demo, db):
    """Images on news, events and proposals (drawn at load time), supports, comments with
    an official answer and a reply, shown by display name."""
    from participation.models import Comment, ProcessPage, Proposal
    from portal.events.models import EventPage
    from portal.news.models import NewsArticlePage

    for model in (NewsArticlePage, EventPage):
        illustrated = model.objects.filter(locale__language_code="de", lead_image__isnull=False)
        assert illustrated.count() >= 4, model
        page = illustrated.first()
        assert page.lead_image_alt
        body = Client().get(page.url).content.decode()
        assert "<img" in body and page.lead_image_alt in body
    process = ProcessPage.objects.get(slug="ideen-lindenplatz", locale__language_code="de")
    proposals = Proposal.objects.filter(process=process)
    assert proposals.exclude(image="").count() >= 3
    assert proposals.filter(support_count__gte=process.support_threshold).exists()
    answer = Comment.objects.get(official=True, proposal__title__startswith="Schattige")
    assert answer.parent.replies.filter(official=False).exists()
    body = Client().get(subpage_url(process, "detail", answer.proposal_id)).content.decode()
    comments = body.split('id="kommentare"')[1].split("</section>")[0]
    assert "Hanne vom Lindenplatz" in comments and "Sam aus dem Erlenring" in comments
    assert "Antwort des Stadtteilbüros" in comments and "Stadtteilbüro Mühlbach-Süd" in comments
    assert "muehlbach-sued.example" not in comments
    assert "<img" in body
