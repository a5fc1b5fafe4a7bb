"""The home page costs the same number of queries with 5 or 500 news items and events."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.events.models import EventIndexPage, EventPage
from portal.news.models import NewsArticlePage, NewsIndexPage

from .factories import small_site

pytestmark = pytest.mark.django_db
HOME_BUDGET = 26


def grow_to(total):
    news_index = NewsIndexPage.objects.get(locale__language_code="de")
    events_index = EventIndexPage.objects.get(locale__language_code="de")
    start = timezone.now() + timezone.timedelta(days=1)
    for number in range(NewsArticlePage.objects.child_of(news_index).count(), total):
        news_index.add_child(
            instance=NewsArticlePage(title=f"Meldung {number}", slug=f"m-{number}")
        )
    for number in range(EventPage.objects.child_of(events_index).count(), total):
        events_index.add_child(
            instance=EventPage(
                title=f"Termin {number}",
                slug=f"t-{number}",
                start=start + timezone.timedelta(hours=number),
                place_name="Stadtteilbüro",
            )
        )


def queries(client, path="/de/"):
    client.get(path)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_home_query_count_is_constant(client):
    small_site()
    paths = ["/de/", "/de/neuigkeiten/", "/de/termine/"]
    small = {path: queries(client, path) for path in paths}
    grow_to(500)
    assert NewsArticlePage.objects.filter(locale__language_code="de").count() >= 500
    large = {path: queries(client, path) for path in paths}
    assert small == large
    assert large["/de/"] <= HOME_BUDGET
