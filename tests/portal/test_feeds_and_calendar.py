import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from portal.events.models import EventPage

from .factories import EventPageFactory, NewsArticlePageFactory, translate

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
NEWS_COUNT = 4


@pytest.fixture(scope="module")
def news(module_db):
    """Four news items; the latest is translated into English."""
    today = timezone.localdate()
    articles = [
        NewsArticlePageFactory(
            title=f"Meldung vom Hof {number}", date=today - timedelta(days=number)
        )
        for number in range(NEWS_COUNT)
    ]
    translate(articles[0], "en", {articles[0].title: "News from the yard"})
    return articles


@pytest.fixture(scope="module")
def events(module_db):
    """Three upcoming events, two of the last 90 days and one older one."""
    return [
        EventPageFactory(days=days, address="Weidenweg 14") for days in (2, 9, 30, -10, -60, -120)
    ]


@pytest.mark.parametrize("lang", ["de", "en", "ar"])
def test_rss_feed_per_language(client, news, lang):
    response = client.get(f"/{lang}/neuigkeiten/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == lang
    items = channel.findall("item")
    assert len(items) == NEWS_COUNT
    assert all(
        item.findtext("link").startswith(f"http://testserver/{lang}/neuigkeiten/") for item in items
    )


def test_english_feed_has_english_titles(client, news):
    german = ET.fromstring(client.get("/de/neuigkeiten/feed/rss/").content)
    english = ET.fromstring(client.get("/en/neuigkeiten/feed/rss/").content)
    assert german.find("channel/item/title").text != english.find("channel/item/title").text


def test_atom_feed(client, news):
    response = client.get("/de/neuigkeiten/feed/atom/")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == NEWS_COUNT
    assert entries[0].find(f"{ATOM}updated").text


def test_event_icalendar_file(client, events):
    event = EventPage.objects.filter(locale__language_code="de").first()
    response = client.get(event.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent.decoded("DTSTART") == event.start
    assert vevent.decoded("DTEND") == event.end
    assert event.place_name in str(vevent["LOCATION"])
    assert str(vevent["URL"]) == f"http://testserver{event.url}"


def test_calendar_feed_has_upcoming_and_recent_events(client, events):
    response = client.get("/de/termine/kalender/")
    calendar = Calendar.from_ical(response.content)
    found = calendar.walk("VEVENT")
    since = timezone.now() - timezone.timedelta(days=90)
    expected = EventPage.objects.filter(locale__language_code="de", start__gte=since).count()
    assert len(found) == expected == len(events) - 1
    assert len({str(e["UID"]) for e in found}) == len(found)


def test_calendar_feed_is_cached_until_an_event_is_published(client, events):
    client.get("/de/termine/kalender/")
    event = EventPage.objects.filter(locale__language_code="de").first()
    event.title = "Geänderter Termin"
    event.save_revision().publish()
    body = client.get("/de/termine/kalender/").content.decode()
    assert "Geänderter Termin" in body
