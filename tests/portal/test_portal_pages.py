"""Every page type renders, in German and Arabic, with its filters and sub-URLs."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from portal.events.models import EventPage
from portal.news.models import NewsArticlePage

from .factories import (
    EventPageFactory,
    FieldOfActionFactory,
    NewsArticlePageFactory,
    NewspaperIssueFactory,
    OfficeSettingsFactory,
    OrganisationPageFactory,
    ProjectPageFactory,
    german_home,
    locale,
    running_process,
)

pytestmark = pytest.mark.django_db

INDEX_PATHS = ["/{lang}/neuigkeiten/", "/{lang}/termine/", "/{lang}/akteure/", "/{lang}/projekte/"]


@pytest.fixture(scope="module")
def fields(module_db):
    housing = FieldOfActionFactory(name="Wohnen", translations={"ar": "السكن", "en": "Housing"})
    green = FieldOfActionFactory(name="Grün und Umwelt", translations={"en": "Green spaces"})
    return {"housing": housing, "green": green}


@pytest.fixture(scope="module")
def neighbourhood(fields):
    """Four news items over two years, four upcoming and two past events, three
    organisations of two types and three projects, in four index pages."""
    housing, green = fields["housing"], fields["green"]
    today = timezone.localdate()
    news = [
        NewsArticlePageFactory(title="Neuer Spielplatz", date=today, fields_of_action=[housing]),
        NewsArticlePageFactory(date=today - timedelta(days=3), fields_of_action=[green]),
        NewsArticlePageFactory(date=today - timedelta(days=9), fields_of_action=[housing, green]),
        NewsArticlePageFactory(date=date(today.year - 1, 6, 1), fields_of_action=[green]),
    ]
    upcoming = [EventPageFactory(days=days, fields_of_action=[housing]) for days in (40, 3, 10, 70)]
    past = [EventPageFactory(days=days) for days in (-5, -30)]
    organisations = [
        OrganisationPageFactory(
            title="Nachbarschaftsverein Lindenhof", organisation_type="association"
        ),
        OrganisationPageFactory(title="Familienzentrum Mühlbach", organisation_type="social"),
        OrganisationPageFactory(title="Sportverein Auenstadt", organisation_type="association"),
    ]
    projects = [
        ProjectPageFactory(title="Grüner Hof", status="running"),
        ProjectPageFactory(title="Lesepaten", status="completed"),
        ProjectPageFactory(title="Neue Bänke", status="planned"),
    ]
    return {
        "news": news,
        "upcoming": upcoming,
        "past": past,
        "organisations": organisations,
        "projects": projects,
    }


def first_child_url(model, lang="de"):
    page = model.objects.live().filter(locale__language_code=lang).first()
    return page.url


@pytest.mark.parametrize("lang", ["de", "ar", "en"])
@pytest.mark.parametrize("path", INDEX_PATHS)
def test_index_pages_render(client, neighbourhood, lang, path):
    response = client.get(path.format(lang=lang))
    assert response.status_code == 200
    assert 'result-count"' in response.content.decode()


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_detail_pages_render(client, neighbourhood, lang):
    from portal.directory.models import OrganisationPage
    from portal.projects.models import ProjectPage

    for model in (NewsArticlePage, EventPage, OrganisationPage, ProjectPage):
        url = first_child_url(model, lang)
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<h1" in response.content.decode()


def test_news_filters_by_field_and_year(client, neighbourhood):
    all_news = client.get("/de/neuigkeiten/").context["articles"].paginator.count
    assert all_news == len(neighbourhood["news"])
    article = neighbourhood["news"][0]
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
        < all_news
    )


def test_news_index_offers_printed_issues_for_download(client, neighbourhood):
    issue = NewspaperIssueFactory(title="Stadtteilzeitung, Ausgabe 2/2026")
    body = client.get("/de/neuigkeiten/").content.decode()
    assert f'href="{issue.document.url}">Stadtteilzeitung, Ausgabe 2/2026</a>' in body
    assert "PDF)</span>" in body


@pytest.mark.parametrize("query", ["?feld=gibt-es-nicht", "?jahr=abc", "?seite=999", "?seite=-1"])
def test_bad_filter_values_are_ignored_not_errors(client, neighbourhood, query):
    assert client.get("/de/neuigkeiten/" + query).status_code == 200
    assert client.get("/de/termine/" + query.replace("jahr", "monat")).status_code == 200


def test_events_upcoming_and_past(client, neighbourhood):
    now = timezone.now()
    upcoming = client.get("/de/termine/").context["events"]
    past = client.get("/de/termine/?zeit=vergangen").context["events"]
    assert upcoming.paginator.count == len(neighbourhood["upcoming"])
    assert past.paginator.count == len(neighbourhood["past"])
    assert all((e.end or e.start) >= now for e in upcoming)
    starts = [e.start for e in upcoming]
    assert starts == sorted(starts)


def test_events_filter_by_month(client, neighbourhood):
    event = neighbourhood["upcoming"][0]
    month = timezone.localtime(event.start).strftime("%Y-%m")
    events = client.get(f"/de/termine/?monat={month}").context["events"]
    assert event.pk in [e.pk for e in events]
    assert all(timezone.localtime(e.start).strftime("%Y-%m") == month for e in events)
    assert len(events) < len(neighbourhood["upcoming"])


def test_organisation_directory_filters_and_search(client, neighbourhood):
    response = client.get("/de/akteure/")
    assert response.context["organisations"].paginator.count == len(neighbourhood["organisations"])
    first = response.context["organisations"][0]
    by_type = client.get(f"/de/akteure/?art={first.organisation_type}").context["organisations"]
    assert all(o.organisation_type == first.organisation_type for o in by_type)
    assert first.pk in [o.pk for o in by_type]
    word = first.title.split()[0]
    found = client.get("/de/akteure/", {"q": word}).context["organisations"]
    assert first.pk in [o.pk for o in found]
    assert (
        client.get("/de/akteure/", {"q": "xyzzy-nichts"}).context["organisations"].paginator.count
        == 0
    )


def test_projects_filter_by_status(client, neighbourhood):
    completed = [p for p in neighbourhood["projects"] if p.status == "completed"]
    projects = client.get("/de/projekte/?status=completed").context["projects"]
    assert all(p.status == "completed" for p in projects)
    assert [p.pk for p in projects] == [p.pk for p in completed]


def test_fields_of_action_are_shown_in_the_visitors_language(client, neighbourhood):
    from portal.taxonomy.models import FieldOfAction

    article = neighbourhood["news"][0].get_translation(locale("ar"))
    field = article.fields_of_action.first()
    arabic = FieldOfAction.objects.get(
        translation_key=field.translation_key, locale__language_code="ar"
    )
    assert arabic.name != field.name
    assert arabic.name in client.get(article.url).content.decode()


def test_breadcrumbs_on_detail_pages(client, neighbourhood):
    url = first_child_url(NewsArticlePage)
    body = client.get(url).content.decode()
    assert 'class="breadcrumbs"' in body
    assert 'href="/de/neuigkeiten/"' in body


def test_home_shows_news_events_contact_and_easy_language(client, neighbourhood):
    home = german_home()
    home.easy_language_text = "<p>Das ist die Seite vom Stadtteil-Büro.</p>"
    home.save_revision().publish()
    OfficeSettingsFactory(street="Weidenweg 14", postcode="99999", city="Auenstadt")
    running_process("Ideen für den Lindenplatz")
    response = client.get("/de/")
    body = response.content.decode()
    assert len(response.context["latest_news"]) == 3 < len(neighbourhood["news"])
    assert len(response.context["next_events"]) == 3 < len(neighbourhood["upcoming"])
    assert 'lang="de-x-ls"' in body
    assert 'href="/de-ls/"' in body
    assert "Weidenweg 14" in body
    assert "Ideen für den Lindenplatz" in body  # the current participation process
