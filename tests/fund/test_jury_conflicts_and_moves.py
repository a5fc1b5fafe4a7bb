"""Issue 15: a jury member who is the applicant (or named in the application) is flagged and
kept out of the vote on it; a cancelled or moved jury meeting takes its applications to the
next meeting and tells the applicants."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format

from fund import services
from fund.models import applications as a
from intranet.models import AgendaItem, ConflictOfInterest
from intranet.services import meetings
from intranet.services.attendance import item_quorum, record_conflict

from .factories import fresh, make_fund, make_meeting, quorate, scheduled, submitted

pytestmark = pytest.mark.django_db


def _named(user, first, last):
    user.first_name, user.last_name = first, last
    user.save()
    return fresh(user)


def _found(application):
    return {
        c.user_id: c
        for c in ConflictOfInterest.objects.filter(item=application.agenda_item).exclude(reason="")
    }


def test_the_applicant_in_the_jury_is_excluded_at_once_and_out_of_the_quorum():
    fund, page, people, meeting = make_fund("coi-account")
    application = scheduled(fund, page, applicant=people["m1"])
    found = _found(application)
    assert set(found) == {people["m1"].pk}
    assert found[people["m1"].pk].confirmed and "eigenes Konto" in found[people["m1"].pk].reason
    # 3 of 5 voting members present, one of them the applicant: 2 of 4 do not make a quorum.
    quorate(meeting, people, "chair", "taker", "m1")
    with pytest.raises(services.Refused, match="Nicht beschlussfähig"):
        services.decide(
            application=application,
            user=people["taker"],
            amount=Decimal("300"),
            conditions="",
            yes=2,
            no=0,
            abstain=0,
            page_url=page.url,
        )


def test_the_applicants_e_mail_address_excludes_too():
    fund, page, people, _meeting = make_fund("coi-email")
    application = scheduled(fund, page, email=people["m2"].email.upper())
    found = _found(application)
    assert set(found) == {people["m2"].pk} and found[people["m2"].pk].confirmed


def test_a_name_among_the_partners_is_only_flagged_for_the_chair():
    fund, page, people, meeting = make_fund("coi-name")
    _named(people["m3"], "Berta", "Beispiel")
    _named(people["m2"], "Bert", "Bei")  # a part of a name is no match
    application = scheduled(fund, page, partners="Kita Sonnenschein, berta  beispiel (Nachbarin)")
    found = _found(application)
    assert set(found) == {people["m3"].pk}
    assert not found[people["m3"].pk].confirmed
    item = AgendaItem.objects.get(pk=application.agenda_item_id)
    assert item.declared_conflicts() == [] and len(item.conflicts_to_confirm()) == 1
    # Unconfirmed, the member still counts: 3 of 5 present make the quorum.
    quorate(meeting, people, "chair", "taker", "m3")
    assert item_quorum(item).quorum.quorate and item_quorum(item).conflicted == 0
    # The chair confirms it at the table: now it counts and the quorum breaks.
    record_conflict(item=item, user=people["chair"], member=people["m3"])
    item = AgendaItem.objects.get(pk=item.pk)
    assert not item_quorum(item).quorum.quorate and item_quorum(item).conflicted == 1


def test_nobody_is_flagged_for_an_unrelated_application():
    fund, page, people, _meeting = make_fund("coi-none")
    _named(people["m1"], "Ada", "Lovelace")
    application = scheduled(fund, page)  # contact "Ada Antrag", no partners
    assert _found(application) == {}


# Who sees the flags on the meeting page: those who plan meetings (chair, minute-taker,
# office); members (the flagged ones included) and guests do not.
SEES_FLAGS = {
    "chair": True,
    "taker": True,
    "office": True,
    "m1": False,  # the applicant
    "m2": False,
    "m3": False,  # named as a partner
    "guest": False,
}


def test_who_sees_the_flags_on_the_meeting_page(client):
    from .factories import office_editor

    fund, page, people, meeting = make_fund("coi-page")
    people["m3"] = _named(people["m3"], "Berta", "Beispiel")
    people["office"] = office_editor()
    scheduled(fund, page, applicant=people["m1"], partners="Berta Beispiel")
    url = meeting.get_absolute_url()
    seen = {}
    for key in SEES_FLAGS:
        client.force_login(people[key])
        response = client.get(url)
        assert response.status_code == 200, key
        text = response.content.decode()
        seen[key] = "Mögliche Befangenheit zu TOP 1" in text
        if seen[key]:
            assert "Automatisch ausgeschlossen" in text
            assert "bitte in der Sitzung bestätigen" in text
        client.logout()
    assert seen == SEES_FLAGS


def test_a_cancelled_meeting_moves_its_applications_to_the_next_one_and_tells_them(
    django_capture_on_commit_callbacks,
):
    fund, page, people, meeting = make_fund("cancel")
    later = make_meeting(fund.jury, people["chair"], days=42, title="Nächste Jurysitzung")
    application = scheduled(fund, page, applicant=people["m1"])
    old_item = application.agenda_item
    assert old_item.meeting == meeting
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.cancel_meeting(meeting=meeting, user=people["chair"])
    application.refresh_from_db()
    assert application.state == a.SCHEDULED
    assert application.agenda_item.meeting == later
    assert set(_found(application)) == {people["m1"].pk}  # flagged again on the new item
    told = [m for m in mail.outbox if m.subject.startswith("Neuer Termin der Jury")]
    assert len(told) == 1 and told[0].to == [application.applicant.email]
    assert "abgesagt" in told[0].body
    assert date_format(timezone.localtime(later.starts_at), "DATE_FORMAT") in told[0].body
    assert "verlegt" not in told[0].body
    notes = list(application.events.filter(state=a.SCHEDULED).values_list("note", flat=True))
    assert len(notes) == 3 and notes[1].endswith("abgesagt")


def test_a_cancelled_meeting_without_a_next_one_leaves_the_application_waiting(
    django_capture_on_commit_callbacks,
):
    fund, page, people, meeting = make_fund("cancel-wait")
    application = scheduled(fund, page)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.cancel_meeting(meeting=meeting, user=people["chair"])
    application.refresh_from_db()
    assert application.state == a.COMPLETE and application.agenda_item is None
    assert "Sobald die nächste Sitzung" in mail.outbox[-1].body
    later = make_meeting(fund.jury, people["chair"], days=42)
    services.schedule_waiting(fund)
    application.refresh_from_db()
    assert application.agenda_item.meeting == later


def _move(meeting, user, days):
    start = timezone.now() + timedelta(days=days)
    return meetings.save_meeting(
        workspace=meeting.workspace,
        user=user,
        data={"starts_at": start, "ends_at": start + timedelta(hours=2)},
        meeting=meeting,
    )


def test_a_moved_meeting_keeps_what_still_fits_and_tells_the_applicants_the_new_date(
    django_capture_on_commit_callbacks,
):
    fund, page, people, meeting = make_fund("move-keep")
    application = scheduled(fund, page)
    item = application.agenda_item
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _move(meeting, people["chair"], days=21)
    application.refresh_from_db()
    assert application.agenda_item == item and application.state == a.SCHEDULED
    assert "verlegt" in mail.outbox[-1].body


def test_a_meeting_moved_before_the_deadline_passes_its_applications_on(
    django_capture_on_commit_callbacks,
):
    fund, page, people, meeting = make_fund("move-on")
    later = make_meeting(fund.jury, people["chair"], days=42, title="Nächste Jurysitzung")
    other = make_meeting(fund.jury, people["chair"], days=50, title="Spätere Jurysitzung")
    first = scheduled(fund, page, title="Erster")
    meetings.add_item(meeting=meeting, user=people["chair"], title="Verschiedenes")
    # Moved to tomorrow: the submission deadline (days before the meeting) is no longer met.
    with django_capture_on_commit_callbacks(execute=True):
        _move(meeting, people["chair"], days=1)
    first.refresh_from_db()
    assert first.agenda_item.meeting == later and other.items.count() == 0
    assert list(meeting.items.values_list("position", "title")) == [(1, "Verschiedenes")]


def test_a_decided_application_stays_with_its_meeting():
    fund, page, people, meeting = make_fund("move-decided")
    application = scheduled(fund, page)
    quorate(meeting, people)
    services.decide(
        application=application,
        user=people["taker"],
        amount=Decimal("300"),
        conditions="",
        yes=4,
        no=0,
        abstain=0,
        page_url=page.url,
    )
    make_meeting(fund.jury, people["chair"], days=42)
    _move(meeting, people["chair"], days=-2)
    application.refresh_from_db()
    assert application.state == a.APPROVED and application.agenda_item.meeting == meeting


def test_a_submitted_application_is_not_touched(django_capture_on_commit_callbacks):
    fund, page, people, meeting = make_fund("move-submitted")
    pending = submitted(fund, page)
    with django_capture_on_commit_callbacks(execute=True):
        meetings.cancel_meeting(meeting=meeting, user=people["chair"])
    pending.refresh_from_db()
    assert pending.state == a.SUBMITTED


def test_a_circulation_counts_the_applicant_in_the_jury_as_conflicted():
    from intranet.models import CirculationVote
    from intranet.services import circulation

    fund, page, people, _meeting = make_fund("coi-circulation")
    fund.jury.allows_circulation = True
    fund.jury.save()
    application = scheduled(fund, page, applicant=people["m1"])
    deadline = timezone.now() + timedelta(days=2)
    running = services.start_circulation(
        application=application,
        user=people["chair"],
        amount=Decimal("300"),
        conditions="",
        deadline=deadline,
        page_url=page.url,
    )
    preset = CirculationVote.objects.get(circulation=running)
    assert preset.user_id == people["m1"].pk and preset.conflict and preset.excluded
    circulation.vote(circulation=running, user=people["m1"], value="yes", conflict=False)
    preset.refresh_from_db()
    assert preset.conflict and preset.value == "yes"
    for key in ("chair", "taker"):
        circulation.vote(circulation=running, user=people[key], value="yes")
    decision = circulation.close(running, moment=deadline + timedelta(minutes=1))
    assert decision.yes == 2  # the applicant's "yes" does not count


def test_the_applicant_cannot_withdraw_the_exclusion_but_the_chair_can_strike_it(client):
    fund, page, people, meeting = make_fund("coi-withdraw")
    application = scheduled(fund, page, applicant=people["m1"])
    quorate(meeting, people)
    item = AgendaItem.objects.get(pk=application.agenda_item_id)
    client.force_login(people["m1"])
    text = client.get(meeting.get_absolute_url()).content.decode()
    assert "Sie sind befangen und stimmen nicht mit." in text
    assert "Befangenheit zu TOP 1 zurücknehmen" not in text
    with pytest.raises(services.Refused, match="aus dem Antrag festgestellt"):
        meetings.declare_conflict(item=item, user=people["m1"], conflicted=False)
    record_conflict(item=item, user=people["chair"], member=people["m1"], conflicted=False)
    assert not ConflictOfInterest.objects.filter(item=item).exists()
