import pytest
from django.core import mail
from django.core.management import call_command

from core.models import NotificationPreference, PendingNotification
from core.notifications import unsubscribe_url
from participation import services, states
from tests.portal.factories import UserFactory

from .factories import make_process, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def process():
    return make_process("during", slug="verfahren-nachrichten")


def test_author_is_told_about_decisions_in_their_language(
    process, people, django_capture_on_commit_callbacks
):
    author = UserFactory(language="en")
    proposal = make_proposal(process, author, states.SUBMITTED, title="More trees")
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_decide(proposal=proposal, user=people["admin"], to_state=states.PUBLISHED)
    message = mail.outbox[-1]
    assert message.to == [author.email]
    assert "More trees" in message.body
    assert "published" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/en/benachrichtigungen/abbestellen/" in message.extra_headers["List-Unsubscribe"]


def test_followers_and_author_hear_about_comments(process, django_capture_on_commit_callbacks):
    author, follower, writer = UserFactory(), UserFactory(), UserFactory()
    proposal = make_proposal(process, author)
    services.follow_set(proposal=proposal, user=follower, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(proposal=proposal, user=writer, text="Gute Idee")
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([author.email, follower.email])


def test_nobody_is_told_about_their_own_action(process, django_capture_on_commit_callbacks):
    author = UserFactory()
    proposal = make_proposal(process, author)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(proposal=proposal, user=author, text="Nachtrag")
    assert mail.outbox == []


def test_daily_digest_collects_and_sends_once(process, people, django_capture_on_commit_callbacks):
    author = UserFactory()
    NotificationPreference.objects.create(user=author, kind="comments", frequency="daily")
    proposal = make_proposal(process, author)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(proposal=proposal, user=UserFactory(), text="Eins")
        services.comment_add(proposal=proposal, user=UserFactory(), text="Zwei")
    assert mail.outbox == []
    assert PendingNotification.objects.filter(user=author).count() == 2
    call_command("send_digests")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].body.count(proposal.title) == 2
    call_command("send_digests")
    assert len(mail.outbox) == 1


def test_none_means_none(process, django_capture_on_commit_callbacks):
    author = UserFactory()
    NotificationPreference.objects.create(user=author, kind="comments", frequency="none")
    proposal = make_proposal(process, author)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(proposal=proposal, user=UserFactory(), text="Hallo")
    assert mail.outbox == []


def test_moderators_hear_about_reports(process, people, django_capture_on_commit_callbacks):
    proposal = make_proposal(process, UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.report_add(target=proposal, user=UserFactory(), reason="Spam")
    assert people["admin"].email in [address for m in mail.outbox for address in m.to]


def test_one_click_unsubscribe(client):
    user = UserFactory()
    url = (
        unsubscribe_url(user, "comments")
        .split("testserver")[-1]
        .replace("http://127.0.0.1:8000", "")
    )
    page = client.get(url)
    assert page.status_code == 200
    assert not NotificationPreference.objects.filter(user=user).exists()  # GET changes nothing
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=user, kind="comments").frequency == "none"


def test_tampered_unsubscribe_link(client):
    response = client.post("/de/benachrichtigungen/abbestellen/gefaelscht/")
    assert response.status_code == 400


def test_preferences_page(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/de/benachrichtigungen/").status_code == 200
    client.post(
        "/de/benachrichtigungen/",
        {"state": "immediate", "comments": "daily", "follows": "none", "language": "tr"},
    )
    user.refresh_from_db()
    assert user.language == "tr"
    assert NotificationPreference.objects.get(user=user, kind="comments").frequency == "daily"
