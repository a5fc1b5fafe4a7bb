"""Meetings: invitations with the agenda and an iCalendar file, attendance, conflicts of
interest, quorum, majority, action items and the minutes workflow."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from core.refusals import NotAllowed, Refused
from intranet.models import Decision
from intranet.services import attendance, meetings, minutes

from .factories import add_member, make_meeting, make_task, world

pytestmark = pytest.mark.django_db


def present(meeting, people, *keys, absent=()):
    statuses = {people[k].pk: "present" for k in keys}
    statuses.update({people[k].pk: "excused" for k in absent})
    attendance.record_attendance(meeting=meeting, user=people["taker"], statuses=statuses)


def test_invitation_mails_every_member_the_agenda_and_a_calendar_file():
    workspace, people = world("invite")
    meeting = make_meeting(workspace, people["chair"], days=7, place="Treffpunkt Linde")
    mail.outbox.clear()
    sent = meetings.send_invitation(meeting=meeting, user=people["chair"])
    invitations = [m for m in mail.outbox if m.attachments]
    assert sent == len(people) == len(invitations)
    message = invitations[0]
    assert "TOP 1: Bericht" in message.body and "Treffpunkt Linde" in message.body
    (name, content, mimetype) = message.attachments[0]
    assert mimetype == "text/calendar" and "BEGIN:VEVENT" in content
    assert "TOP 2: Beschlussvorlage" in content.replace("\r\n ", "")
    meeting.refresh_from_db()
    assert meeting.state == "invited" and meeting.invited_at


def test_invitation_goes_to_members_only_in_their_language():
    workspace, people = world("invite-lang")
    english = add_member(workspace)
    english.language = "en"
    english.save()
    outsider_email = add_member(world("invite-other")[0]).email
    meeting = make_meeting(workspace, people["chair"], days=7)
    mail.outbox.clear()
    meetings.send_invitation(meeting=meeting, user=people["chair"])
    recipients = {m.to[0] for m in mail.outbox}
    assert outsider_email not in recipients and english.email in recipients
    english_mail = next(m for m in mail.outbox if m.to == [english.email])
    assert english_mail.subject != next(m for m in mail.outbox if m.to != [english.email]).subject


def test_members_cannot_invite_and_past_meetings_cannot_be_invited_to():
    workspace, people = world("invite-rights")
    future = make_meeting(workspace, people["chair"], days=7)
    with pytest.raises(NotAllowed):
        meetings.send_invitation(meeting=future, user=people["m1"])
    past = make_meeting(workspace, people["chair"], days=-1)
    with pytest.raises(NotAllowed):
        meetings.send_invitation(meeting=past, user=people["chair"])


def test_quorum_counts_voting_members_present_without_conflicts():
    workspace, people = world("quorum")  # voting: chair, taker, m1, m2, m3 (5); guest not
    meeting = make_meeting(workspace, people["chair"])
    item = meeting.items.first()
    present(meeting, people, "chair", "taker", "m1", "guest", absent=("m2", "m3"))
    assert attendance.item_quorum(item).quorum.quorate  # 3 of 5, need 3
    attendance.declare_conflict(item=item, user=people["m1"])
    counted = attendance.item_quorum(item).quorum
    assert (counted.eligible, counted.present, counted.required) == (4, 2, 3)
    assert not counted.quorate
    with pytest.raises(Refused, match="Nicht beschlussfähig"):
        minutes.record_decision(item=item, user=people["taker"], text="X", yes=2, no=0, abstain=0)
    assert not Decision.objects.filter(item=item).exists()


def test_decision_follows_the_majority_rule_and_refuses_too_many_votes():
    workspace, people = world("majority")
    meeting = make_meeting(workspace, people["chair"])
    item = meeting.items.first()
    present(meeting, people, "chair", "taker", "m1", "m2")
    with pytest.raises(Refused, match="mehr Stimmen"):
        minutes.record_decision(item=item, user=people["taker"], text="X", yes=3, no=1, abstain=1)
    tie = minutes.record_decision(
        item=item, user=people["taker"], text="Patt", yes=2, no=2, abstain=0
    )
    assert tie.carried is False and tie.quorate and tie.present == 4
    workspace.majority_rule = "two_thirds"
    workspace.save()
    two_thirds = minutes.record_decision(
        item=item, user=people["taker"], text="Zwei Drittel", yes=3, no=1, abstain=0
    )
    assert two_thirds.carried is True and two_thirds.majority_rule == "two_thirds"


def test_conflict_only_by_voting_members_and_only_while_minutes_are_drafted():
    workspace, people = world("conflict")
    meeting = make_meeting(workspace, people["chair"])
    item = meeting.items.first()
    with pytest.raises(NotAllowed):
        attendance.declare_conflict(item=item, user=people["guest"])
    minutes.circulate_minutes(meeting=meeting, user=people["taker"])
    with pytest.raises(NotAllowed):
        attendance.declare_conflict(item=item, user=people["m1"])


def test_minutes_workflow_in_order_only():
    workspace, people = world("workflow")
    meeting = make_meeting(workspace, people["chair"], days=-14)
    later = make_meeting(workspace, people["chair"], days=-1, title="Nächste")
    with pytest.raises(NotAllowed):
        minutes.approve_minutes(meeting=meeting, user=people["chair"], at_meeting=later)
    with pytest.raises(NotAllowed):
        minutes.circulate_minutes(meeting=meeting, user=people["m1"])
    minutes.circulate_minutes(meeting=meeting, user=people["taker"])
    minutes.comment_minutes(meeting=meeting, user=people["m1"], text="TOP 2 fehlt ein Satz.")
    with pytest.raises(NotAllowed):
        minutes.comment_minutes(meeting=meeting, user=people["guest"], text="Gast")
    with pytest.raises(NotAllowed):
        minutes.approve_minutes(meeting=meeting, user=people["taker"], at_meeting=later)
    with pytest.raises(Refused):
        minutes.approve_minutes(meeting=meeting, user=people["chair"], at_meeting=meeting)
    minutes.approve_minutes(meeting=meeting, user=people["chair"], at_meeting=later)
    minutes.publish_minutes(meeting=meeting, user=people["chair"])
    meeting.refresh_from_db()
    assert meeting.minutes_state == "published" and meeting.minutes_approved_at == later
    with pytest.raises(NotAllowed):  # this body does not publish public minutes
        minutes.publish_public_minutes(meeting=meeting, user=people["chair"])


def test_public_minutes_need_a_text_without_names_for_every_public_item():
    workspace, people = world("public-text")
    workspace.public_minutes = True
    workspace.save()
    meeting = make_meeting(workspace, people["chair"], days=-3, public=True)
    minutes.circulate_minutes(meeting=meeting, user=people["taker"])
    minutes.approve_minutes(meeting=meeting, user=people["chair"], at_meeting=None)
    minutes.publish_minutes(meeting=meeting, user=people["chair"])
    with pytest.raises(Refused, match="TOP 1, TOP 2"):
        minutes.publish_public_minutes(meeting=meeting, user=people["chair"])


def test_action_items_only_for_members():
    workspace, people = world("tasks")
    outsider = add_member(world("tasks-other")[0])
    with pytest.raises(Refused):
        make_task(workspace, people["chair"], outsider, title="X")


def test_attendance_form_shows_the_guests_one_per_line():
    workspace, people = world("guests")
    meeting = make_meeting(workspace, people["chair"])
    attendance.record_attendance(
        meeting=meeting,
        user=people["taker"],
        statuses={people["m1"].pk: "present"},
        guests=["Gast vom Jugendamt", "Nachbarin"],
    )
    client = Client()
    client.force_login(people["taker"])
    page = client.get(workspace.route_url("meeting", meeting.pk)).content.decode()
    assert 'rows="3">Gast vom Jugendamt\nNachbarin</textarea>' in page
    assert "{{" not in page


def test_item_minutes_are_written_through_the_page_by_minute_writers_only():
    workspace, people = world("item-minutes")
    meeting = make_meeting(workspace, people["chair"])
    item = meeting.items.first()
    url = workspace.route_url("meeting_action", meeting.pk, "protokoll-top")
    data = {
        "item": item.pk,
        f"i{item.pk}-summary": "Alle sind dafür.",
        f"i{item.pk}-public_summary": "Einstimmig.",
    }
    member = Client()
    member.force_login(people["m1"])
    assert member.post(url, data).status_code == 403
    item.refresh_from_db()
    assert item.summary == ""
    taker = Client()
    taker.force_login(people["taker"])
    response = taker.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == workspace.route_url("meeting", meeting.pk) + "#top-1"
    item.refresh_from_db()
    assert (item.summary, item.public_summary) == ("Alle sind dafür.", "Einstimmig.")
    with pytest.raises(NotAllowed):
        minutes.write_item_minutes(item=item, user=people["m1"], summary="x")


def test_meeting_page_forms_keep_input_and_explain_refusals():
    workspace, people = world("forms")
    meeting = make_meeting(workspace, people["chair"])
    item = meeting.items.first()
    client = Client()
    client.force_login(people["taker"])
    url = workspace.url + f"sitzungen/{meeting.pk}/"
    response = client.post(
        url + "beschluss/",
        {
            "item": item.pk,
            f"d{item.pk}-text": "Antrag A",
            f"d{item.pk}-yes": "-1",
            f"d{item.pk}-no": "0",
            f"d{item.pk}-abstain": "0",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400 and "Antrag A" in page
    response = client.post(
        url + "beschluss/",
        {
            "item": item.pk,
            f"d{item.pk}-text": "Antrag B",
            f"d{item.pk}-yes": "1",
            f"d{item.pk}-no": "0",
            f"d{item.pk}-abstain": "0",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400 and "Nicht beschlussfähig" in page and "Antrag B" in page
    member = Client()
    member.force_login(people["m1"])
    assert member.post(url + "beschluss/", {"item": item.pk}).status_code == 403
    assert member.get(url + "unbekannt/").status_code == 404


def test_refusals_explain_why_and_lead_back_to_the_workspace():
    """Rules checked in the view and in the services alike end on the explanation page."""
    workspace, people = world("refusals")
    meeting = make_meeting(workspace, people["chair"])
    member = Client()
    member.force_login(people["m1"])
    for response in (
        member.get(workspace.route_url("meeting_new")),  # checked by the view
        member.post(workspace.route_url("meeting_action", meeting.pk, "umlauf")),  # by the service
    ):
        page = response.content.decode()
        assert response.status_code == 403
        assert "Sitzungen planen Vorsitz, Protokollführung und das Stadtteilbüro." in page
        assert f'href="{workspace.url}"' in page and f"Zurück zu „{workspace.title}“" in page
    meeting.refresh_from_db()
    assert meeting.minutes_state == "draft"


def test_meeting_form_refuses_an_end_before_the_start():
    workspace, people = world("meeting-form")
    client = Client()
    client.force_login(people["chair"])
    start = timezone.localtime() + timedelta(days=3)
    response = client.post(
        workspace.url + "sitzungen/neu/",
        {
            "title": "Falsch herum",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 400
    assert "Das Ende muss nach dem Beginn liegen" in response.content.decode()
    assert 'value="Falsch herum"' in response.content.decode()


def test_invitations_go_out_by_themselves_at_the_lead_time():
    workspace, people = world("auto-invite")
    soon = make_meeting(workspace, people["chair"], days=6, title="Bald")
    later = make_meeting(workspace, people["chair"], days=20, title="Später")
    mail.outbox.clear()
    meetings.send_due_invitations()
    soon.refresh_from_db()
    later.refresh_from_db()
    assert soon.state == "invited" and later.state == "planned"
    assert {m.to[0] for m in mail.outbox if m.attachments} == {p.email for p in people.values()}
    mail.outbox.clear()
    meetings.send_due_invitations()
    assert not [m for m in mail.outbox if m.attachments and "Bald" in m.body]


def test_cancelling_tells_the_invited_members():
    workspace, people = world("cancel")
    meeting = make_meeting(workspace, people["chair"], days=5)
    meetings.send_invitation(meeting=meeting, user=people["chair"])
    mail.outbox.clear()
    with pytest.raises(NotAllowed):
        meetings.cancel_meeting(meeting=meeting, user=people["m1"])
    meetings.cancel_meeting(meeting=meeting, user=people["chair"])
    meeting.refresh_from_db()
    assert meeting.state == "cancelled"
    cancellations = [m for m in mail.outbox if m.attachments]
    assert len(cancellations) == len(people)
    assert "STATUS:CANCELLED" in cancellations[0].attachments[0][1]
    with pytest.raises(NotAllowed):
        meetings.send_invitation(meeting=meeting, user=people["chair"])
