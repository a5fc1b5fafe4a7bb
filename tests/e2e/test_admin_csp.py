"""The Wagtail admin works under its Content-Security-Policy (portal/settings/base.py,
CONTENT_SECURITY_POLICY_ADMIN): no screen and no common editing step is blocked by it.

With QUARTIER_CSP_PROBE set, the screens are instead opened under a policy without any
'unsafe-inline' and what it blocks is printed: the list in docs/operations.md
("Content-Security-Policy of the admin") comes from that run."""

import os

import pytest
from django.conf import settings
from django.test import Client, override_settings

from .world import administrator

pytestmark = [pytest.mark.e2e]

STRICT = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; "
    "form-action 'self'; base-uri 'self'; object-src 'none'"
)
PROBE = bool(os.environ.get("QUARTIER_CSP_PROBE"))
COLLECT = r"""
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(
  [e.effectiveDirective, e.blockedURI, (e.sample || '').slice(0, 60).replace(/\s+/g, ' ')]
    .join(' | ')));
"""


def with_samples(policy):
    """The policy, with violation reports carrying the start of what was blocked."""
    for directive in ("script-src", "style-src", "script-src-attr", "style-src-attr"):
        policy = policy.replace(f"{directive} ", f"{directive} 'report-sample' ", 1)
    return policy


def admin_paths():
    from wagtail.images.models import Image
    from wagtail.models import Site

    from participation.models import ProcessPage
    from portal.events.models import EventPage
    from portal.models import HomePage
    from portal.news.models import NewsIndexPage

    home = HomePage.objects.first()
    paths = ["/admin/", "/admin/pages/", f"/admin/pages/{home.pk}/edit/"]
    for model in (NewsIndexPage, EventPage, ProcessPage):
        obj = model.objects.first()
        if obj is not None:
            paths.append(f"/admin/pages/{obj.pk}/edit/")
    image = Image.objects.first()
    if image is not None:
        paths.append(f"/admin/images/{image.pk}/")
    site = Site.objects.get(is_default_site=True)
    return [
        *paths,
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        "/admin/reports/site-history/",
        f"/admin/settings/portal/officesettings/{site.pk}/",
    ]


def interact(page):
    """What editors do on an edit screen: add an inline item and a block, open the side
    panels and a chooser. Returns how many of these steps were possible."""
    steps = 0
    for selector in [
        "[id$='-ADD']",
        "button.c-sf-add-button",
        "[data-side-panel-toggle]",
        "[data-chooser-action-choose]",
    ]:
        for element in page.locator(selector).all()[:2]:
            if element.is_visible():
                element.click()
                page.wait_for_timeout(1000)
                page.keyboard.press("Escape")
                steps += 1
    return steps


def test_admin_screens_work_under_the_admin_policy(
    browser, site, db_access, portal_world, process_world
):
    admin = administrator("e2e.csp.admin@example.org")
    client = Client()
    client.force_login(admin)
    context = browser.new_context(locale="de-DE")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site.url}]
    )
    context.add_init_script(COLLECT)
    page = context.new_page()
    policy = with_samples(STRICT if PROBE else settings.CONTENT_SECURITY_POLICY_ADMIN)
    found, steps = {}, 0
    with override_settings(CONTENT_SECURITY_POLICY_ADMIN=policy):
        for path in admin_paths():
            response = page.goto(site.url + path)
            assert response.status == 200, path
            assert response.headers["content-security-policy"] == policy
            page.wait_for_timeout(500)
            if path.endswith("/edit/") or "/settings/" in path:
                steps += interact(page)
            found[path] = sorted(set(page.evaluate("window.__csp")))
    context.close()
    if PROBE:
        for path, violations in found.items():
            print(path, *violations, sep="\n    ")
        print("steps", steps)
        return
    assert steps >= 8, "the editing steps could not be tried"
    assert {path: v for path, v in found.items() if v} == {}
