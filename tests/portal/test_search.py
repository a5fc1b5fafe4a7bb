import pytest
from django.contrib.auth.models import Group
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
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
    assert all(hit.language == "de" for hit in german.hits)
    assert all(hit.language == "en" for hit in english.hits)
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


def fts_or_skip():
    """Word forms need the full-text backend (PostgreSQL, or SQLite with FTS5)."""
    from wagtail.search.backends import get_search_backend

    name = type(get_search_backend()).__name__
    if name not in ("SQLiteSearchBackend", "PostgresSearchBackend"):
        pytest.skip(f"no full-text search backend here ({name}): SQLite was built without FTS5")


def count_of(client, query, language="de"):
    response = client.get(f"/{language}/suche/", {"q": query})
    assert response.status_code == 200
    return response.context["results"].paginator.count


def test_sqlite_runs_the_full_text_backend_when_it_has_fts5():
    import sqlite3

    from django.db import connection
    from wagtail.search.backends import get_search_backend

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no FTS5: Wagtail falls back to its plain database search")
    assert type(get_search_backend()).__name__ == "SQLiteSearchBackend"


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Das Straßenfest am Mühlbach", "Strassenfest"),
        ("Das Strassenfest am Muehlbach", "Straßenfest"),
        ("Das Straßenfest am Mühlbach", "Muehlbach"),
        ("Der Ablauf des Festes", "Fest"),
        ("Ein Fest für alle", "Festes"),
        ("Drei Vorschläge für den Platz", "Vorschlag"),
        ("Ein Vorschlag für den Platz", "Vorschläge"),
        ("Neue Bänke am Lindenplatz", "Bank"),
        ("Eine Bank am Lindenplatz", "Bänke"),
    ],
)
def test_folding_and_german_word_forms(client, text, query):
    fts_or_skip()
    home = HomePage.objects.get(locale__language_code="de")
    add_page(home, "Aus dem Quartier", text)
    add_page(home, "Anderes", "Sprechzeiten des Stadtteilbüros")
    assert count_of(client, query) == 1


def test_other_word_forms_are_highlighted(client):
    fts_or_skip()
    home = HomePage.objects.get(locale__language_code="de")
    add_page(home, "Sommer", "Das Straßenfest & der Lindenplatz.")
    body = client.get("/de/suche/", {"q": "Strassenfeste Lindenplätze"}).content.decode()
    assert "<mark>Straßenfest</mark> &amp; der <mark>Lindenplatz</mark>." in body


def test_english_word_forms_on_english_pages(client):
    fts_or_skip()
    page = ContentPageFactory(title="Sitzbänke", intro="Neue Bänke am Platz.")
    translate(page, "en", {"Neue Bänke am Platz.": "New benches planned for the square."})
    assert count_of(client, "bench planning", "en") == 1
    assert count_of(client, "Bank", "de") == 1


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'Fest"',
        '"Fest',
        "Fest\x00",
        "\x00",
        "!!!",
        "*",
        "AND OR NOT",
        "(",
        "NEAR(a b)",
        "a:b",
        "-Fest",
        "^Fest",
        "'",
        "Fest's",
        "x" * 300,
        "ä" * 199 + "\u0301",
    ],
)
def test_odd_queries_never_fail(client, query):
    response = client.get("/de/suche/", {"q": query})
    if "\x00" in query:
        # A NUL byte in the address is refused by the middleware with a clear 400 page.
        assert response.status_code == 400
        return
    assert response.status_code == 200
    assert "query" in response.context


def test_only_punctuation_finds_nothing_and_says_so(client):
    response = client.get("/de/suche/", {"q": "?!… ---"})
    assert response.status_code == 200
    assert response.context["results"].paginator.count == 0
    assert "0 Ergebnisse" in response.content.decode()


def test_results_are_paginated_and_keep_the_query(client):
    home = HomePage.objects.get(locale__language_code="de")
    for number in range(13):
        add_page(home, f"Flohmarkt {number}", "Der Flohmarkt im Hof.")
    first = client.get("/de/suche/", {"q": "Flohmarkt"})
    assert first.context["results"].paginator.count == 13
    assert len(first.context["results"].hits) == 10
    body = first.content.decode()
    assert 'value="Flohmarkt"' in body
    assert "13 Ergebnisse" in body
    second = client.get("/de/suche/", {"q": "Flohmarkt", "seite": "2"})
    assert len(second.context["results"].hits) == 3
    assert client.get("/de/suche/", {"q": "Flohmarkt", "seite": "x"}).status_code == 200


def test_query_count_does_not_grow_with_hits(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    home = HomePage.objects.get(locale__language_code="de")

    def queries():
        client.get("/de/suche/", {"q": "Kiezputz"})  # warm caches (site root paths)
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/de/suche/", {"q": "Kiezputz"})
        return len(captured), response.context["results"].paginator.count

    for number in range(2):
        add_page(home, f"Kiezputz {number}", "Kiezputz im Frühjahr.")
    few, found = queries()
    assert found == 2
    for number in range(2, 14):
        add_page(home, f"Kiezputz {number}", "Kiezputz im Frühjahr.")
    many, found = queries()
    assert found == 14
    assert many == few


QUERY_ALPHABET = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list("\"'“”„«»*^:()[]{}+-~\\%_&|!?.,;") + ["AND", "OR", "NOT", "NEAR"]),
)


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.lists(QUERY_ALPHABET, max_size=80).map("".join),
    language=st.sampled_from(["de", "en", "ar"]),
)
def test_any_query_never_fails(client, query, language):
    """Unbalanced quotes, search syntax, control characters, any script: a results page (or
    the clear 400 page for a NUL byte in the address), never a server error."""
    response = client.get(f"/{language}/suche/", {"q": query})
    assert response.status_code in (200, 400)
    if response.status_code == 200 and response.context["results"] is not None:
        assert response.context["results"].paginator.count >= 0
