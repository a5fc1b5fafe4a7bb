"""The intranet's pages stay within fixed query budgets as meetings, documents and tasks grow,
and the public pages of the bodies show what is public only."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from intranet.services import documents

from .factories import intranet, make_meeting, make_task, public_bodies, world

pytestmark = pytest.mark.django_db


def grow(workspace, people, rounds):
    for number in range(rounds):
        meeting = make_meeting(
            workspace, people["chair"], days=number - rounds // 2, title=f"Sitzung {number}"
        )
        make_task(
            workspace,
            people["chair"],
            people["m1"],
            title=f"Aufgabe {number}",
            item=meeting.items.first(),
        )
        documents.upload(
            workspace=workspace,
            user=people["m1"],
            files=[ContentFile(b"x", name=f"doc{number}.txt")],
        )


@pytest.mark.parametrize("path", ["dashboard", "workspace", "tasks", "activity", "members"])
def test_query_budget_is_constant(django_assert_max_num_queries, path):
    workspace, people = world(f"budget-{path}")
    client = Client()
    client.force_login(people["m1"])
    url = {
        "dashboard": "/de/intranet/",
        "workspace": workspace.url,
        "tasks": "/de/intranet/aufgaben/",
        "activity": "/de/intranet/aktivitaet/",
        "members": workspace.url + "mitglieder/",
    }[path]
    grow(workspace, people, 2)
    client.get(url)  # warm caches
    # Wagtail's routing and privacy checks are about 20 of these; the footer's office texts in
    # the visitor's language one; the rest is the page's own.
    budget = {"dashboard": 34, "workspace": 42, "tasks": 32, "activity": 32, "members": 38}[path]
    with django_assert_max_num_queries(budget) as small:
        assert client.get(url).status_code == 200
    grow(workspace, people, 12)
    with django_assert_max_num_queries(budget) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_dashboard_shows_my_workspaces_meetings_tasks_and_activity():
    workspace, people = world("dash")
    meeting = make_meeting(workspace, people["chair"], days=3, title="Zukunftswerkstatt")
    make_task(
        workspace,
        people["chair"],
        people["m1"],
        title="Saal buchen",
        due=timezone.localdate() - timedelta(days=1),
        item=meeting.items.first(),
    )
    client = Client()
    client.force_login(people["m1"])
    page = client.get("/de/intranet/").content.decode()
    assert workspace.title in page and "Zukunftswerkstatt" in page
    assert "Saal buchen" in page and "überfällig" in page


def test_people_without_membership_are_told_what_the_intranet_is():
    from django.urls import reverse

    from tests.portal.factories import UserFactory

    intranet()
    client = Client()
    client.force_login(UserFactory())
    response = client.get("/de/intranet/")
    # The entry page's privacy (intranet users and the office) answers before the view.
    assert response.status_code == 403
    assert "Dieser Bereich ist nur für seine Mitglieder." in response.content.decode()
    anonymous = Client().get("/de/intranet/")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))


def test_header_links_members_to_the_intranet():
    workspace, people = world("header")
    client = Client()
    client.force_login(people["m1"])
    assert 'href="/de/intranet/"' in client.get("/de/").content.decode()


def test_public_body_page_lists_public_meetings_without_names():
    public_bodies()
    workspace, people = world("public-body")
    workspace.show_public_page = True
    workspace.public_summary = "<p>Wir kümmern uns um den Park.</p>"
    workspace.save()
    make_meeting(workspace, people["chair"], days=5, title="Offene Runde", public=True)
    make_meeting(workspace, people["chair"], days=6, title="Interne Runde")
    page = Client().get(f"/de/gremien/{workspace.slug}/").content.decode()
    assert "Wir kümmern uns um den Park." in page and "Offene Runde" in page
    assert "Interne Runde" not in page
    assert people["chair"].email not in page
    hidden, _ = world("private-body")
    assert Client().get(f"/de/gremien/{hidden.slug}/").status_code == 404


def test_meeting_page_queries_do_not_grow_with_the_agenda(django_assert_max_num_queries):
    workspace, people = world("budget-meeting")
    small = make_meeting(workspace, people["chair"], items=("A", "B"), title="Klein")
    large = make_meeting(workspace, people["chair"], items=tuple("ABCDEFGH"), title="Groß")
    client = Client()
    client.force_login(people["taker"])  # sees every form: minutes, decisions, tasks, quorum
    client.get(workspace.url + f"sitzungen/{small.pk}/")  # warm caches
    with django_assert_max_num_queries(60) as few:
        assert client.get(workspace.url + f"sitzungen/{small.pk}/").status_code == 200
    with django_assert_max_num_queries(60) as many:
        assert client.get(workspace.url + f"sitzungen/{large.pk}/").status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def test_header_links_to_the_intranet_only_for_its_users(client):
    """The intranet adds its header link through the portal's `quartier_account_links` hook."""
    from tests.portal.factories import UserFactory

    workspace, people = world("header")
    client.force_login(people["m1"])
    body = client.get("/de/").content.decode()
    assert f'href="{workspace.get_parent().url}" lang="de">Intranet</a>' in body
    client.force_login(UserFactory())
    assert ">Intranet</a>" not in client.get("/de/").content.decode()
