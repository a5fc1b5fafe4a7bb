"""One breadcrumb trail per page: a template that writes its own trail (a sub-page) empties
the base's, and every page kind renders exactly one `nav` labelled "Sie sind hier"."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page

from tests.portal.factories import UserFactory, small_site

from .factories import make_process, make_proposal

pytestmark = pytest.mark.django_db
TRAIL = re.compile(r'<nav class="breadcrumbs" aria-label="Sie sind hier">')


def test_every_template_with_its_own_trail_empties_the_base_trail():
    """The class of mistake behind two trails on sub-pages, for all templates at once."""
    root = Path(settings.BASE_DIR) / "templates"
    offenders = []
    for template in root.rglob("*.html"):
        text = template.read_text()
        own_trail = 'class="breadcrumbs"' in text or "includes/breadcrumbs.html" in text
        if template.name == "breadcrumbs.html" or template.name == "base.html" or not own_trail:
            continue
        if "{% extends" in text and "{% block breadcrumbs %}{% endblock %}" not in text:
            offenders.append(str(template.relative_to(root)))
    assert offenders == []


def test_every_page_kind_and_sub_page_has_exactly_one_trail(client):
    small_site()
    process = make_process(slug="trail")
    proposal = make_proposal(process, UserFactory())
    client.force_login(UserFactory())
    urls = [
        page.url
        for page in Page.objects.live().filter(depth__gt=2, locale__language_code="de").specific()
        if page.url
    ]
    urls += [
        f"{process.url}vorschlaege/{proposal.pk}/",
        f"{process.url}vorschlaege/neu/",
        f"{process.url}ergebnisse/",
        f"{process.url}?seite=1",
    ]
    assert len(urls) >= 12
    checked = 0
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        body = response.content.decode()
        assert len(TRAIL.findall(body)) == 1, url
        assert body.count('aria-label="Sie sind hier"') == 1, url
        checked += 1
    assert checked >= 10
    assert not TRAIL.search(client.get("/de/").content.decode())  # the home page has none
