"""A meeting as iCalendar (RFC 5545): attached to invitations and offered for download."""

from django.conf import settings
from icalendar import Calendar, Event, vText


def meeting_calendar(meeting, url):
    calendar = Calendar()
    calendar.add("prodid", "-//Quartier//Intranet//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    entry = Event()
    entry.add("uid", f"meeting-{meeting.pk}@quartier")
    entry.add("summary", f"{meeting.workspace.title}: {meeting.title}")
    entry.add("dtstart", meeting.starts_at)
    entry.add("dtend", meeting.ends_at)
    entry.add("dtstamp", meeting.updated_at or meeting.starts_at)
    if meeting.place:
        entry["location"] = vText(meeting.place)
    agenda = "\n".join(f"TOP {item.position}: {item.title}" for item in meeting.items.all())
    description = "\n\n".join(part for part in [agenda, meeting.online_link, url] if part)
    if description:
        entry.add("description", description)
    entry.add("url", url)
    if meeting.state == meeting.State.CANCELLED:
        entry.add("status", "CANCELLED")
    calendar.add_component(entry)
    return calendar.to_ical().decode()
