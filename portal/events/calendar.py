"""iCalendar (RFC 5545) files for one event or a subscribable feed of many."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar, Event, vText

DEFAULT_DURATION = timedelta(hours=2)


@dataclass(frozen=True)
class OtherDate:
    """A public date an app keeps itself (not an event page): a body's public meeting."""

    uid: str
    title: str
    start: datetime
    end: datetime
    place: str
    url: str  # the page's path on this site
    modified: datetime


def build_calendar(request, events, name, others=()):
    calendar = Calendar()
    calendar.add("prodid", "-//Quartier//Stadtteilportal//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        entry = Event()
        entry.add("uid", f"{event.translation_key}-{event.locale.language_code}@quartier")
        entry.add("summary", event.title)
        entry.add("dtstart", event.start)
        entry.add("dtend", event.end or event.start + DEFAULT_DURATION)
        entry.add("dtstamp", event.last_published_at or event.start)
        location = ", ".join(part for part in [event.place_name, event.address] if part)
        if location:
            entry["location"] = vText(location)
        description = "\n\n".join(part for part in [event.intro, event.registration_note] if part)
        if description:
            entry.add("description", description)
        entry.add("url", request.build_absolute_uri(event.get_url(request)))
        calendar.add_component(entry)
    for date in others:
        entry = Event()
        entry.add("uid", date.uid)
        entry.add("summary", date.title)
        entry.add("dtstart", date.start)
        entry.add("dtend", date.end)
        entry.add("dtstamp", date.modified)
        if date.place:
            entry["location"] = vText(date.place)
        entry.add("url", request.build_absolute_uri(date.url))
        calendar.add_component(entry)
    return calendar


def calendar_file(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def calendar_response(request, events, filename, name):
    return calendar_file(build_calendar(request, events, name).to_ical(), filename)
