"""Residents control their data: the export (Art. 15/20), self-service deletion (Art. 17)
with its effects in every app, the deletion log, and the retention purgers."""

import io
import json
import zipfile
from datetime import timedelta
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import privacy
from core.models import DeletionLog, Frequency, NotificationPreference, PendingNotification
from fund.models import Application, ApplicationEvent, LedgerEntry, Receipt
from fund.models.applications import State
from intranet.models import (
    ActionItem,
    Attendance,
    Circulation,
    CirculationVote,
    Membership,
    MinutesComment,
)
from participation import states
from participation.models import (
    Ballot,
    Comment,
    Follow,
    Proposal,
    ResidentVerification,
    Street,
    Support,
)
from participation.voting import ballots, identity
from portal.accounts.models import DeletionRequest
from tests.fund.factories import in_state, make_fund
from tests.intranet.factories import add_member, make_meeting, make_task, make_workspace
from tests.participation.factories import make_process, make_proposal, make_vote_process
from tests.portal.factories import PASSWORD, UserFactory, with_mfa

pytestmark = pytest.mark.django_db
User = get_user_model()


# --- helpers ------------------------------------------------------------------------------


def support(proposal, user):
    """A support as participation.services.support_add records it (mark and counter)."""
    Support.objects.create(proposal=proposal, user=user)
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)


def person_with_data(tag, process, fund, workspace, chair, proposals=1):
    """A resident with something of every kind; every text carries `tag`."""
    user = UserFactory(first_name=f"Vorname{tag}", last_name=f"Nachname{tag}")
    street, _ = Street.objects.get_or_create(name=f"Straße {tag}")
    ResidentVerification.objects.create(user=user, method="self", street=street, age_16=True)
    NotificationPreference.objects.create(user=user, kind="comment", frequency=Frequency.DAILY)
    add_member(workspace, user)
    for number in range(proposals):
        proposal = make_proposal(
            process,
            user,
            title=f"Vorschlag {tag} {number}",
            attachment=ContentFile(f"Plan {tag}".encode(), name=f"plan-{tag}-{number}.txt"),
        )
        Comment.objects.create(proposal=proposal, author=user, text=f"Kommentar {tag} {number}")
        support(proposal, user)
        Follow.objects.create(proposal=proposal, user=user)
        application = in_state(
            fund, State.SUBMITTED, applicant=user, title=f"Antrag {tag} {number}"
        )
        Receipt.objects.create(
            application=application,
            date=timezone.localdate(),
            vendor=f"Laden {tag}",
            amount=Decimal("12.50"),
            cost_type="material",
            file=ContentFile(f"Beleg {tag}".encode(), name=f"beleg-{tag}-{number}.txt"),
        )
        make_task(workspace, chair, user, title=f"Aufgabe {tag} {number}")
    return User.objects.get(pk=user.pk)


@pytest.fixture
def scene():
    process = make_process(slug="daten")
    fund, page, jury, _meeting = make_fund("daten")
    workspace = make_workspace("daten")
    chair = add_member(workspace, role=Membership.Role.CHAIR)
    return process, fund, workspace, chair


def download(client, user):
    client.force_login(user)
    response = client.post(reverse("account_my_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return archive, json.loads(archive.read("data.json"))


def reauthenticate(client, user):
    client.force_login(user)
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]


# --- export -------------------------------------------------------------------------------


def test_my_data_page_offers_the_download(client):
    user = UserFactory()
    client.force_login(user)
    body = client.get(reverse("account_my_data")).content.decode()
    assert "Meine Daten herunterladen" in body
    assert f'action="{reverse("account_my_data")}"' in body


def test_export_is_complete_and_holds_no_one_elses_data(client, scene):
    process, fund, workspace, chair = scene
    me = person_with_data("Ich", process, fund, workspace, chair)
    other = person_with_data("Fremd", process, fund, workspace, chair)
    # The other person also comments on my proposal and supports it.
    mine = Proposal.objects.get(author=me)
    Comment.objects.create(proposal=mine, author=other, text="Kommentar Fremd unter meinem")
    support(mine, other)
    # Notices to me about the other's work in our workspace are mine (the export shows the
    # waiting digest lines); here the digest has gone out, so nothing of the other remains.
    assert PendingNotification.objects.filter(user=me, text__contains="Fremd").exists()
    call_command("send_digests")

    archive, data = download(client, me)
    text = json.dumps(data, ensure_ascii=False)

    assert data["account"]["email"] == me.email
    assert data["account"]["email_addresses"] == [
        {"email": me.email, "verified": True, "primary": True}
    ]
    participation = data["participation"]
    assert participation["verification"]["method"] == "self"
    assert participation["verification"]["street"] == "Straße Ich"
    assert [p["title"] for p in participation["proposals"]] == ["Vorschlag Ich 0"]
    assert [c["text"] for c in participation["comments"]] == ["Kommentar Ich 0"]
    assert [s["proposal"] for s in participation["supports"]] == ["Vorschlag Ich 0"]
    assert [f["proposal"] for f in participation["follows"]] == ["Vorschlag Ich 0"]
    assert data["notifications"]["preferences"] == [{"kind": "comment", "frequency": "daily"}]
    (application,) = data["fund"]["applications"]
    assert application["title"] == "Antrag Ich 0"
    assert application["receipts"][0]["vendor"] == "Laden Ich"
    assert [m["workspace"] for m in data["intranet"]["memberships"]] == [workspace.title]
    assert [t["title"] for t in data["intranet"]["tasks"]] == ["Aufgabe Ich 0"]
    # Ballots are not linked to accounts: their content is never exported.
    assert "ballots" in participation and "Stimmzettel" in participation["ballots"]

    names = set(archive.namelist())
    proposal_files = [n for n in names if n.startswith("files/proposals/")]
    fund_files = [n for n in names if n.startswith("files/fund/")]
    assert len(proposal_files) == 1 and "plan-Ich" in proposal_files[0]
    assert len(fund_files) == 1 and "beleg-Ich" in fund_files[0]
    assert archive.read(proposal_files[0]) == b"Plan Ich"
    assert archive.read(fund_files[0]) == b"Beleg Ich"
    assert data["missing_files"] == []

    # Nothing of the other person: no name, address, text or file.
    assert "Fremd" not in text
    assert other.email not in text
    assert not any("Fremd" in name for name in names)


def test_export_needs_login_and_post(client):
    response = client.post(reverse("account_my_data"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_export_query_count_does_not_grow_with_data(scene):
    process, fund, workspace, chair = scene
    small = person_with_data("Klein", process, fund, workspace, chair, proposals=1)
    large = person_with_data("Gross", process, fund, workspace, chair, proposals=4)
    for proposal in Proposal.objects.filter(author=large):
        Comment.objects.create(proposal=proposal, author=large, text="noch einer")
        PendingNotification.objects.create(user=large, kind="comment", text="x", url="/x/")

    def queries(user):
        with CaptureQueriesContext(connection) as captured:
            data, files = privacy.collect(user)
        return len(captured), data, files

    few, small_data, _ = queries(small)
    many, large_data, large_files = queries(large)
    assert len(large_data["participation"]["proposals"]) == 4
    assert len(large_data["participation"]["comments"]) == 8
    assert len(large_data["fund"]["applications"]) == 4
    assert len(large_files) == 8  # 4 attachments, 4 receipts
    assert many == few, (few, many)


def test_export_is_rate_limited(client, settings):
    user = UserFactory()
    client.force_login(user)
    for _ in range(10):
        assert client.post(reverse("account_my_data")).status_code == 200
    response = client.post(reverse("account_my_data"))
    assert response.status_code == 429
    assert "in einer Stunde" in response.content.decode()


# --- deletion -----------------------------------------------------------------------------


def test_deletion_needs_recent_reauthentication(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get(reverse("account_request_deletion"))
    assert response.status_code == 302
    assert reverse("account_reauthenticate") in response["Location"]
    response = client.post(reverse("account_request_deletion"), {"confirm": "on"})
    assert response.status_code == 302
    assert User.objects.filter(pk=user.pk).exists()


def test_deletion_needs_the_confirmation(client):
    user = UserFactory()
    reauthenticate(client, user)
    response = client.post(reverse("account_request_deletion"), {})
    assert response.status_code == 200
    assert "Bitte bestätigen Sie" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_admin_accounts_are_deleted_by_the_office(client):
    admin = with_mfa(UserFactory(is_superuser=True, is_staff=True))
    reauthenticate(client, admin)
    response = client.post(reverse("account_request_deletion"), {"confirm": "on"})
    assert response.status_code == 403
    assert "Stadtteilbüro" in response.content.decode()
    assert User.objects.filter(pk=admin.pk).exists()


def test_self_deletion_is_effective_at_once_and_keeps_records(client, scene):
    process, fund, workspace, chair = scene
    me = person_with_data("Ich", process, fund, workspace, chair)
    other = person_with_data("Fremd", process, fund, workspace, chair)
    published = Proposal.objects.get(author=me)
    support(published, other)
    draft = make_proposal(process, me, state=states.DRAFT, title="Mein Entwurf")
    support_count = Proposal.objects.get(pk=published.pk).support_count
    assert support_count == 2

    # Ballots: an account's ballot stays counted.
    vote_process, (choice, *_rest) = make_vote_process(slug="daten-abstimmung")
    ballots.cast(
        process=vote_process, voter=identity.for_user(me, vote_process), choices={choice.pk: 1}
    )
    ballots_before = Ballot.objects.filter(process=vote_process).count()

    # The intranet: a past meeting (minutes kept) and a future one; a closed circulation.
    past = make_meeting(workspace, chair, days=-7)
    future = make_meeting(workspace, chair, days=7)
    Attendance.objects.create(meeting=past, user=me, status=Attendance.Status.PRESENT)
    Attendance.objects.create(meeting=future, user=me, status=Attendance.Status.EXCUSED)
    MinutesComment.objects.create(meeting=past, author=me, text="Bitte ergänzen")
    closed = Circulation.objects.create(
        workspace=workspace,
        title="Umlauf",
        text="Ja?",
        deadline=timezone.now() - timedelta(days=1),
        closed_at=timezone.now() - timedelta(hours=1),
    )
    CirculationVote.objects.create(circulation=closed, user=me, value="yes")

    # The fund: a draft, a rejected and a submitted application.
    fund_draft = in_state(fund, State.DRAFT, applicant=me, title="Entwurf Fonds")
    rejected = in_state(
        fund, State.REJECTED, applicant=me, title="Abgelehnt", email="ich@example.org"
    )
    submitted = Application.objects.get(applicant=me, state=State.SUBMITTED)

    DeletionRequest.objects.create(user=me, reason="Bitte löschen, Ihre Ich-Person")
    reauthenticate(client, me)
    assert client.get(reverse("account_request_deletion")).status_code == 200
    response = client.post(reverse("account_request_deletion"), {"confirm": "on"})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

    # The account and its login data are gone.
    assert not User.objects.filter(pk=me.pk).exists()
    assert not EmailAddress.objects.filter(email=me.email).exists()
    assert not ResidentVerification.objects.filter(user_id=me.pk).exists()
    assert not NotificationPreference.objects.filter(user_id=me.pk).exists()
    assert not DeletionRequest.objects.exists()  # its free text went with the account
    # Participation: contributions stay as "gelöschtes Konto", drafts go, counts stay.
    published.refresh_from_db()
    assert published.author is None
    assert published.support_count == support_count
    assert Support.objects.filter(proposal=published).count() == 1  # the other person's
    assert not Proposal.objects.filter(pk=draft.pk).exists()
    assert Comment.objects.filter(text="Kommentar Ich 0", author=None).exists()
    assert Ballot.objects.filter(process=vote_process).count() == ballots_before
    # Intranet: the minutes keep the name as recorded; the future is forgotten.
    kept = Attendance.objects.get(meeting=past, former_member=True)
    assert kept.user is None and kept.guest_name == "VornameIch NachnameIch"
    assert not Attendance.objects.filter(meeting=future, guest_name__contains="Ich").exists()
    assert CirculationVote.objects.get(circulation=closed).voter_name == "VornameIch NachnameIch"
    assert MinutesComment.objects.get(meeting=past).author is None
    assert ActionItem.objects.get(title="Aufgabe Ich 0").assignee is None
    assert not Membership.objects.filter(user_id=me.pk).exists()
    # Fund: drafts go; closed ones are anonymised; running ones are kept for the funder.
    assert not Application.objects.filter(pk=fund_draft.pk).exists()
    rejected.refresh_from_db()
    assert (rejected.contact_name, rejected.email) == (privacy.DELETED_ACCOUNT, "")
    submitted.refresh_from_db()
    assert submitted.applicant is None and submitted.contact_name == "Ada Antrag"
    assert ApplicationEvent.objects.filter(application=submitted, note__contains="Konto").exists()

    # The office's log: counts, no personal data.
    log = DeletionLog.objects.get()
    assert log.reason == "self"
    assert log.counts["participation.proposals_anonymised"] == 1
    assert log.counts["participation.draft_proposals_deleted"] == 1
    assert log.counts["intranet.attendance_kept_as_name"] == 1
    assert log.counts["fund.draft_applications_deleted"] == 1
    assert log.counts["accounts.user"] == 1
    logged = json.dumps(log.counts) + str(log)
    assert me.email not in logged and "Ich" not in logged and str(me.pk) not in log.counts


def test_attendance_kept_for_a_deleted_account_survives_editing_the_guests(scene):
    from intranet.services import attendance

    _process, _fund, workspace, chair = scene
    taker = add_member(workspace, role=Membership.Role.MINUTE_TAKER)
    leaving = add_member(workspace, UserFactory(first_name="Ola", last_name="Alt"))
    meeting = make_meeting(workspace, chair, days=-1)
    Attendance.objects.create(meeting=meeting, user=leaving, status="present")
    privacy.delete_account(User.objects.get(pk=leaving.pk))
    attendance.record_attendance(
        meeting=meeting, user=taker, statuses={chair.pk: "present"}, guests=["Gast Eins"]
    )
    names = set(Attendance.objects.filter(meeting=meeting).values_list("guest_name", flat=True))
    assert {"Ola Alt", "Gast Eins"} <= names


def test_deletion_log_is_read_only_in_the_admin(client, people):
    DeletionLog.objects.create(counts={"accounts.user": 1})
    client.force_login(people["admin"])
    response = client.get("/admin/deletion_log/")
    assert response.status_code == 200
    assert "accounts.user: 1" in response.content.decode()
    assert client.get("/admin/deletion_log/new/").status_code in (302, 403, 404)
    log = DeletionLog.objects.get()
    assert client.get(f"/admin/deletion_log/edit/{log.pk}/").status_code in (302, 403, 404)
    assert client.post(f"/admin/deletion_log/delete/{log.pk}/").status_code in (302, 403, 404)
    assert DeletionLog.objects.filter(pk=log.pk).exists()
    # A resident never sees it.
    client.force_login(people["resident"])
    assert client.get("/admin/deletion_log/").status_code in (302, 403)


# --- retention ----------------------------------------------------------------------------

NOW = timezone.now()


def age(queryset, days, field):
    queryset.update(**{field: NOW - timedelta(days=days)})


def test_purge_contact_and_feedback(settings):
    from wagtail.contrib.forms.models import FormSubmission

    from portal.contact.models import AccessibilityFeedback
    from portal.contact.privacy import purge_contact, purge_feedback
    from tests.portal.factories import ContactPageFactory

    page = ContactPageFactory()
    old = FormSubmission.objects.create(page=page, form_data={"email": "alt@example.org"})
    young = FormSubmission.objects.create(page=page, form_data={"email": "neu@example.org"})
    age(FormSubmission.objects.filter(pk=old.pk), 184, "submit_time")
    age(FormSubmission.objects.filter(pk=young.pk), 182, "submit_time")
    assert purge_contact(NOW) == 1
    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [young.pk]

    old = AccessibilityFeedback.objects.create(message="alt", received_at=NOW - timedelta(184))
    young = AccessibilityFeedback.objects.create(message="neu", received_at=NOW - timedelta(182))
    assert purge_feedback(NOW) == 1
    assert list(AccessibilityFeedback.objects.values_list("pk", flat=True)) == [young.pk]
    settings.CONTACT_RETENTION_DAYS = 30
    assert purge_feedback(NOW) == 1


def test_purge_draft_proposals_with_their_files(django_capture_on_commit_callbacks):
    from participation.privacy import purge_drafts

    process = make_process(slug="entwuerfe")
    author = UserFactory()
    old = make_proposal(
        process,
        author,
        state=states.DRAFT,
        attachment=ContentFile(b"alt", name="alt.txt"),
    )
    young = make_proposal(process, author, state=states.DRAFT)
    published = make_proposal(process, author)
    age(Proposal.objects.filter(pk__in=[old.pk, published.pk]), 400, "updated_at")
    storage, name = old.attachment.storage, old.attachment.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_drafts(NOW) == 1
    assert set(Proposal.objects.values_list("pk", flat=True)) == {young.pk, published.pk}
    assert not storage.exists(name)


def test_purge_fund_applications(scene, settings):
    from fund.privacy import purge_drafts, purge_funded, purge_rejected

    _process, fund, _workspace, _chair = scene
    old_draft = in_state(fund, State.DRAFT)
    young_draft = in_state(fund, State.DRAFT)
    old_rejected = in_state(fund, State.REJECTED)
    young_rejected = in_state(fund, State.REJECTED)
    old_funded = in_state(fund, State.SETTLED, email="ada@example.org", phone="0301234")
    LedgerEntry.objects.create(fund=fund, application=old_funded, kind="commit", amount=500)
    young_funded = in_state(fund, State.SETTLED, email="bea@example.org")
    age(Application.objects.filter(pk=old_draft.pk), 366, "updated_at")
    age(Application.objects.filter(pk=old_rejected.pk), 366, "updated_at")
    age(Application.objects.filter(pk=old_funded.pk), 3654, "updated_at")
    for application in (young_draft, young_rejected, young_funded):
        age(Application.objects.filter(pk=application.pk), 300, "updated_at")

    assert purge_drafts(NOW) == 1
    assert purge_rejected(NOW) == 1
    assert purge_funded(NOW) == 1
    remaining = set(Application.objects.values_list("pk", flat=True))
    assert remaining == {young_draft.pk, young_rejected.pk, old_funded.pk, young_funded.pk}
    # With entries in the books the application stays, without anyone's data.
    old_funded.refresh_from_db()
    assert (old_funded.contact_name, old_funded.email, old_funded.phone) == (
        privacy.DELETED_ACCOUNT,
        "",
        "",
    )
    assert old_funded.approved_amount == Decimal("500")
    young_funded.refresh_from_db()
    assert young_funded.email == "bea@example.org"
    assert purge_funded(NOW) == 0  # anonymised once


def test_purge_pending_notifications():
    from core.notifications.privacy import purge_pending

    user = UserFactory()
    old = PendingNotification.objects.create(user=user, kind="comment", text="alt", url="/a/")
    young = PendingNotification.objects.create(user=user, kind="comment", text="neu", url="/n/")
    age(PendingNotification.objects.filter(pk=old.pk), 91, "created_at")
    age(PendingNotification.objects.filter(pk=young.pk), 89, "created_at")
    assert purge_pending(NOW) == 1
    assert list(PendingNotification.objects.values_list("pk", flat=True)) == [young.pk]


def test_purge_orphaned_files():
    import os

    from core.files_retention import purge_orphaned_files

    process = make_process(slug="dateien")
    proposal = make_proposal(
        process, UserFactory(), attachment=ContentFile(b"bleibt", name="bleibt.txt")
    )
    storage = proposal.attachment.storage
    old_orphan = storage.save("proposals/attachments/2020/01/verwaist.txt", ContentFile(b"x"))
    young_orphan = storage.save("proposals/attachments/2020/01/frisch.txt", ContentFile(b"y"))
    old_time = (NOW - timedelta(days=31)).timestamp()
    for name in (old_orphan, proposal.attachment.name):
        os.utime(storage.path(name), (old_time, old_time))

    assert purge_orphaned_files(NOW) == 1
    assert not storage.exists(old_orphan)
    assert storage.exists(young_orphan)  # younger than FILE_RETENTION_DAYS
    assert storage.exists(proposal.attachment.name)  # still referenced


def test_purge_expired_command_and_task_run_every_purger():
    from core.tasks import purge_expired_task

    user = UserFactory()
    old = PendingNotification.objects.create(user=user, kind="comment", text="alt", url="/a/")
    age(PendingNotification.objects.filter(pk=old.pk), 91, "created_at")
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    lines = out.getvalue()
    for purger in privacy.purgers():
        assert purger.name in lines and purger.setting in lines
    assert "notifications.pending: 1 removed" in lines
    assert not PendingNotification.objects.exists()
    result = purge_expired_task.enqueue()
    assert set(result.return_value) == {p.name for p in privacy.purgers()}


def test_every_retention_setting_has_a_documented_default(settings):
    from django.conf import settings as django_settings

    documented = (django_settings.BASE_DIR / "docs" / "privacy.md").read_text(encoding="utf-8")
    for name, default in {
        "CONTACT_RETENTION_DAYS": 183,
        "DRAFT_RETENTION_DAYS": 365,
        "FILE_RETENTION_DAYS": 30,
        "REJECTED_APPLICATION_RETENTION_DAYS": 365,
        "FUND_RETENTION_DAYS": 3653,
        "BANK_DETAILS_RETENTION_DAYS": 90,
        "NOTIFICATION_RETENTION_DAYS": 90,
        "RATELIMIT_FALLBACK_RETENTION_DAYS": 1,
        "HELD_UPLOAD_HOURS": 24,
    }.items():
        assert getattr(settings, name) == default
        assert name in documented


def past_attendance_of(workspace, chair, first_name):
    person = add_member(workspace, UserFactory(first_name=first_name, last_name="Alt"))
    meeting = make_meeting(workspace, chair, days=-3, title=f"Sitzung {first_name}")
    Attendance.objects.create(meeting=meeting, user=person, status="present")
    return person, meeting


def test_office_deletion_in_the_admin_erases_first(client, people, scene):
    _process, _fund, workspace, chair = scene
    person, meeting = past_attendance_of(workspace, chair, "Uta")
    client.force_login(people["admin"])
    url = reverse("wagtailusers_users:delete", args=[person.pk])
    assert client.get(url).status_code == 200
    assert User.objects.filter(pk=person.pk).exists()  # looking is not deleting
    response = client.post(url)
    assert response.status_code == 302
    assert not User.objects.filter(pk=person.pk).exists()
    assert Attendance.objects.get(meeting=meeting, former_member=True).guest_name == "Uta Alt"
    log = DeletionLog.objects.get()
    assert log.reason == "office" and log.counts["intranet.attendance_kept_as_name"] == 1


def test_bulk_deletion_in_the_admin_erases_first(client, people, scene):
    _process, _fund, workspace, chair = scene
    first, first_meeting = past_attendance_of(workspace, chair, "Ina")
    second, second_meeting = past_attendance_of(workspace, chair, "Eva")
    client.force_login(people["admin"])
    url = (
        reverse("wagtail_bulk_action", args=["accounts", "user", "delete"])
        + f"?next=/admin/users/&id={first.pk}&id={second.pk}"
    )
    response = client.post(url)
    assert response.status_code == 302, response.content.decode()[:300]
    assert not User.objects.filter(pk__in=[first.pk, second.pk]).exists()
    names = set(Attendance.objects.filter(former_member=True).values_list("guest_name", flat=True))
    assert names == {"Ina Alt", "Eva Alt"}
    assert DeletionLog.objects.filter(reason="office").count() == 2


def test_export_lists_feedback_sent_from_verified_addresses_only():
    from portal.contact.models import AccessibilityFeedback

    user = UserFactory(email="ich@example.org")
    EmailAddress.objects.create(user=user, email="zweit@example.org", verified=False)
    AccessibilityFeedback.objects.create(message="Meine Meldung", email="ICH@example.org")
    AccessibilityFeedback.objects.create(message="Unbestätigt", email="zweit@example.org")
    AccessibilityFeedback.objects.create(message="Fremde Meldung", email="fremd@example.org")
    AccessibilityFeedback.objects.create(message="Ohne Adresse", email="")
    data, _files = privacy.collect(user)
    messages = [f["message"] for f in data["contact"]["accessibility_feedback"]]
    assert messages == ["Meine Meldung"]


def test_managers_see_the_deletion_log(client):
    from django.contrib.auth.models import Group

    from portal.editorial import MANAGERS

    manager = with_mfa(UserFactory())
    manager.groups.add(Group.objects.get(name=MANAGERS))
    client.force_login(User.objects.get(pk=manager.pk))
    assert client.get("/admin/deletion_log/").status_code == 200
