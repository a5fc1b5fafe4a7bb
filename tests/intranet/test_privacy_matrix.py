"""Nothing private reaches someone who may not see it: every role × every kind of content,
by URL, search, activity, calendar, PDF export and OParl. Each case states the exact answer:
anonymous visitors are sent to the login, others are refused (403) or not told the thing
exists (404), and the content shows only where it is allowed (200)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, Page

from intranet.extraction import extract_text
from intranet.models import BodiesPage, IntranetIndexPage
from intranet.services import meetings, minutes
from intranet.services.workspaces import INTRANET_GROUP, ROOT_COLLECTION
from tests.portal.factories import UserFactory, with_mfa

from .factories import (
    add_member,
    intranet,
    make_meeting,
    make_workspace,
    office_editor,
    public_bodies,
    synchronise_language_trees,
    upload,
    write_minutes,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "resident", "member_a", "member_b", "chair_a", "office", "admin"]
LOGIN = 302  # anonymous visitors: Wagtail's page or collection privacy sends them to log in


def _committed_world():
    """Workspace A (public page, public minutes) with a draft and a published meeting and a
    document, and workspace B; one person per role."""
    a = make_workspace("matrix-a", title="Matrix A", show_public_page=True, public_minutes=True)
    b = make_workspace("matrix-b", title="Matrix B")
    people = {
        "resident": UserFactory(),
        "member_a": add_member(a),
        "member_b": add_member(b),
        "chair_a": add_member(a, role="chair"),
        "office": office_editor(),
        "admin": with_mfa(UserFactory(is_superuser=True, is_staff=True)),
    }
    chair = people["chair_a"]
    draft = make_meeting(a, chair, days=-3, title="Sitzung Entwurfszeit", items=["Geheimer Punkt"])
    write_minutes(draft.items.get(), chair, "ZZENTWURFZZ vertraulich")
    done = make_meeting(
        a, chair, days=-30, title="Sitzung Freigabezeit", items=["Öffentlicher Punkt"], public=True
    )
    write_minutes(done.items.get(), chair, "ZZINTERNZZ mit Namen", "ZZOEFFENTLICHZZ ohne Namen")
    hidden = meetings.add_item(meeting=done, user=chair, title="ZZNICHTOEFFENTLICHZZ", public=False)
    write_minutes(hidden, chair, "intern")
    minutes.circulate_minutes(meeting=done, user=chair)
    minutes.approve_minutes(meeting=done, user=chair, at_meeting=None)
    minutes.publish_minutes(meeting=done, user=chair)
    minutes.publish_public_minutes(meeting=done, user=chair)
    document = upload(a, chair, name="zzdokumentzz-liste.txt", content=b"ZZDOKUMENTZZ Inhalt")
    extract_text.call(document.pk)
    elsewhere = make_meeting(b, people["office"], title="ZZSITZUNGBZZ", items=())
    return {
        "a": a,
        "b": b,
        "people": people,
        "draft": draft,
        "done": done,
        "document": document,
        "elsewhere": elsewhere,
    }


def _remove(world, made_index, made_bodies):
    """Everything the committed world made, so that later tests see an empty site again."""
    world["document"].delete()
    for workspace in (world["a"], world["b"]):
        workspace.refresh_from_db()
        groups = [workspace.group, workspace.editors_group]
        collection = Collection.objects.get(pk=workspace.collection_id)
        workspace.delete()
        collection.delete()
        for group in groups:
            group.delete()
    for person in world["people"].values():
        person.delete()
    if made_index:
        IntranetIndexPage.objects.get(locale__language_code="de").delete()
        Collection.objects.get(name=ROOT_COLLECTION).delete()
        Group.objects.filter(name=INTRANET_GROUP).delete()
    if made_bodies:
        BodiesPage.objects.get(locale__language_code="de").delete()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        made_index = not IntranetIndexPage.objects.exists()
        made_bodies = not BodiesPage.objects.exists()
        intranet()
        public_bodies()
        world = _committed_world()
    yield world
    with django_db_blocker.unblock():
        _remove(world, made_index, made_bodies)


def client_for(world, role):
    client = Client()
    if role != "anonymous":
        person = world["people"][role]
        client.force_login(type(person).objects.get(pk=person.pk))
    return client


def expected(members=200, member_a=None, resident=403, member_b=403, chair_a=None):
    """The status per role: `members` for member_a, chair_a, office and admin unless given
    on their own; the others are refused by page or collection privacy."""
    return {
        "anonymous": LOGIN,
        "resident": resident,
        "member_a": members if member_a is None else member_a,
        "member_b": member_b,
        "chair_a": members if chair_a is None else chair_a,
        "office": members,
        "admin": members,
    }


MEMBERS_OF_A = {"member_a", "chair_a", "office", "admin"}
MINUTE_WRITERS = {"chair_a", "office", "admin"}


def _meeting(key, *action):
    def url(world):
        pk = world[key].pk
        if action:
            return world["a"].route_url("meeting_action", pk, *action)
        return world["a"].route_url("meeting", pk)

    return url


# name: (its address in the world, a token shown only to those who may see it, who may see
# it, the status per role)
TARGETS = {
    "workspace page": (lambda w: w["a"].url, "Matrix A", MEMBERS_OF_A, expected()),
    "meeting page": (_meeting("done"), "Sitzung Freigabezeit", MEMBERS_OF_A, expected()),
    # member_a sees the meeting page, which says the draft is still being written.
    "draft minutes": (_meeting("draft"), "ZZENTWURFZZ", MINUTE_WRITERS, expected()),
    "draft minutes pdf": (
        _meeting("draft", "protokoll-pdf"),
        "%PDF",
        MINUTE_WRITERS,
        expected(member_a=403),
    ),
    "approved minutes": (_meeting("done"), "ZZINTERNZZ", MEMBERS_OF_A, expected()),
    "approved minutes pdf": (
        _meeting("done", "protokoll-pdf"),
        "%PDF",
        MEMBERS_OF_A,
        expected(),
    ),
    "public minutes": (
        lambda w: f"/de/gremien/matrix-a/sitzungen/{w['done'].pk}/",
        "ZZOEFFENTLICHZZ",
        set(ROLES),
        dict.fromkeys(ROLES, 200),
    ),
    "document download": (lambda w: w["document"].url, "ZZDOKUMENTZZ", MEMBERS_OF_A, expected()),
    "version download": (
        lambda w: w["a"].route_url("document_version", w["document"].pk, 1),
        "ZZDOKUMENTZZ",
        MEMBERS_OF_A,
        expected(),
    ),
    # member_b may use the intranet: their own search and activity, without A's hits.
    "search": (
        lambda w: "/de/intranet/suche/?q=zzdokumentzz",
        "zzdokumentzz-liste",
        MEMBERS_OF_A,
        expected(member_b=200),
    ),
    "activity": (
        lambda w: "/de/intranet/aktivitaet/",
        "Sitzung Freigabezeit",
        MEMBERS_OF_A,
        expected(member_b=200),
    ),
    "workspace activity": (
        lambda w: w["a"].route_url("activity"),
        "Sitzung Freigabezeit",
        MEMBERS_OF_A,
        expected(),
    ),
    "icalendar": (_meeting("done", "kalender"), "BEGIN:VCALENDAR", MEMBERS_OF_A, expected()),
    # B's meeting under A's address: A's members are not told it exists.
    "other body's meeting": (_meeting("elsewhere"), "ZZSITZUNGBZZ", set(), expected(members=404)),
    "members": (
        lambda w: w["a"].route_url("members"),
        "Aktuelle Mitglieder",
        MEMBERS_OF_A,
        expected(),
    ),
    "meeting archive": (
        lambda w: w["a"].route_url("meetings"),
        "Sitzung Freigabezeit",
        MEMBERS_OF_A,
        expected(),
    ),
    "new task outside a meeting": (
        lambda w: w["a"].route_url("task_new"),
        "Gäste übernehmen keine",
        MINUTE_WRITERS,
        expected(member_a=403),
    ),
    "documents": (
        lambda w: w["a"].route_url("documents"),
        "zzdokumentzz-liste",
        MEMBERS_OF_A,
        expected(),
    ),
}


def body_of(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target", list(TARGETS))
def test_matrix(world, db, role, target):
    url, token, allowed, statuses = TARGETS[target]
    response = client_for(world, role).get(url(world))
    text = body_of(response)
    assert response.status_code == statuses[role], (target, role, response.status_code)
    assert (token in text) is (role in allowed), (target, role)
    if response.status_code == LOGIN:
        assert response["Location"].startswith(reverse("account_login")), (target, role)


def test_oparl_has_public_items_only(world, db):
    data = Client().get("/oparl/bodies/quartier/meetings/").json()
    text = str(data)
    assert "Sitzung Freigabezeit" in text and "ZZNICHTOEFFENTLICHZZ" not in text
    assert "Sitzung Entwurfszeit" not in text and "ZZINTERNZZ" not in text
    assert "ZZSITZUNGBZZ" not in text
    meeting = next(m for m in data["data"] if "Freigabezeit" in m["name"])
    assert meeting["type"] == "https://schema.oparl.org/1.1/Meeting"
    assert meeting["agendaItem"][0]["type"] == "https://schema.oparl.org/1.1/AgendaItem"
    done = world["done"]
    assert meeting["id"] == f"http://testserver/oparl/meetings/{done.pk}/"
    assert meeting["web"] == f"http://testserver/de/gremien/matrix-a/sitzungen/{done.pk}/"
    assert meeting["organization"] == [f"http://testserver/oparl/organizations/{world['a'].pk}/"]
    # Every role sees the same open data: none of it depends on who asks.
    for role in ROLES:
        assert client_for(world, role).get("/oparl/bodies/quartier/meetings/").json() == data
    # Nobody is named: no member of the matrix agreed to appear in public.
    assert Client().get("/oparl/bodies/quartier/people/").json()["data"] == []
    for kind in ("agenda-items", "papers", "files", "memberships", "organizations"):
        listed = str(Client().get(f"/oparl/bodies/quartier/{kind}/").json())
        for secret in ("ZZNICHTOEFFENTLICHZZ", "ZZINTERNZZ", "ZZENTWURFZZ", "Matrix B"):
            assert secret not in listed, (kind, secret)


def test_public_search_never_shows_intranet_pages(world, db):
    for lang in ("de", "en"):
        page = Client().get(f"/{lang}/suche/?q=Matrix").content.decode()
        assert "Matrix A" not in page and "Matrix B" not in page


def test_other_language_aliases_send_to_the_german_page():
    """wagtail-localize keeps aliases of the workspaces in every language tree; they never
    render: Wagtail's privacy (copied to the alias) answers first, and whoever passes it is
    sent to the German page, whose privacy then applies."""
    german = make_workspace("vertraulich", title="Vertraulicher Kreis")
    german.description = "<p>Vertraulicher Austausch</p>"
    german.save_revision().publish()
    outsider = add_member(make_workspace("anderer-kreis"))
    synchronise_language_trees()
    alias = Page.objects.get(alias_of=german, locale__language_code="en")
    clients = {"anonymous": Client(), "member of another body": Client(), "admin": Client()}
    clients["member of another body"].force_login(outsider)
    clients["admin"].force_login(with_mfa(UserFactory(is_superuser=True, is_staff=True)))
    answers = {"anonymous": 302, "member of another body": 403, "admin": 301}
    for who, client in clients.items():
        response = client.get(alias.url)
        assert response.status_code == answers[who], who
        assert "Vertraulicher Austausch" not in response.content.decode(), who
    assert clients["admin"].get(alias.url)["Location"] == german.url
