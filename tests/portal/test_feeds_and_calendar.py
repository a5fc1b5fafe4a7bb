import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from icalendar import Calendar

from portal.events.models import EventPage

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("lang", ["de", "en", "ar"])
def test_rss_feed_per_language(client, lang):
    response = client.get(f"/{lang}/neuigkeiten/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == lang
    items = channel.findall("item")
    assert len(items) == 12
    assert all(
        item.findtext("link").startswith(f"http://testserver/{lang}/neuigkeiten/") for item in items
    )


def test_english_feed_has_english_titles(client):
    german = ET.fromstring(client.get("/de/neuigkeiten/feed/rss/").content)
    english = ET.fromstring(client.get("/en/neuigkeiten/feed/rss/").content)
    assert german.find("channel/item/title").text != english.find("channel/item/title").text


def test_atom_feed(client):
    response = client.get("/de/neuigkeiten/feed/atom/")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 12
    assert entries[0].find(f"{ATOM}updated").text


def test_event_icalendar_file(client):
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


def test_calendar_feed_has_upcoming_and_recent_events(client):
    response = client.get("/de/termine/kalender/")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    since = timezone.now() - timezone.timedelta(days=90)
    expected = EventPage.objects.filter(locale__language_code="de", start__gte=since).count()
    assert len(events) == expected > 6
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_calendar_feed_is_cached_until_an_event_is_published(client):
    client.get("/de/termine/kalender/")
    event = EventPage.objects.filter(locale__language_code="de").first()
    event.title = "Geänderter Termin"
    event.save_revision().publish()
    body = client.get("/de/termine/kalender/").content.decode()
    assert "Geänderter Termin" in body
