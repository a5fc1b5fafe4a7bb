"""Every page type renders, in German and Arabic, with its filters and sub-URLs."""

import pytest
from django.utils import timezone

from portal.events.models import EventPage
from portal.news.models import NewsArticlePage

pytestmark = pytest.mark.django_db

INDEX_PATHS = ["/{lang}/neuigkeiten/", "/{lang}/termine/", "/{lang}/akteure/", "/{lang}/projekte/"]


def first_child_url(model, lang="de"):
    page = model.objects.live().filter(locale__language_code=lang).first()
    return page.url


@pytest.mark.parametrize("lang", ["de", "ar", "en"])
@pytest.mark.parametrize("path", INDEX_PATHS)
def test_index_pages_render(client, lang, path):
    response = client.get(path.format(lang=lang))
    assert response.status_code == 200
    assert 'result-count"' in response.content.decode()


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_detail_pages_render(client, lang):
    from portal.directory.models import OrganisationPage
    from portal.projects.models import ProjectPage

    for model in (NewsArticlePage, EventPage, OrganisationPage, ProjectPage):
        url = first_child_url(model, lang)
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<h1" in response.content.decode()


def test_news_filters_by_field_and_year(client):
    all_news = client.get("/de/neuigkeiten/").context["articles"].paginator.count
    assert all_news == 12
    article = NewsArticlePage.objects.filter(locale__language_code="de").first()
    slug = article.fields_of_action.first().slug
    filtered = client.get(f"/de/neuigkeiten/?feld={slug}").context["articles"].paginator.count
    expected = NewsArticlePage.objects.filter(
        locale__language_code="de", fields_of_action__slug=slug
    ).distinct()
    assert filtered == expected.count() < all_news
    year = article.date.year
    by_year = client.get(f"/de/neuigkeiten/?jahr={year}").context["articles"].paginator.count
    assert (
        by_year
        == NewsArticlePage.objects.filter(locale__language_code="de", date__year=year).count()
    )


@pytest.mark.parametrize("query", ["?feld=gibt-es-nicht", "?jahr=abc", "?seite=999", "?seite=-1"])
def test_bad_filter_values_are_ignored_not_errors(client, query):
    assert client.get("/de/neuigkeiten/" + query).status_code == 200
    assert client.get("/de/termine/" + query.replace("jahr", "monat")).status_code == 200


def test_events_upcoming_and_past(client):
    now = timezone.now()
    upcoming = client.get("/de/termine/").context["events"]
    past = client.get("/de/termine/?zeit=vergangen").context["events"]
    assert upcoming.paginator.count == 6
    assert past.paginator.count == 4
    assert all((e.end or e.start) >= now for e in upcoming)
    starts = [e.start for e in upcoming]
    assert starts == sorted(starts)


def test_events_filter_by_month(client):
    event = EventPage.objects.filter(locale__language_code="de", start__gte=timezone.now()).first()
    month = timezone.localtime(event.start).strftime("%Y-%m")
    events = client.get(f"/de/termine/?monat={month}").context["events"]
    assert event.pk in [e.pk for e in events]
    assert all(timezone.localtime(e.start).strftime("%Y-%m") == month for e in events)


def test_organisation_directory_filters_and_search(client):
    response = client.get("/de/akteure/")
    assert response.context["organisations"].paginator.count == 8
    first = response.context["organisations"][0]
    by_type = client.get(f"/de/akteure/?art={first.organisation_type}").context["organisations"]
    assert all(o.organisation_type == first.organisation_type for o in by_type)
    word = first.title.split()[0]
    found = client.get("/de/akteure/", {"q": word}).context["organisations"]
    assert first.pk in [o.pk for o in found]
    assert (
        client.get("/de/akteure/", {"q": "xyzzy-nichts"}).context["organisations"].paginator.count
        == 0
    )


def test_projects_filter_by_status(client):
    projects = client.get("/de/projekte/?status=completed").context["projects"]
    assert all(p.status == "completed" for p in projects)


def test_fields_of_action_are_shown_in_the_visitors_language(client):
    from portal.taxonomy.models import FieldOfAction

    article = NewsArticlePage.objects.filter(locale__language_code="ar").first()
    field = article.fields_of_action.first()
    arabic = FieldOfAction.objects.get(
        translation_key=field.translation_key, locale__language_code="ar"
    )
    assert arabic.name != field.name
    assert arabic.name in client.get(article.url).content.decode()


def test_breadcrumbs_on_detail_pages(client):
    url = first_child_url(NewsArticlePage)
    body = client.get(url).content.decode()
    assert 'class="breadcrumbs"' in body
    assert 'href="/de/neuigkeiten/"' in body


def test_home_shows_news_events_contact_and_easy_language(client):
    response = client.get("/de/")
    body = response.content.decode()
    assert len(response.context["latest_news"]) == 3
    assert len(response.context["next_events"]) == 3
    assert 'lang="de-x-ls"' in body
    assert 'href="/de-ls/"' in body
    assert "Weidenweg 14" in body
    assert "Ideen für den Lindenplatz" in body  # the current participation process
