import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from portal.models import ContentPage, HomePage
from tests.markers import requires_postgres

from .factories import ContentPageFactory, translate

pytestmark = pytest.mark.django_db


def add_page(parent, title, text):
    page = ContentPage(title=title, slug=title.lower().replace(" ", "-"), intro=text)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_search_finds_highlights_and_counts(client):
    home = HomePage.objects.get(locale__language_code="de")
    add_page(home, "Sperrmüll Aktion", "Der Sperrmülltag im Quartier findet im Mai statt.")
    response = client.get("/de/suche/", {"q": "Sperrmülltag"})
    body = response.content.decode()
    assert response.context["results"].paginator.count == 1
    assert "<mark>Sperrmülltag</mark>" in body
    assert "1 Ergebnis" in body


def test_search_never_returns_private_pages(client, people):
    home = HomePage.objects.get(locale__language_code="de")
    secret = add_page(home, "Intern Protokoll", "Geheimwort Zitronenfalter in der Sitzung.")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    group_only = add_page(home, "Gremium", "Zitronenfalter auch hier.")
    restriction = PageViewRestriction.objects.create(page=group_only, restriction_type="groups")
    restriction.groups.add(Group.objects.get(name="Leitung"))
    for user in (None, people["resident"]):
        if user:
            client.force_login(user)
        response = client.get("/de/suche/", {"q": "Zitronenfalter"})
        assert response.context["results"].paginator.count == 0
        body = response.content.decode()
        assert "Intern Protokoll" not in body
        assert secret.url not in body and group_only.url not in body


def test_search_stays_in_the_visitors_language(client):
    page = ContentPageFactory(title="Sprechzeiten", intro="Das Stadtteilbüro ist montags offen.")
    translate(
        page, "en", {"Das Stadtteilbüro ist montags offen.": "The Stadtteilbüro opens on Mondays."}
    )
    german = client.get("/de/suche/", {"q": "Stadtteilbüro"}).context["results"]
    english = client.get("/en/suche/", {"q": "Stadtteilbüro"}).context["results"]
    assert all(hit["page"].locale.language_code == "de" for hit in german.hits)
    assert all(hit["page"].locale.language_code == "en" for hit in english.hits)
    assert german.hits and english.hits


def test_search_escapes_input(client):
    response = client.get("/de/suche/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_empty_and_overlong_queries(client):
    assert client.get("/de/suche/").context["results"] is None
    response = client.get("/de/suche/", {"q": "a" * 5000})
    assert response.status_code == 200
    assert len(response.context["query"]) == 200


def test_unpublished_pages_are_not_found(client):
    home = HomePage.objects.get(locale__language_code="de")
    page = add_page(home, "Entwurf", "Kartoffelfest geplant")
    page.unpublish()
    assert Page.objects.filter(pk=page.pk, live=False).exists()
    assert client.get("/de/suche/", {"q": "Kartoffelfest"}).context["results"].paginator.count == 0


@pytest.mark.postgres
@requires_postgres
def test_german_stemming_on_postgresql(client):
    home = HomePage.objects.get(locale__language_code="de")
    # The plural with umlaut ("Spielplätze") is found by its singular; PostgreSQL's German
    # stemmer does not join every inflection ("eröffnet" and "eröffnen" stay apart).
    add_page(home, "Neues im Quartier", "Im Frühjahr eröffnen die neuen Spielplätze am Mühlbach.")
    response = client.get("/de/suche/", {"q": "Spielplatz eröffnen"})
    assert response.context["results"].paginator.count == 1
