"""Documents (upload, folders, versions, text extraction, search), tasks and reminders,
decisions by circulation, and group membership kept in sync with terms."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from core.refusals import NotAllowed, Refused
from demo.pdf import simple_pdf
from intranet.extraction import extract_text, text_of
from intranet.models import DocumentText, Membership
from intranet.services import circulation, documents, tasks, workspaces
from tests.markers import requires_postgres

from .factories import add_member, make_task, world

pytestmark = pytest.mark.django_db


def docx(text):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def odt(text):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            f"<office:body><office:text><text:p>{text}</text:p></office:text></office:body>"
            "</office:document-content>",
        )
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,data,expected",
    [
        ("protokoll.pdf", simple_pdf("Kiezputz", "Treffpunkt Weidenring"), "Weidenring"),
        ("einladung.docx", docx("Sommerfest am Lindenplatz"), "Sommerfest"),
        ("liste.odt", odt("Spielplatzpaten gesucht"), "Spielplatzpaten"),
        ("notiz.txt", "Grüße aus dem Büro".encode(), "Grüße"),
        ("bild.png", b"\x89PNG", ""),
    ],
)
def test_text_extraction(name, data, expected):
    text = text_of(name, data)
    assert expected in text if expected else text == ""


def test_broken_file_keeps_an_error_and_nothing_breaks():
    workspace, people = world("broken")
    (document,) = documents.upload(
        workspace=workspace,
        user=people["m1"],
        files=[ContentFile(b"%PDF-1.4 kaputt", name="kaputt.pdf")],
    )
    extract_text.call(document.pk)
    record = DocumentText.objects.get(document=document)
    assert record.text == "" and record.error


def test_upload_checks_every_file_first_and_stores_nothing_on_error():
    workspace, people = world("upload")
    good = ContentFile(b"gut", name="gut.txt")
    bad = ContentFile(b"MZ", name="programm.exe")
    with pytest.raises(Refused, match="programm.exe"):
        documents.upload(workspace=workspace, user=people["m1"], files=[good, bad])
    from wagtail.documents import get_document_model

    assert (
        not get_document_model()
        .objects.filter(collection__path__startswith=workspace.collection.path)
        .exists()
    )
    with pytest.raises(NotAllowed):
        documents.upload(workspace=workspace, user=people["guest"], files=[good])


def test_versions_keep_the_old_files():
    workspace, people = world("versions")
    (document,) = documents.upload(
        workspace=workspace,
        user=people["m1"],
        files=[ContentFile(b"Fassung eins", name="plan.txt")],
    )
    documents.add_version(
        workspace=workspace,
        user=people["m2"],
        document=document,
        upload_file=ContentFile(b"Fassung zwei", name="plan.txt"),
        note="Termine ergaenzt",
    )
    extract_text.call(document.pk)  # the worker's job after the commit
    client = Client()
    client.force_login(people["m3"])
    first = client.get(workspace.url + f"dokumente/{document.pk}/version/1/")
    second = client.get(workspace.url + f"dokumente/{document.pk}/version/2/")
    assert b"".join(first.streaming_content) == b"Fassung eins"
    assert b"".join(second.streaming_content) == b"Fassung zwei"
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        assert handle.read() == b"Fassung zwei"
    assert DocumentText.objects.get(document=document).text == "Fassung zwei"
    page = client.get(workspace.url + f"dokumente/{document.pk}/").content.decode()
    assert "Termine ergaenzt" in page and "Version 2 herunterladen" in page
    # The workspace's own folder is named as in the folder list, not by its internal name.
    assert "Alle Ablagen" in page and f"(#{workspace.pk})" not in page


def test_folders_and_multi_file_upload_through_the_page():
    workspace, people = world("folders")
    client = Client()
    client.force_login(people["m1"])
    url = workspace.url + "dokumente/"
    response = client.post(
        url, {"folder-name": "Protokolle", "folder-parent": workspace.collection.pk}
    )
    assert response.status_code == 302
    from wagtail.models import Collection

    root = Collection.objects.get(pk=workspace.collection_id)  # fresh: it has a child now
    folder = root.get_children().get(name="Protokolle")
    response = client.post(
        url,
        {
            "up-folder": folder.pk,
            "up-files": [
                SimpleUploadedFile("a.txt", b"eins"),
                SimpleUploadedFile("b.txt", b"zwei"),
            ],
        },
    )
    assert response.status_code == 302
    listing = client.get(url + f"?ordner={folder.pk}").content.decode()
    assert "a</a>" in listing and "b</a>" in listing
    refused = client.post(
        url, {"up-folder": folder.pk, "up-files": [SimpleUploadedFile("x.exe", b"MZ")]}
    )
    assert refused.status_code == 400 and "nicht erlaubt" in refused.content.decode()
    other, _ = world("folders-other")
    foreign = client.post(
        url, {"up-folder": other.collection.pk, "up-files": [SimpleUploadedFile("c.txt", b"x")]}
    )
    assert foreign.status_code == 400


def test_search_finds_text_only_where_the_person_may_read():
    workspace, people = world("search")
    other, other_people = world("search-other")
    (found,) = documents.upload(
        workspace=workspace,
        user=people["m1"],
        files=[ContentFile("Quartiersfrühstück geplant".encode(), name="q.txt")],
    )
    extract_text.call(found.pk)
    mine = Client()
    mine.force_login(people["m2"])
    theirs = Client()
    theirs.force_login(other_people["m1"])
    assert "q</a>" in mine.get("/de/intranet/suche/?q=Quartiersfrühstück").content.decode()
    assert "q</a>" not in theirs.get("/de/intranet/suche/?q=Quartiersfrühstück").content.decode()


@requires_postgres
@pytest.mark.postgres
def test_full_text_search_finds_word_forms_on_postgres():
    workspace, people = world("fts")
    (found,) = documents.upload(
        workspace=workspace,
        user=people["m1"],
        files=[ContentFile("Die Spielplätze werden erneuert".encode(), name="bericht.txt")],
    )
    extract_text.call(found.pk)
    client = Client()
    client.force_login(people["m2"])
    assert "bericht</a>" in client.get("/de/intranet/suche/?q=Spielplatz").content.decode()


def test_tasks_marked_done_by_assignee_or_chair_only():
    workspace, people = world("task-rights")
    task = make_task(workspace, people["chair"], people["m1"], title="Flyer drucken")
    with pytest.raises(NotAllowed):
        tasks.set_done(task=task, user=people["m2"])
    tasks.set_done(task=task, user=people["m1"])
    task.refresh_from_db()
    assert task.status == "done" and task.done_at
    client = Client()
    client.force_login(people["m1"])
    page = client.get("/de/intranet/aufgaben/").content.decode()
    assert "Flyer drucken" in page and "wieder öffnen" in page


def test_reminders_once_and_never_to_former_members():
    workspace, people = world("remind")
    today = timezone.localdate()
    chair = people["chair"]
    soon = make_task(
        workspace, chair, people["m1"], title="Raum buchen", due=today + timedelta(days=1)
    )
    later = make_task(
        workspace, chair, people["m2"], title="Später", due=today + timedelta(days=20)
    )
    gone = make_task(workspace, chair, people["m3"], title="Ehemalig", due=today)
    Membership.objects.filter(workspace=workspace, user=people["m3"]).update(
        end=timezone.localdate() - timedelta(days=1)
    )
    ours = {person.email for person in people.values()}
    mail.outbox.clear()
    tasks.send_reminders()
    reminders = [m for m in mail.outbox if m.to[0] in ours]
    assert [m.to for m in reminders] == [[people["m1"].email]]
    assert "Raum buchen" in reminders[0].subject
    mail.outbox.clear()
    tasks.send_reminders()
    assert not [m for m in mail.outbox if m.to[0] in ours]
    later.refresh_from_db()
    soon.refresh_from_db()
    assert later.reminded_at is None and soon.reminded_at is not None and gone.pk


def test_circulation_records_a_decision_after_the_deadline():
    workspace, people = world("circ")
    workspace.allows_circulation = True
    workspace.save()
    deadline = timezone.now() + timedelta(days=2)
    running = circulation.start(
        workspace=workspace,
        user=people["chair"],
        title="Budget",
        text="Wir geben 200 Euro frei.",
        deadline=deadline,
    )
    for key, value in (("chair", "yes"), ("taker", "yes"), ("m1", "no")):
        circulation.vote(circulation=running, user=people[key], value=value)
    circulation.vote(circulation=running, user=people["m2"], value="yes", conflict=True)
    with pytest.raises(NotAllowed):
        circulation.vote(circulation=running, user=people["guest"], value="yes")
    assert circulation.close(running) is None  # before the deadline nothing happens
    decision = circulation.close(running, moment=deadline + timedelta(minutes=1))
    assert (decision.yes, decision.no, decision.abstain) == (2, 1, 0)
    assert decision.eligible == 4 and decision.present == 3 and decision.carried
    assert circulation.close(running, moment=deadline + timedelta(hours=1)).pk == decision.pk
    running.refresh_from_db()
    with pytest.raises(NotAllowed):
        circulation.vote(circulation=running, user=people["m3"], value="yes")


def test_circulation_without_quorum_fails_and_is_not_allowed_everywhere():
    workspace, people = world("circ-quorum")
    with pytest.raises(NotAllowed):
        circulation.start(
            workspace=workspace,
            user=people["chair"],
            title="X",
            text="Y",
            deadline=timezone.now() + timedelta(days=1),
        )
    workspace.allows_circulation = True
    workspace.save()
    deadline = timezone.now() + timedelta(days=1)
    running = circulation.start(
        workspace=workspace, user=people["chair"], title="Wenig", text="Y", deadline=deadline
    )
    circulation.vote(circulation=running, user=people["m1"], value="yes")
    decision = circulation.close(running, moment=deadline)
    assert decision.quorate is False and decision.carried is False


def test_groups_follow_membership_and_terms():
    workspace, people = world("sync")
    person = people["m1"]
    assert person.groups.filter(pk=workspace.group_id).exists()
    assert person.groups.filter(name=workspaces.INTRANET_GROUP).exists()
    Membership.objects.filter(workspace=workspace, user=person).update(
        end=timezone.localdate() - timedelta(days=1)
    )
    workspaces.sync_everyone()
    assert not person.groups.filter(pk=workspace.group_id).exists()
    assert not person.groups.filter(name=workspaces.INTRANET_GROUP).exists()
    editor = add_member(workspace, editor=True)
    assert editor.groups.filter(pk=workspace.editors_group_id).exists()
    assert editor.has_perm("wagtailadmin.access_admin")


def test_resident_majority_is_shown():
    workspace, people = world("seats")  # 5 voting, 2 residents
    workspace.resident_majority_required = True
    workspace.save()
    client = Client()
    client.force_login(people["m1"])
    page = client.get(workspace.url + "mitglieder/").content.decode()
    assert "2 von 5 Stimmen" in page and "Mehrheit der Bewohner*innen fehlt" in page


def test_chair_adds_and_ends_memberships_from_the_front_end():
    from tests.portal.factories import UserFactory

    workspace, people = world("manage")
    newcomer = UserFactory()
    chair = Client()
    chair.force_login(people["chair"])
    url = workspace.url + "mitglieder/"
    bad = chair.post(
        url,
        {
            "member-email": "niemand@example.org",
            "member-role": "member",
            "member-start": timezone.localdate().isoformat(),
        },
    )
    assert bad.status_code == 400 and "kein Konto" in bad.content.decode()
    assert 'value="niemand@example.org"' in bad.content.decode()
    ok = chair.post(
        url,
        {
            "member-email": newcomer.email,
            "member-role": "guest",
            "member-start": timezone.localdate().isoformat(),
        },
    )
    assert ok.status_code == 302
    membership = Membership.objects.get(workspace=workspace, user=newcomer)
    assert membership.role == "guest" and not membership.voting
    chair.post(url, {"end": membership.pk})
    membership.refresh_from_db()
    assert membership.end == timezone.localdate()
    member = Client()
    member.force_login(people["m1"])
    assert member.post(url, {"end": membership.pk}).status_code == 403
