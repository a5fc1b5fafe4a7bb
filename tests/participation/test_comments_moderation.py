from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.models import ModelLogEntry

from participation import rules, services, states
from participation.models import Comment, Report
from tests.portal.factories import UserFactory

from .factories import make_process, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def process():
    return make_process("during", slug="verfahren-kommentare")


@pytest.fixture
def proposal(process):
    return make_proposal(process, UserFactory())


def moderator():
    user = UserFactory()
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="participation", codename="moderate_proposal"
        )
    )
    return user


def test_comment_and_one_level_of_replies(client, process, proposal):
    user = UserFactory()
    client.force_login(user)
    url = process.url + f"vorschlaege/{proposal.pk}/kommentieren/"
    client.post(url, {"text": "Gute Idee!"})
    first = Comment.objects.get()
    client.post(url, {"text": "Finde ich auch.", "parent": first.pk})
    reply = Comment.objects.exclude(pk=first.pk).get()
    assert reply.parent == first
    response = client.post(url, {"text": "Antwort auf Antwort", "parent": reply.pk})
    assert response.status_code == 403
    assert Comment.objects.count() == 2
    body = client.get(process.url + f"vorschlaege/{proposal.pk}/").content.decode()
    assert "Gute Idee!" in body and "Finde ich auch." in body


def test_comment_text_is_escaped(client, process, proposal):
    client.force_login(UserFactory())
    client.post(
        process.url + f"vorschlaege/{proposal.pk}/kommentieren/",
        {"text": "<b>fett</b><script>x()</script>"},
    )
    body = client.get(process.url + f"vorschlaege/{proposal.pk}/").content.decode()
    assert "&lt;script&gt;x()&lt;/script&gt;" in body
    assert "<script>x()</script>" not in body


def test_comment_edit_window(process, proposal):
    author = UserFactory()
    comment = services.comment_add(proposal=proposal, user=author, text="Erst so")
    assert rules.can_edit_comment(author, comment)
    later = timezone.now() + timedelta(minutes=process.comment_edit_minutes + 1)
    assert not rules.can_edit_comment(author, comment, moment=later)
    assert not rules.can_edit_comment(UserFactory(), comment)


def test_only_staff_answer_officially(client, process, proposal, people):
    resident = UserFactory()
    with pytest.raises(services.NotAllowed):
        services.comment_add(proposal=proposal, user=resident, text="x", official=True)
    answer = services.comment_add(
        proposal=proposal, user=people["admin"], text="Wir prüfen das.", official=True
    )
    assert answer.official
    body = client.get(process.url + f"vorschlaege/{proposal.pk}/").content.decode()
    assert "Antwort des Stadtteilbüros" in body


def test_reports_hide_automatically_at_the_limit(process, proposal):
    comment = services.comment_add(proposal=proposal, user=UserFactory(), text="Unfreundlich")
    for _ in range(process.reports_to_hide - 1):
        services.report_add(target=comment, user=UserFactory(), reason="beleidigend")
    comment.refresh_from_db()
    assert not comment.hidden
    reporter = UserFactory()
    services.report_add(target=comment, user=reporter, reason="beleidigend")
    assert services.report_add(target=comment, user=reporter, reason="nochmal") is False
    comment.refresh_from_db()
    assert comment.hidden
    assert Report.objects.filter(comment=comment).count() == process.reports_to_hide
    assert ModelLogEntry.objects.filter(action="participation.hide").exists()


def test_own_content_cannot_be_reported_or_moderated(proposal):
    mod = moderator()
    own = services.comment_add(proposal=proposal, user=mod, text="Meine Meinung")
    assert not rules.can_report(mod, own)
    assert not rules.can_moderate(mod, own)
    with pytest.raises(services.NotAllowed):
        services.moderate(target=own, user=mod, hide=True, reason="x")


def test_moderation_hides_with_public_reason_and_is_logged(client, process, proposal):
    mod = moderator()
    comment = services.comment_add(
        proposal=proposal, user=UserFactory(), text="Telefonnummer 0000 1"
    )
    services.report_add(target=comment, user=UserFactory(), reason="persönliche Daten")
    services.moderate(target=comment, user=mod, hide=True, reason="Enthielt persönliche Daten.")
    comment.refresh_from_db()
    assert comment.hidden and comment.reports.filter(resolved=False).count() == 0
    body = client.get(process.url + f"vorschlaege/{proposal.pk}/").content.decode()
    assert "Enthielt persönliche Daten." in body
    assert "Telefonnummer 0000 1" not in body
    entry = ModelLogEntry.objects.filter(action="participation.hide").latest("timestamp")
    assert entry.user_id == mod.pk
    services.moderate(target=comment, user=mod, hide=False)
    assert ModelLogEntry.objects.filter(action="participation.restore").exists()


def test_hidden_proposal_shows_reason_and_leaves_the_list(client, process, proposal):
    services.moderate(target=proposal, user=moderator(), hide=True, reason="Werbung")
    assert proposal.title not in client.get(process.url).content.decode()
    body = client.get(process.url + f"vorschlaege/{proposal.pk}/").content.decode()
    assert "Werbung" in body
    assert proposal.description not in body


def test_blocked_people_cannot_take_part(process, proposal):
    person = UserFactory()
    services.block_user(person=person, user=moderator(), reason="wiederholt beleidigend")
    assert not rules.can_comment(person, proposal)
    assert not rules.can_submit(person, process)
    assert not rules.can_support(person, proposal)
    assert ModelLogEntry.objects.filter(action="participation.block").exists()


def test_nobody_blocks_themselves():
    mod = moderator()
    assert not rules.can_block(mod, mod)
    assert not rules.can_block(UserFactory(), UserFactory())


def test_moderation_queue_in_admin(client, people, proposal):
    services.report_add(target=proposal, user=UserFactory(), reason="Spam")
    client.force_login(people["admin"])
    response = client.get("/admin/snippets/participation/proposal/")
    assert response.status_code == 200
    assert proposal.title in response.content.decode()
    assert client.get("/admin/snippets/participation/comment/").status_code == 200
    assert client.get("/admin/snippets/participation/block/").status_code == 200


def test_admin_moderation_form_refuses_own_content(client, people, process):
    own = make_proposal(process, people["admin"], states.PUBLISHED, title="Eigener Vorschlag")
    client.force_login(people["admin"])
    response = client.post(
        f"/admin/snippets/participation/proposal/edit/{own.pk}/",
        {"hidden": "on", "hidden_reason": "Test"},
    )
    own.refresh_from_db()
    assert not own.hidden
    assert response.status_code == 200


def test_report_form_flow(client, process, proposal):
    client.force_login(UserFactory())
    url = process.url + f"vorschlaege/{proposal.pk}/melden/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and not Report.objects.exists()
    client.post(url, {"reason": "Werbung für ein Geschäft"})
    assert Report.objects.get().proposal == proposal
    assert client.get(url + "?kommentar=abc").status_code == 404
