"""Query counts of the shared layout stay constant as content grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal.models import ContentPage, HomePage

from .factories import small_site

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(module_db):
    return small_site()


def queries(client, path):
    client.get(path)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("path", "limit", "status"),
    [
        # The footer's office texts in the visitor's language (portal.OfficeTexts) cost one
        # query, and on PostgreSQL a translated page one more for its locale.
        ("/de/", 24, 200),
        ("/ar/", 26, 200),
        ("/de/ueber-uns/", 18, 200),
        ("/tr/ueber-uns/", 23, 200),
        ("/en/x/", 16, 404),
    ],
)
def test_page_query_budget(client, site, django_assert_max_num_queries, path, limit, status):
    client.get(path)
    with django_assert_max_num_queries(limit):
        response = client.get(path)
    assert response.status_code == status


def test_queries_do_not_grow_with_menu_entries(client, site):
    before = queries(client, "/de/ueber-uns/")
    home = HomePage.objects.get(locale__language_code="de")
    for number in range(6):
        page = ContentPage(title=f"Bereich {number}", slug=f"bereich-{number}", show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    assert Page.objects.child_of(home).in_menu().count() >= 8
    assert queries(client, "/de/ueber-uns/") == before
