"""Editors work in the Wagtail admin: every page type's editor and the new screens open."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from .factories import (
    AccessibilityStatementPageFactory,
    ContactPageFactory,
    ContentPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    OrganisationPageFactory,
    ProjectPageFactory,
    running_process,
)

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "portal.homepage",
    "portal.contentpage",
    "news.newsindexpage",
    "news.newsarticlepage",
    "events.eventindexpage",
    "events.eventpage",
    "directory.organisationindexpage",
    "directory.organisationpage",
    "projects.projectindexpage",
    "projects.projectpage",
    "contact.contactpage",
    "contact.accessibilitystatementpage",
    "participation.processpage",
]


@pytest.fixture(scope="module")
def pages(module_db):
    """A page of every type (the index pages come with the pages they list)."""
    ContentPageFactory()
    NewsArticlePageFactory()
    EventPageFactory()
    OrganisationPageFactory()
    ProjectPageFactory()
    ContactPageFactory()
    AccessibilityStatementPageFactory()
    running_process("Ideen für den Lindenplatz")


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_editor_opens(client, people, pages, page_type):
    app_label, model = page_type.split(".")
    content_type = ContentType.objects.get(app_label=app_label, model=model)
    page = Page.objects.filter(content_type=content_type, locale__language_code="de").first()
    client.force_login(people["admin"])
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "w-form-width" in response.content.decode() or "<form" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/snippets/taxonomy/fieldofaction/",
        "/admin/accessibility_feedback/",
        "/admin/deletion_requests/",
        "/admin/deletion_log/",
        "/admin/settings/portal/officesettings/",
        "/admin/workflows/list/",
        "/admin/locales/",
    ],
)
def test_admin_screens_open(client, people, path):
    client.force_login(people["admin"])
    response = client.get(path, follow=True)
    assert response.status_code == 200, path


def test_editor_sees_accessibility_checker_in_userbar(client, people):
    client.force_login(people["admin"])
    body = client.get("/de/").content.decode()
    assert "w-userbar" in body
    assert "checker-trigger" in body  # Wagtail's accessibility checker (axe) stays on


@pytest.mark.parametrize(
    "path",
    [
        "/admin/documents/chooser/chosen/abc/",
        "/admin/images/chooser/abc/select_format/",
        "/admin/snippets/taxonomy/fieldofaction/chooser/chosen/abc/",
    ],
)
def test_admin_lookup_with_a_non_numeric_id_is_not_found(client, people, path):
    """Wagtail's chooser views pass the path segment straight to the database; a word where
    an id belongs is a missing page (core.middleware.BadLookupIs404Middleware), not a 500."""
    client.force_login(people["admin"])
    response = client.get(path)
    assert response.status_code == 404, path
