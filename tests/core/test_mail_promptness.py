"""Mails are sent promptly: the worker takes them before index updates, and what happens
while notices are muted (e.g. loading the demo) queues no mail at all."""

import pytest
from django.core import mail
from django.test import override_settings

from core.notifications import muted, notify
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=DATABASE_TASKS)
def test_the_worker_takes_mails_before_queued_index_updates():
    from django_tasks_db.models import DBTaskResult
    from wagtail.tasks import update_reference_index_task

    from core.tasks import send_email

    person = UserFactory()
    for _ in range(3):  # e.g. after an import: many index updates already waiting
        update_reference_index_task.enqueue("accounts", "user", person.pk)
    send_email.enqueue(subject="Bitte bestätigen", body="Link", recipients=["a@example.org"])
    first = DBTaskResult.objects.ready().get_locked()
    assert first.task_path == "core.tasks.send_email"


def test_muted_notices_send_nothing_even_on_commit(django_capture_on_commit_callbacks):
    person = UserFactory()
    with muted(), django_capture_on_commit_callbacks(execute=True):
        notify(person, "comments", lambda: "Neu", "https://example.org/", title="Bank")
    assert mail.outbox == []
    notify(person, "comments", lambda: "Neu", "https://example.org/", title="Bank")
    assert len(mail.outbox) == 1  # muting ends with the block


@override_settings(TASKS=DATABASE_TASKS)
def test_loading_the_demo_leaves_no_queue(monkeypatch, django_capture_on_commit_callbacks):
    """build_demo runs its whole transaction (whose commit sends notices and enqueues index
    updates) with the background work done at once and mails muted: after `make run` the
    worker has nothing waiting. (The demo's own tests load it with the immediate backend.)"""
    from django_tasks_db.models import DBTaskResult
    from wagtail.tasks import update_reference_index_task

    from core.tasks import send_email
    from demo import build

    person = UserFactory()

    def fake_build():
        update_reference_index_task.enqueue("accounts", "user", person.pk)
        send_email.enqueue(subject="Einladung", body="Hallo", recipients=["a@example.org"])
        notify(person, "comments", lambda: "Neu", "https://example.org/", title="Bank")

    monkeypatch.setattr(build, "_build_demo", fake_build)
    build.build_demo()
    assert not DBTaskResult.objects.exists()
    assert mail.outbox == []
