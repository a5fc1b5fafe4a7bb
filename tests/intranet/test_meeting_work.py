"""The work around a meeting: what happens at the table is recorded only once it began,
conflicts announced at the table, minutes back to the draft, public meetings only in
public, members told about changes, and the short-notice warning."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import Page

from core.refusals import NotAllowed, Refused
from intranet import rules
from intranet.forms import AgendaItemForm
from intranet.models import Activity, Attendance, ConflictOfInterest, MinutesComment
from intranet.services import attendance, meetings, minutes
from tests.portal.factories import PASSWORD, UserFactory

from .factories import (
    add_member,
    intranet,
    make_meeting,
    office_editor,
    public_bodies,
    synchronise_language_trees,
    world,
)

pytestmark = pytest.mark.django_db


def _people_with_office_and_outsider(slug):
    workspace, people = world(slug)
    people["office"] = office_editor()
    people["outsider"] = add_member(world(f"{slug}-other")[0])
    return workspace, people


# role: (may record before the meeting, once it began)
PROCEEDINGS = {
    "office": (False, True),
    "chair": (False, True),
    "taker": (False, True),
    "m1": (False, False),
    "m2": (False, False),
    "m3": (False, False),
    "guest": (False, False),
    "outsider": (False, False),
}
CONFLICT_FOR_OTHERS = PROCEEDINGS
DECLARE_OWN = {
    "office": (False, False),  # the office has no vote
    "chair": (False, True),
    "taker": (False, True),
    "m1": (False, True),
    "m2": (False, True),
    "m3": (False, True),
    "guest": (False, False),
    "outsider": (False, False),
}


def test_table_rules_as_a_matrix():
    workspace, people = _people_with_office_and_outsider("table-matrix")
    future = make_meeting(workspace, people["chair"], days=2, title="Später")
    started = make_meeting(workspace, people["chair"], days=0, title="Läuft")
    for key, person in people.items():
        for index, meeting in enumerate((future, started)):
            item = meeting.items.first()
            assert bool(rules.can_record_proceedings(person, meeting)) is PROCEEDINGS[key][index]
            assert bool(rules.can_record_conflict(person, item)) is CONFLICT_FOR_OTHERS[key][index]
            assert bool(rules.can_declare_conflict(person, item)) is DECLARE_OWN[key][index]
    refusal = rules.can_record_proceedings(people["chair"], future)
    assert "ab Beginn der Sitzung" in refusal.reason and refusal.opens_at == future.starts_at
    meetings.cancel_meeting(meeting=future, user=people["chair"])
    future.refresh_from_db()
    assert (
        rules.can_record_proceedings(people["chair"], future).reason == "Die Sitzung ist abgesagt."
    )


def test_attendance_and_decisions_wait_for_the_meeting_to_begin():
    workspace, people = world("too-early")
    meeting = make_meeting(workspace, people["chair"], days=3)
    item = meeting.items.first()
    client = Client()
    client.force_login(people["taker"])
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "ab Beginn der Sitzung" in page
    assert 'name="guests"' not in page and "Beschluss zu TOP 1 speichern" not in page
    response = client.post(
        workspace.route_url("meeting_action", meeting.pk, "anwesenheit"),
        {f"a-{people['m1'].pk}": "present"},
    )
    assert response.status_code == 403
    assert "ab Beginn der Sitzung" in response.content.decode()
    assert not Attendance.objects.filter(meeting=meeting).exists()
    with pytest.raises(NotAllowed):
        minutes.record_decision(item=item, user=people["chair"], text="A", yes=1, no=0, abstain=0)
    with pytest.raises(NotAllowed):
        attendance.declare_conflict(item=item, user=people["m1"])
    meeting.starts_at = timezone.now() - timedelta(minutes=5)
    meeting.save()
    response = client.post(
        workspace.route_url("meeting_action", meeting.pk, "anwesenheit"),
        {f"a-{people['m1'].pk}": "present", "guests": "Frau Gast"},
    )
    assert response.status_code == 302
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Frau Gast</textarea>" in page and "Beschluss zu TOP 1 speichern" in page


def test_saved_guests_stay_when_the_attendance_is_saved_again():
    workspace, people = world("guests-again")
    meeting = make_meeting(workspace, people["chair"])
    client = Client()
    client.force_login(people["taker"])
    url = workspace.route_url("meeting_action", meeting.pk, "anwesenheit")
    client.post(url, {f"a-{people['m1'].pk}": "present", "guests": "Gast A\nGast B"})
    page = client.get(meeting.get_absolute_url()).content.decode()
    shown = page.split('name="guests" rows="3">')[1].split("</textarea>")[0]
    assert shown == "Gast A\nGast B" and "{{" not in page
    client.post(url, {f"a-{people['m1'].pk}": "excused", "guests": shown})
    assert sorted(
        Attendance.objects.filter(meeting=meeting, user__isnull=True).values_list(
            "guest_name", flat=True
        )
    ) == ["Gast A", "Gast B"]


def test_the_chair_records_a_conflict_announced_at_the_table_and_the_minutes_name_it():
    workspace, people = world("table-conflict")
    meeting = make_meeting(workspace, people["chair"])
    item = meeting.items.first()
    url = workspace.route_url("meeting_action", meeting.pk, "befangenheit-erfassen")
    member = Client()
    member.force_login(people["m1"])
    assert (
        member.post(
            url, {"item": item.pk, "member": people["m2"].pk, "conflicted": "1"}
        ).status_code
        == 403
    )
    chair = Client()
    chair.force_login(people["chair"])
    response = chair.post(url, {"item": item.pk, "member": people["guest"].pk, "conflicted": "1"})
    assert response.status_code == 400  # guests have no vote
    assert "stimmberechtigtes Mitglied" in response.content.decode()
    response = chair.post(url, {"item": item.pk, "member": people["m2"].pk, "conflicted": "1"})
    assert response.status_code == 302
    conflict = ConflictOfInterest.objects.get(item=item)
    assert conflict.user == people["m2"] and conflict.recorded_by == people["chair"]
    name = people["m2"].get_full_name() or people["m2"].email
    page = chair.get(meeting.get_absolute_url()).content.decode()
    assert "Befangenheit erklärt (nicht mitgestimmt)" in page and name in page
    assert f"Befangenheit von {name} zu TOP 1 streichen" in page
    assert attendance.item_quorum(item).conflicted == 1
    # Members see who declared once the minutes reach them, and so does the PDF.
    members_page = member.get(meeting.get_absolute_url()).content.decode()
    assert "1 Mitglied hat Befangenheit erklärt" in members_page and name not in members_page
    minutes.circulate_minutes(meeting=meeting, user=people["taker"])
    assert name in member.get(meeting.get_absolute_url()).content.decode()
    response = chair.get(workspace.route_url("meeting_action", meeting.pk, "protokoll-pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Befangenheit erklärt" in text and name in text.replace("\n", " ")


def test_a_conflict_taken_back_at_the_table():
    workspace, people = world("table-conflict-back")
    meeting = make_meeting(workspace, people["chair"])
    item = meeting.items.first()
    attendance.record_conflict(item=item, user=people["taker"], member=people["m1"])
    office = office_editor()
    attendance.record_conflict(item=item, user=office, member=people["m1"], conflicted=False)
    assert not ConflictOfInterest.objects.filter(item=item).exists()


def test_minutes_go_back_to_the_draft_with_the_comments_kept():
    workspace, people = world("reopen")
    meeting = make_meeting(workspace, people["chair"])
    minutes.circulate_minutes(meeting=meeting, user=people["taker"])
    minutes.comment_minutes(meeting=meeting, user=people["m1"], text="TOP 2: Name falsch.")
    with pytest.raises(NotAllowed):
        minutes.reopen_minutes(meeting=meeting, user=people["m1"])
    client = Client()
    client.force_login(people["taker"])
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Zurück in den Entwurf, um Anmerkungen einzuarbeiten" in page
    response = client.post(workspace.route_url("meeting_action", meeting.pk, "ueberarbeiten"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_state == "draft"
    assert MinutesComment.objects.filter(meeting=meeting).count() == 1
    assert Activity.objects.filter(
        workspace=workspace, text__startswith="Protokollentwurf wird"
    ).exists()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "TOP 2: Name falsch." in page
    minutes.write_item_minutes(item=meeting.items.last(), user=people["taker"], summary="Richtig.")
    minutes.circulate_minutes(meeting=meeting, user=people["taker"])
    minutes.approve_minutes(meeting=meeting, user=people["chair"], at_meeting=None)
    with pytest.raises(NotAllowed):  # approved minutes stay approved
        minutes.reopen_minutes(meeting=meeting, user=people["chair"])


def test_a_meeting_that_is_not_public_never_gets_a_public_version():
    public_bodies()
    workspace, people = world("closed-doors")
    workspace.show_public_page = True
    workspace.public_minutes = True
    workspace.save()
    closed = make_meeting(workspace, people["chair"], title="Hinter verschlossenen Türen")
    assert not closed.items.filter(public=True).exists()  # the items follow the meeting
    for item in closed.items.all():
        item.public_summary = "ohne Namen"
        item.save()
    minutes.circulate_minutes(meeting=closed, user=people["taker"])
    minutes.approve_minutes(meeting=closed, user=people["chair"], at_meeting=None)
    minutes.publish_minutes(meeting=closed, user=people["chair"])
    with pytest.raises(NotAllowed, match="nicht öffentlich"):
        minutes.publish_public_minutes(meeting=closed, user=people["chair"])
    # Even one published earlier (before this rule) stays off the public pages.
    closed.public_minutes_published = True
    closed.save()
    anonymous = Client()
    assert (
        "Hinter verschlossenen"
        not in anonymous.get(f"/de/gremien/{workspace.slug}/").content.decode()
    )
    assert anonymous.get(f"/de/gremien/{workspace.slug}/sitzungen/{closed.pk}/").status_code == 404
    assert not rules.can_view_public_minutes(closed)


def test_agenda_items_follow_the_meetings_public_flag_by_default():
    workspace, people = world("item-public")
    open_meeting = make_meeting(workspace, people["chair"], public=True, items=("A",))
    closed = make_meeting(workspace, people["chair"], items=("A",))
    assert open_meeting.items.get().public and not closed.items.get().public
    own = meetings.add_item(
        meeting=open_meeting, user=people["chair"], title="Personal", public=False
    )
    assert not own.public
    assert AgendaItemForm(documents=None, meeting=closed)["public"].value() is False
    assert AgendaItemForm(documents=None, meeting=open_meeting)["public"].value() is True


def test_members_are_told_of_a_new_item_after_the_invitation_and_of_a_moved_meeting():
    workspace, people = world("told")
    meeting = make_meeting(workspace, people["chair"], days=10)
    mail.outbox.clear()
    meetings.add_item(meeting=meeting, user=people["chair"], title="Vor der Einladung")
    assert not mail.outbox
    meetings.send_invitation(meeting=meeting, user=people["chair"])
    mail.outbox.clear()
    meetings.add_item(meeting=meeting, user=people["chair"], title="Nachtrag Spielplatz")
    told = {m.to[0] for m in mail.outbox if "Nachtrag Spielplatz" in m.body}
    assert told == {p.email for k, p in people.items() if k != "chair"}
    mail.outbox.clear()
    meetings.save_meeting(
        workspace=workspace, user=people["chair"], data={"title": "Umbenannt"}, meeting=meeting
    )
    assert not [m for m in mail.outbox if "verlegt" in m.body]
    later = meeting.starts_at + timedelta(days=1)
    meetings.save_meeting(
        workspace=workspace,
        user=people["taker"],
        data={"starts_at": later, "ends_at": later + timedelta(hours=2)},
        meeting=meeting,
    )
    moved = [m for m in mail.outbox if "Sitzung verlegt" in m.body]
    assert {m.to[0] for m in moved} == {p.email for k, p in people.items() if k != "taker"}
    assert timezone.localtime(later).strftime("%d.%m.%Y") in moved[0].body


def test_a_short_notice_meeting_warns_instead_of_promising_a_date_in_the_past():
    workspace, people = world("short-notice")  # invitation 7 days ahead
    client = Client()
    client.force_login(people["chair"])
    start = timezone.localtime() + timedelta(days=2)
    response = client.post(
        workspace.route_url("meeting_new"),
        {
            "title": "Kurzfristig",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Die Einladungsfrist von 7 Tagen ist schon unterschritten" in page
    assert "geht automatisch am" not in page
    assert "die Einladungsfrist von 7 Tagen ist schon unterschritten" in page  # in the facts
    relaxed = make_meeting(workspace, people["chair"], days=20, title="Mit Vorlauf")
    page = client.get(relaxed.get_absolute_url()).content.decode()
    assert "geht automatisch am" in page and "unterschritten" not in page


def test_an_intranet_address_in_another_language_keeps_its_path():
    workspace, people = world("lang-path")
    meeting = make_meeting(workspace, people["chair"])
    synchronise_language_trees()
    alias = Page.objects.get(alias_of=workspace, locale__language_code="en")
    client = Client()
    client.force_login(people["m1"])
    response = client.get(f"{alias.url}sitzungen/{meeting.pk}/?x=1")
    assert response.status_code == 301
    assert response["Location"] == f"{workspace.url}sitzungen/{meeting.pk}/?x=1"
    assert client.get(alias.url)["Location"] == workspace.url


def test_members_of_a_body_land_on_the_intranet_after_login():
    workspace, people = world("login-landing")
    resident = UserFactory()
    for person, lands_in_intranet in ((people["m1"], True), (resident, False)):
        response = Client().post(
            "/de/accounts/login/", {"login": person.email, "password": PASSWORD}
        )
        assert response.status_code == 302
        assert (response["Location"] == intranet().url) is lands_in_intranet
    client = Client()
    response = client.post(
        "/de/accounts/login/?next=/de/", {"login": people["m1"].email, "password": PASSWORD}
    )
    assert response["Location"] == "/de/"


def test_all_meetings_of_a_body_by_year(django_assert_max_num_queries):
    workspace, people = world("archive")
    this_year = make_meeting(workspace, people["chair"], title="Dieses Jahr")
    last_year = make_meeting(workspace, people["chair"], days=-400, title="Voriges Jahr")
    other, others = world("archive-other")
    make_meeting(other, others["chair"], title="Fremde Sitzung")
    client = Client()
    client.force_login(people["m1"])
    url = workspace.route_url("meetings")
    client.get(url)  # warm caches
    with django_assert_max_num_queries(40):
        page = client.get(url).content.decode()
    assert "Dieses Jahr" in page and "Voriges Jahr" in page and "Fremde Sitzung" not in page
    year = timezone.localtime(last_year.starts_at).year
    page = client.get(f"{url}?jahr={year}").content.decode()
    assert "Voriges Jahr" in page and this_year.title not in page.split("result-count")[1]
    page = client.get(f"{url}?jahr=abc").content.decode()  # unknown years show everything
    assert "Dieses Jahr" in page and "Voriges Jahr" in page
    outsider = Client()
    outsider.force_login(add_member(world("archive-stranger")[0]))
    assert outsider.get(url).status_code == 403


def test_agenda_items_are_edited_reordered_and_removed():
    workspace, people = world("agenda-edit")
    meeting = make_meeting(workspace, people["chair"], items=("Eins", "Zwei", "Drei"))
    first, second, third = meeting.items.order_by("position")
    client = Client()
    client.force_login(people["taker"])
    action = lambda name: workspace.route_url("meeting_action", meeting.pk, name)  # noqa: E731
    response = client.post(action("top-bearbeiten"), {"item": second.pk, f"e{second.pk}-title": ""})
    assert response.status_code == 400 and "TOP 2 bearbeiten" in response.content.decode()
    response = client.post(
        action("top-bearbeiten"),
        {"item": second.pk, f"e{second.pk}-title": "Zwei, neu", f"e{second.pk}-description": "x"},
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert (second.title, second.description, second.public) == ("Zwei, neu", "x", False)
    client.post(action("top-verschieben"), {"item": third.pk, "direction": "up"})
    client.post(action("top-entfernen"), {"item": first.pk})
    assert list(meeting.items.order_by("position").values_list("position", "title")) == [
        (1, "Drei"),
        (2, "Zwei, neu"),
    ]
    member = Client()
    member.force_login(people["m1"])
    assert member.post(action("top-entfernen"), {"item": second.pk}).status_code == 403
    present = {people[k].pk: "present" for k in ("chair", "taker", "m1", "m2")}
    attendance.record_attendance(meeting=meeting, user=people["taker"], statuses=present)
    minutes.record_decision(item=second, user=people["taker"], text="Ja", yes=4, no=0, abstain=0)
    response = client.post(action("top-entfernen"), {"item": second.pk})
    assert response.status_code == 400 and "schon einen Beschluss" in response.content.decode()
    minutes.circulate_minutes(meeting=meeting, user=people["taker"])
    second = meeting.items.get(pk=second.pk)
    with pytest.raises(NotAllowed):
        meetings.update_item(item=second, user=people["chair"], title="Später geändert")


def test_a_circulation_is_withdrawn_before_it_closes():
    from intranet.services import circulation

    workspace, people = world("withdraw")
    workspace.allows_circulation = True
    workspace.save()
    running = circulation.start(
        workspace=workspace,
        user=people["chair"],
        title="Umlauf Bank",
        text="Neue Bank am Spielplatz",
        deadline=timezone.now() + timedelta(days=3),
    )
    circulation.vote(circulation=running, user=people["m1"], value="yes")
    url = workspace.route_url("circulation", running.pk)
    member = Client()
    member.force_login(people["m1"])
    assert "Umlaufverfahren zurückziehen" not in member.get(url).content.decode()
    assert member.post(url, {"withdraw": "1"}).status_code == 403
    chair = Client()
    chair.force_login(people["chair"])
    assert "Umlaufverfahren zurückziehen" in chair.get(url).content.decode()
    assert chair.post(url, {"withdraw": "1"}).status_code == 302
    running.refresh_from_db()
    assert running.withdrawn_at and running.closed_at
    page = chair.get(url).content.decode()
    assert "zurückgezogen" in page and "Es gibt keinen Beschluss" in page
    with pytest.raises(NotAllowed):
        circulation.vote(circulation=running, user=people["m2"], value="no")
    assert circulation.close(running) is None  # nothing is decided afterwards
    assert chair.post(url, {"withdraw": "1"}).status_code == 403


def test_tasks_outside_meetings_edited_and_reassigned_never_to_guests():
    from intranet.models import ActionItem
    from intranet.services import tasks

    workspace, people = world("tasks-outside")
    office = Client()
    office.force_login(office_editor())
    url = workspace.route_url("task_new")
    form_page = office.get(url).content.decode()
    assert people["guest"].email not in form_page and people["m1"].email in form_page
    due = (timezone.localdate() + timedelta(days=5)).isoformat()
    response = office.post(
        url, {"title": "Flyer drucken", "assignee": people["guest"].pk, "due": due}
    )
    assert (
        response.status_code == 400 and not ActionItem.objects.filter(workspace=workspace).exists()
    )
    assert 'value="Flyer drucken"' in response.content.decode()
    response = office.post(url, {"title": "Flyer drucken", "assignee": people["m1"].pk, "due": due})
    assert response.status_code == 302
    task = ActionItem.objects.get(workspace=workspace)
    assert task.item is None and task.assignee == people["m1"]
    with pytest.raises(NotAllowed):
        tasks.add_action_item(
            workspace=workspace, user=people["m1"], title="x", assignee=people["m1"], due=task.due
        )
    with pytest.raises(Refused):
        tasks.add_action_item(
            workspace=workspace,
            user=people["chair"],
            title="x",
            assignee=people["guest"],
            due=task.due,
        )
    chair = Client()
    chair.force_login(people["chair"])
    mail.outbox.clear()
    response = chair.post(
        task.get_absolute_url(),
        {
            "edit": "1",
            "task-title": "Flyer drucken und verteilen",
            "task-assignee": people["m2"].pk,
            "task-due": due,
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.title == "Flyer drucken und verteilen" and task.assignee == people["m2"]
    assert [m.to for m in mail.outbox if "übertragen" in m.body] == [[people["m2"].email]]
    member = Client()
    member.force_login(people["m2"])
    page = member.get(task.get_absolute_url()).content.decode()
    assert "Aufgabe ändern" not in page
    assert member.post(task.get_absolute_url(), {"done": "1"}).status_code == 302
    task.refresh_from_db()
    assert task.status == "done"


def test_public_meetings_appear_in_the_events_list_and_calendar_feed():
    from icalendar import Calendar

    from tests.portal.factories import EventPageFactory

    EventPageFactory(days=3, title="Kiezfest")
    public_bodies()
    workspace, people = world("events-feed")
    workspace.show_public_page = True
    workspace.save()
    make_meeting(workspace, people["chair"], days=4, title="Offene Ratssitzung", public=True)
    make_meeting(workspace, people["chair"], days=5, title="Geschlossene Runde")
    cancelled = make_meeting(workspace, people["chair"], days=6, title="Fällt aus", public=True)
    meetings.cancel_meeting(meeting=cancelled, user=people["chair"])
    hidden, others = world("events-hidden")  # no public page
    make_meeting(hidden, others["chair"], days=4, title="Unsichtbare Sitzung", public=True)
    page = Client().get("/de/termine/").content.decode()
    assert "Kiezfest" in page and "Offene Ratssitzung" in page
    for title in ("Geschlossene Runde", "Fällt aus", "Unsichtbare Sitzung"):
        assert title not in page
    assert f"/de/gremien/{workspace.slug}/sitzungen/" in page
    feed = Calendar.from_ical(Client().get("/de/termine/kalender/").content)
    summaries = {str(event["SUMMARY"]) for event in feed.walk("VEVENT")}
    assert f"{workspace.title}: Offene Ratssitzung" in summaries and "Kiezfest" in summaries
    assert not any("Geschlossene" in s or "Unsichtbare" in s for s in summaries)
