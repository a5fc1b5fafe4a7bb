"""The object store is down (nothing listens at its address): uploads are refused with a
clear message, what was typed comes back, and nothing is half-written (no row names a file
that is not stored). The whole-stack version is phase 3 of `make cluster-test`."""

import socket

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from wagtail.documents import get_document_model

from core.files import s3_storages
from core.refusals import StorageUnavailable
from participation.models import Proposal
from tests.intranet.factories import world
from tests.participation.factories import make_process
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

MESSAGE = "weil die Dateiablage nicht erreichbar ist"


@pytest.fixture
def store_down(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: connections are refused
    dead = s3_storages(
        endpoint_url=f"http://127.0.0.1:{port}",
        access_key="k",
        secret_key="s",
        region="us-east-1",
        private_bucket="quartier-private",
        public_bucket="quartier-public",
    )
    with override_settings(STORAGES={**settings.STORAGES, **dead}, MEDIA_STORAGE="s3"):
        yield


def test_saving_raises_storage_unavailable(store_down):
    for name in ("default", "public"):
        with pytest.raises(StorageUnavailable) as refused:
            storages[name].save("probe.txt", ContentFile(b"x"))
        assert MESSAGE in refused.value.message


def test_a_proposal_with_attachment_is_refused_and_kept(store_down):
    process = make_process("during", slug="verfahren-ablage-weg")
    client = Client()
    client.force_login(UserFactory())
    response = client.post(
        process.url + "vorschlaege/neu/",
        {
            "title": "Trinkbrunnen am Lindenplatz",
            "description": "Im Sommer fehlt Wasser.",
            "place": "Lindenplatz",
            "requested_budget": "900",
            "language": "de",
            "attachment": SimpleUploadedFile("Plan.pdf", b"%PDF-1.4 Plan"),
            "submit": "1",
        },
    )
    assert response.status_code == 503
    body = response.content.decode()
    assert MESSAGE in body
    assert 'value="Trinkbrunnen am Lindenplatz"' in body
    assert "Im Sommer fehlt Wasser." in body
    assert not Proposal.objects.filter(process=process).exists()


def test_an_intranet_upload_is_refused_and_nothing_is_stored(store_down):
    workspace, people = world("ablage-weg")
    client = Client()
    client.force_login(people["m1"])
    before = get_document_model().objects.count()
    response = client.post(
        workspace.url + "dokumente/",
        {
            "up-folder": workspace.collection_id,
            "up-files": [SimpleUploadedFile("protokoll.txt", b"Inhalt")],
        },
    )
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert get_document_model().objects.count() == before


def test_a_storage_outage_no_view_caught_is_explained_with_503(rf):
    from core.refusals import RefusalMiddleware

    request = rf.get("/de/")
    response = RefusalMiddleware(lambda r: None).process_exception(request, StorageUnavailable())
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert MESSAGE in response.content.decode()


def test_reading_and_deleting_while_the_store_is_down_is_a_refusal_not_a_crash(store_down):
    from core.s3 import UNREACHABLE

    for call in (
        lambda s: s.open("private/probe.txt"),
        lambda s: s.delete("private/probe.txt"),
        lambda s: s.exists("private/probe.txt"),
        lambda s: s.size("private/probe.txt"),
    ):
        with pytest.raises(StorageUnavailable) as refused:
            call(storages["default"])
        assert refused.value.message == UNREACHABLE


def test_a_publication_during_an_outage_stands_and_its_files_move_later(
    settings, django_capture_on_commit_callbacks
):
    """The proposal is hidden while the store is down: the state change is committed and
    confirmed; moving its (public) files back to the private store is retried by the task
    worker a minute later, and done once the store is back."""
    from django_tasks import task_backends

    from core.files import FILE_SYNC_RETRY_SECONDS, is_public_name, make_public
    from participation import services
    from tests.participation.factories import make_proposal

    process = make_process("during", slug="verfahren-spaeter-verschieben")
    proposal = make_proposal(
        process,
        UserFactory(),
        attachment=SimpleUploadedFile("Plan.pdf", b"%PDF-1.4 Plan"),
    )
    make_public(proposal, "attachment")
    assert is_public_name(proposal.attachment.name)

    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dead = s3_storages(
        endpoint_url=f"http://127.0.0.1:{port}",
        access_key="k",
        secret_key="s",
        region="us-east-1",
        private_bucket="quartier-private",
        public_bucket="quartier-public",
    )
    with override_settings(TASKS=dummy, STORAGES={**settings.STORAGES, **dead}, MEDIA_STORAGE="s3"):
        backend = task_backends["default"]
        backend.clear()
        with django_capture_on_commit_callbacks(execute=True):
            proposal.hidden = True
            proposal.save(update_fields=["hidden"])
            services._sync_files_on_commit(proposal)
        assert Proposal.objects.get(pk=proposal.pk).hidden
        (later,) = [r for r in backend.results if r.task.name == "sync_files_later"]
        assert later.args == ["participation.services.sync_files", proposal.pk, 1]
        assert later.task.run_after is not None
        waited = (later.task.run_after - later.enqueued_at).total_seconds()
        assert FILE_SYNC_RETRY_SECONDS - 5 <= waited <= FILE_SYNC_RETRY_SECONDS + 5

    # The store is back (the test settings' own storage): the retry moves the file.
    from core.tasks import sync_files_later

    assert sync_files_later.call(*later.args) is True
    proposal.refresh_from_db()
    assert not is_public_name(proposal.attachment.name)


def test_a_move_whose_old_copy_cannot_be_deleted_points_back_to_it(monkeypatch):
    """Hiding moves a public file to the private store. If the public copy cannot be
    deleted, the row keeps naming it (no public orphan nobody knows of), the new copy is
    dropped, and the refusal lets the whole move be tried again later."""
    from core.files import PublishableStorage, is_public_name, make_private, make_public
    from tests.participation.factories import make_proposal

    process = make_process("during", slug="verfahren-halber-umzug")
    proposal = make_proposal(
        process, UserFactory(), attachment=SimpleUploadedFile("Plan.pdf", b"%PDF-1.4 Plan")
    )
    make_public(proposal, "attachment")
    public_name = proposal.attachment.name
    storage = proposal.attachment.storage
    real_delete = PublishableStorage.delete
    private = storages["default"]
    folder = "proposals/attachments"
    names_before = set(private.listdir(folder)[1]) if private.exists(folder) else set()

    def refusing_delete(self, name):
        if name == public_name:
            raise StorageUnavailable()
        return real_delete(self, name)

    monkeypatch.setattr(PublishableStorage, "delete", refusing_delete)
    with pytest.raises(StorageUnavailable):
        make_private(proposal, "attachment")
    proposal.refresh_from_db()
    assert proposal.attachment.name == public_name and is_public_name(public_name)
    assert storage.exists(public_name)
    assert set(private.listdir(folder)[1]) == names_before  # the private copy was dropped again

    monkeypatch.setattr(PublishableStorage, "delete", real_delete)
    assert make_private(proposal, "attachment") is True
    proposal.refresh_from_db()
    assert not is_public_name(proposal.attachment.name)
    assert not storage.exists(public_name)
