"""Intranet e-mails (issue 15): one digest per member and day; at once only invitations,
changes to meetings one was invited to and tasks given to oneself."""

from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.models import NotificationPreference, PendingNotification
from core.notifications import send_digests, set_frequency
from core.tasks import send_email
from intranet.services import meetings
from tests.portal.factories import UserFactory

from .factories import add_member, make_meeting, make_task, upload, world

pytestmark = pytest.mark.django_db


def members_but(people, *left_out):
    return {p.email for key, p in people.items() if key not in left_out}


def busy_session(workspace, people, documents=12):
    """What a long session leaves behind: many documents, each a notice to every member."""
    for number in range(documents):
        upload(workspace, people["chair"], name=f"anlage-{number}.txt")


def test_a_busy_session_gives_each_member_one_digest_grouped_by_workspace():
    workspace, people = world("digest-busy")
    other, others = world("digest-other")
    both = add_member(other, people["m1"])
    mail.outbox.clear()
    busy_session(workspace, people)
    upload(other, others["chair"], name="andere-anlage.txt")
    assert mail.outbox == []  # before: 12 mails to each member, 60 in all
    assert PendingNotification.objects.filter(user=both).count() == 13

    call_command("send_digests")

    by_person = {}
    for message in mail.outbox:
        by_person.setdefault(message.to[0], []).append(message)
    ours = members_but(people, "chair")
    assert ours <= set(by_person)
    assert all(len(by_person[address]) == 1 for address in ours)
    (digest,) = by_person[both.email]
    assert "13" in digest.subject
    for number in range(12):
        assert f"anlage-{number}" in digest.body
    # one heading per workspace, each notice under its own
    assert digest.body.count(f"{workspace.title}\n===") == 1
    assert digest.body.count(f"{other.title}\n===") == 1
    assert digest.body.index(f"{other.title}\n===") < digest.body.index("andere-anlage")
    assert "/de/benachrichtigungen/" in digest.body
    assert not PendingNotification.objects.exists()


def test_the_digest_is_in_the_members_language():
    workspace, people = world("digest-lang")
    people["m2"].language = "en"
    people["m2"].save(update_fields=["language"])
    mail.outbox.clear()
    busy_session(workspace, people, documents=2)
    send_digests()
    (english,) = [m for m in mail.outbox if m.to == [people["m2"].email]]
    (german,) = [m for m in mail.outbox if m.to == [people["m1"].email]]
    assert "/en/benachrichtigungen/" in english.body
    assert "/de/benachrichtigungen/" in german.body


def test_invitations_meeting_changes_and_own_tasks_still_go_at_once():
    workspace, people = world("digest-immediate")
    meeting = make_meeting(workspace, people["chair"], days=10)
    mail.outbox.clear()
    meetings.send_invitation(meeting=meeting, user=people["chair"])
    assert {m.to[0] for m in mail.outbox if m.attachments} >= members_but(people, "chair")
    mail.outbox.clear()
    meetings.add_item(meeting=meeting, user=people["chair"], title="Nachtrag Spielplatz")
    told = {m.to[0] for m in mail.outbox if "Nachtrag Spielplatz" in m.body}
    assert told == members_but(people, "chair")
    mail.outbox.clear()
    make_task(workspace, people["chair"], people["m2"], title="Flyer drucken")
    assert [m.to for m in mail.outbox] == [[people["m2"].email]]
    assert "Flyer drucken" in mail.outbox[0].subject
    # the others read of the new task in their digest, the person responsible not twice
    pending = PendingNotification.objects.filter(text__contains="Flyer drucken")
    assert set(pending.values_list("user__email", flat=True)) == members_but(people, "chair", "m2")


def test_the_members_choice_wins_over_the_defaults():
    workspace, people = world("digest-choice")
    set_frequency(people["m1"].pk, "intranet", "immediate")
    set_frequency(people["m2"].pk, "intranet", "none")
    set_frequency(people["m3"].pk, "intranet_tasks", "daily")
    mail.outbox.clear()
    busy_session(workspace, people, documents=3)
    make_task(workspace, people["chair"], people["m3"], title="Kasse prüfen")
    assert len([m for m in mail.outbox if m.to == [people["m1"].email]]) == 4
    assert not [m for m in mail.outbox if m.to[0] in (people["m2"].email, people["m3"].email)]
    assert not PendingNotification.objects.filter(user=people["m2"]).exists()
    mail.outbox.clear()
    send_digests()
    (digest,) = [m for m in mail.outbox if m.to == [people["m3"].email]]
    assert "Kasse prüfen" in digest.body and "anlage-2" in digest.body
    assert not [m for m in mail.outbox if m.to[0] in (people["m1"].email, people["m2"].email)]


def test_the_preferences_page_offers_the_intranet_kinds_with_their_defaults():
    workspace, people = world("digest-page")
    client = Client()
    client.force_login(people["m1"])
    form = client.get("/de/benachrichtigungen/").context["form"]
    assert form["intranet"].initial == "daily"
    assert form["intranet_meetings"].initial == "immediate"
    assert form["intranet_tasks"].initial == "immediate"
    response = client.post(
        "/de/benachrichtigungen/",
        {
            "intranet": "immediate",
            "intranet_meetings": "daily",
            "intranet_tasks": "none",
            "language": "de",
        },
    )
    assert response.status_code == 302
    chosen = dict(
        NotificationPreference.objects.filter(user=people["m1"]).values_list("kind", "frequency")
    )
    assert chosen["intranet"] == "immediate"
    assert chosen["intranet_meetings"] == "daily"
    assert chosen["intranet_tasks"] == "none"
    # left at their defaults, no choice is stored: a better default later reaches them
    client.force_login(people["m2"])
    client.post(
        "/de/benachrichtigungen/",
        {
            "intranet": "daily",
            "intranet_meetings": "immediate",
            "intranet_tasks": "immediate",
            "language": "de",
        },
    )
    assert not NotificationPreference.objects.filter(user=people["m2"]).exists()
    # someone outside the intranet is not offered its kinds
    outsider = Client()
    outsider.force_login(UserFactory())
    assert "intranet" not in outsider.get("/de/benachrichtigungen/").context["form"].fields


def test_a_notice_is_never_mailed_twice_even_after_a_crash():
    workspace, people = world("digest-crash")
    mail.outbox.clear()
    busy_session(workspace, people, documents=2)
    calls = []

    def crash_on_the_third(*args, **kwargs):
        calls.append(kwargs["recipients"])
        if len(calls) == 3:
            raise RuntimeError("worker killed")
        return send_email.enqueue(*args, **kwargs)

    queue = mock.Mock()
    queue.enqueue.side_effect = crash_on_the_third
    with (
        mock.patch("core.notifications.send_email", queue),
        pytest.raises(RuntimeError),
    ):
        send_digests()
    first = [m.to[0] for m in mail.outbox]
    assert len(first) == 2
    assert not PendingNotification.objects.filter(user__email__in=first).exists()
    send_digests()
    second = [m.to[0] for m in mail.outbox[2:]]
    assert not set(first) & set(second)
    assert sorted(first + second) == sorted(members_but(people, "chair"))
    mail.outbox.clear()
    assert send_digests() == 0
    assert mail.outbox == []


def digest_queries(slug, documents):
    workspace, people = world(slug)
    busy_session(workspace, people, documents=documents)
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        sent = send_digests()
    assert sent == len(people) - 1
    return len(queries)


def test_the_digest_run_costs_the_same_however_many_notices_a_member_has():
    digest_queries("digest-warm", 1)  # caches (the office, the sites) filled once
    few = digest_queries("digest-few", 2)
    many = digest_queries("digest-many", 20)
    assert few == many
