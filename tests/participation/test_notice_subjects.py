"""Notices name what happened and to what: one subject per kind, a notice for replies."""

import pytest
from django.core import mail
from django.core.management import call_command

from core.models import NotificationPreference, PendingNotification
from core.notifications import kinds, notify, set_frequency
from participation import services, states
from tests.portal.factories import UserFactory

from .factories import make_process, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def process():
    return make_process("during", slug="verfahren-betreffzeilen")


def test_every_registered_kind_has_its_own_subject_naming_the_object():
    """Kinds registered later by any app are held to the same rule."""
    person = UserFactory(language="de")
    subjects = {}
    for kind in kinds():
        mail.outbox.clear()
        set_frequency(person.pk, kind.key, "immediate")  # some wait for the digest by default
        notify(person, kind.key, lambda: "Text", "https://example.org/", title="Bänke am Weiher")
        (message,) = mail.outbox
        assert "Bänke am Weiher" in message.subject, kind.key
        subjects[kind.key] = message.subject
    assert {
        "state",
        "comments",
        "replies",
        "follows",
        "reports",
        "intranet",
        "intranet_tasks",
    } <= set(subjects)
    assert len(set(subjects.values())) == len(subjects), subjects


def test_decision_subject_names_proposal_and_new_state(
    process, people, django_capture_on_commit_callbacks
):
    author = UserFactory()
    proposal = make_proposal(process, author, states.SUBMITTED, title="Mehr Bäume")
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_decide(proposal=proposal, user=people["admin"], to_state=states.PUBLISHED)
    assert mail.outbox[-1].subject == "Ihr Vorschlag „Mehr Bäume“ ist jetzt: veröffentlicht"


def test_subject_is_made_in_the_recipients_language(
    process, people, django_capture_on_commit_callbacks
):
    author = UserFactory(language="en")
    proposal = make_proposal(process, author, states.SUBMITTED, title="More trees")
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_decide(proposal=proposal, user=people["admin"], to_state=states.PUBLISHED)
    subject = mail.outbox[-1].subject
    assert "More trees" in subject and "published" in subject  # the state in English


def test_reply_tells_the_comment_author_and_the_proposal_author_each_once(
    process, django_capture_on_commit_callbacks
):
    author, commenter, replier, follower = (UserFactory() for _ in range(4))
    proposal = make_proposal(process, author, title="Trinkbrunnen")
    services.follow_set(proposal=proposal, user=follower, follow=True)
    services.follow_set(proposal=proposal, user=commenter, follow=True)
    parent = services.comment_add(proposal=proposal, user=commenter, text="Wo genau?")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(proposal=proposal, user=replier, text="Am Markt", parent=parent)
    by_recipient = {}
    for message in mail.outbox:
        for address in message.to:
            by_recipient.setdefault(address, []).append(message.subject)
    assert by_recipient == {
        commenter.email: ["Neue Antwort auf Ihren Kommentar zu „Trinkbrunnen“"],
        author.email: ["Neuer Kommentar zu Ihrem Vorschlag „Trinkbrunnen“"],
        follower.email: ["Neuer Kommentar zum Vorschlag „Trinkbrunnen“"],
    }
    assert "Am Markt" in next(m.body for m in mail.outbox if m.to == [commenter.email])


def test_a_reply_to_the_authors_own_comment_is_one_reply_notice(
    process, django_capture_on_commit_callbacks
):
    author, replier = UserFactory(), UserFactory()
    proposal = make_proposal(process, author, title="Trinkbrunnen")
    parent = services.comment_add(proposal=proposal, user=author, text="Ergänzung")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(proposal=proposal, user=replier, text="Danke", parent=parent)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([author.email], "Neue Antwort auf Ihren Kommentar zu „Trinkbrunnen“")
    ]


def test_replies_have_a_preference_and_go_into_the_digest(
    process, client, django_capture_on_commit_callbacks
):
    commenter = UserFactory()
    client.force_login(commenter)
    assert "Antworten auf meine Kommentare" in client.get("/de/benachrichtigungen/").text
    choices = {kind.key: "immediate" for kind in kinds() if kind.is_offered_to(commenter)}
    client.post("/de/benachrichtigungen/", {**choices, "replies": "daily", "language": "de"})
    assert NotificationPreference.objects.get(user=commenter, kind="replies").frequency == "daily"
    proposal = make_proposal(process, UserFactory(), title="Sitzbank")
    parent = services.comment_add(proposal=proposal, user=commenter, text="Gut")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(
            proposal=proposal, user=UserFactory(), text="Finde ich auch", parent=parent
        )
    assert not [m for m in mail.outbox if commenter.email in m.to]
    assert PendingNotification.objects.get(user=commenter).kind == "replies"
    call_command("send_digests")
    (digest,) = [m for m in mail.outbox if commenter.email in m.to]
    assert "Sitzbank" in digest.body
