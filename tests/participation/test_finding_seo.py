"""Search engines and sharing: canonical addresses, hreflang alternates to the same sub-page
(reciprocal, x-default German, only where a translation exists), the language switcher
keeping the sub-page and its filters, the sitemap with alternates and without restricted
pages, robots.txt, favicon.ico, meta description and Open Graph, and valid machine-readable
attributes (`<time datetime>`, `data-hx-*`) on every page kind."""

import re
from datetime import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.portal.factories import (
    ContentPageFactory,
    EventPageFactory,
    UserFactory,
    paragraphs,
    translate,
)

from .factories import in_every_language, make_process, make_proposal

pytestmark = pytest.mark.django_db


def alternates(body):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', body))


def canonical(body):
    return re.search(r'<link rel="canonical" href="([^"]+)"', body).group(1)


@pytest.fixture
def process_en(db):
    """A running process translated into English (and untranslated aliases elsewhere), with
    one published proposal."""
    process = in_every_language(make_process(slug="lindenplatz"))
    translate(process, "en", {"Verfahren during": "Procedure during"})
    proposal = make_proposal(process, UserFactory(), title="Straßenfest im Sommer")
    return process, proposal


def test_hreflang_points_to_the_same_sub_page_reciprocally(client, process_en):
    _process, proposal = process_en
    sub = f"lindenplatz/vorschlaege/{proposal.pk}/"
    german = alternates(client.get(f"/de/{sub}").content.decode())
    english = alternates(client.get(f"/en/{sub}").content.decode())
    expected = {
        "de": f"http://testserver/de/{sub}",
        "en": f"http://testserver/en/{sub}",
        "x-default": f"http://testserver/de/{sub}",
    }
    assert german == expected
    assert english == expected  # reciprocal: each version names the other and itself
    # An untranslated copy (alias) is no alternate, though it exists.
    assert client.get(f"/tr/{sub}").status_code == 200
    assert "tr" not in german


def test_canonical_is_the_sub_page_and_an_alias_names_the_german_original(client, process_en):
    _process, proposal = process_en
    sub = f"lindenplatz/vorschlaege/{proposal.pk}/"
    body = client.get(f"/de/{sub}?sort=neu").content.decode()
    assert canonical(body) == f"http://testserver/de/{sub}"
    assert canonical(client.get(f"/en/{sub}").content.decode()) == f"http://testserver/en/{sub}"
    assert canonical(client.get(f"/tr/{sub}").content.decode()) == f"http://testserver/de/{sub}"


@pytest.mark.parametrize(
    "sub",
    ["vorschlaege/{pk}/", "vorschlaege/neu/", "ergebnisse/", "abstimmen/", "?feld=x&seite=2"],
)
def test_language_switcher_keeps_the_sub_page_and_its_query(client, process_en, sub):
    _process, proposal = process_en
    user = UserFactory()
    client.force_login(user)
    sub = sub.format(pk=proposal.pk)
    response = client.get(f"/de/lindenplatz/{sub}")
    body = response.content.decode()
    switcher = body[body.index('class="language-switcher"') :]
    for code in ("en", "tr", "ar"):
        assert f'href="/{code}/lindenplatz/{sub.replace("&", "&amp;")}"' in switcher, code


def test_proposal_page_is_shared_with_its_own_title_and_text(client, process_en):
    _process, proposal = process_en
    body = client.get(f"/de/lindenplatz/vorschlaege/{proposal.pk}/").content.decode()
    assert '<meta property="og:title" content="Straßenfest im Sommer">' in body
    assert '<meta name="description" content="Am Lindenplatz fehlen Bänke.">' in body
    assert '<meta property="og:locale" content="de_DE">' in body
    english = client.get(f"/en/lindenplatz/vorschlaege/{proposal.pk}/").content.decode()
    assert '<meta property="og:locale" content="en_GB">' in english


def test_meta_description_falls_back_to_the_intro(client):
    ContentPageFactory(title="Über uns", slug="ueber-uns", intro="Wer wir sind.")
    body = client.get("/de/ueber-uns/").content.decode()
    assert '<meta name="description" content="Wer wir sind.">' in body
    assert '<meta property="og:description" content="Wer wir sind.">' in body
    assert '<meta property="og:url" content="http://testserver/de/ueber-uns/">' in body


def test_sitemap_lists_translations_as_alternates_and_no_restricted_page(client):
    public = ContentPageFactory(title="Offen", slug="offen", body=paragraphs("Für alle."))
    translate(public, "en", {"Offen": "Open"})
    secret = ContentPageFactory(title="Geheim", slug="geheim")
    translate(secret, "en", {"Geheim": "Secret"})
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Nur intern"))
    body = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", body)
    assert "/de/offen/" in locations
    assert "/en/offen/" in locations
    links = re.findall(
        r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="https?://[^/]+([^"]+)"/>', body
    )
    for pair in [("de", "/de/offen/"), ("en", "/en/offen/"), ("x-default", "/de/offen/")]:
        assert links.count(pair) == 2  # under the German and the English address
    assert "geheim" not in body
    assert "/tr/offen/" not in body  # an alias is no page of its own


def test_robots_txt_keeps_crawlers_out_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    for path in ["/admin/", "/de/accounts/", "/ar/accounts/", "/de/suche/", "/en/suche/"]:
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_keeps_the_intranet_out(client):
    from intranet.models import IntranetIndexPage
    from tests.portal.factories import german_home

    intranet = IntranetIndexPage(title="Intranet", slug="intranet")
    german_home().add_child(instance=intranet)
    assert "Disallow: /de/intranet/" in client.get("/robots.txt").content.decode()


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith(".svg")


def test_machine_readable_attributes_are_valid_on_every_page_kind(client, process_en):
    """`<time datetime>` without microseconds (and parseable), htmx only as data-hx-*."""
    process, proposal = process_en
    from participation.models import Comment

    Comment.objects.create(proposal=proposal, author=UserFactory(), text="Gute Idee")
    EventPageFactory(title="Sommerfest", slug="sommerfest")
    user = UserFactory()
    client.force_login(user)
    pages = [
        "/de/",
        "/de/lindenplatz/",
        f"/de/lindenplatz/vorschlaege/{proposal.pk}/",
        "/de/sommerfest/",
    ]
    seen_time = 0
    for url in pages:
        body = client.get(url).content.decode()
        for value in re.findall(r'<time[^>]*\sdatetime="([^"]*)"', body):
            seen_time += 1
            assert "." not in value, (url, value)
            datetime.fromisoformat(value)
        assert not re.search(r"\shx-[a-z]", body), url
    assert seen_time >= 4


@pytest.mark.parametrize("query", ['"Straßenfest', "Straßen\"fest'", "(((", "AND OR NOT", "*"])
def test_search_with_unbalanced_quotes_or_operators_never_errors(client, process_en, query):
    response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200


def test_search_with_a_nul_byte_is_refused_with_an_explanation(client):
    response = client.get("/de/suche/?q=Stra%00fest")
    assert response.status_code == 400
