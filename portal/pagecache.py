"""Full-page cache for anonymous visitors, Cache-Control headers, and purging (the app's
cache and Varnish through Wagtail's frontend cache). See docs/operations.md, "Caching".

**What is cached.** A Wagtail page (also a routable sub-page: proposal lists and details,
news, events) answered to an anonymous GET with status 200, as HTML or XML, when nothing in
the answer is personal: no cookie set (a CSRF form sets the CSRF cookie, so every page with
a POST form stays uncached), no CSRF token used, no `Cache-Control: private/no-cache/
no-store` from the view, no view restriction on the page, `Vary` only on `Cookie` (we serve
only requests without a session) and `HX-Request` (part of the key). A request is
anonymous when it carries no session cookie, no messages cookie and no Authorization
header: the check needs no database.

**Key.** Scheme and host (as the request names them), full path with query string, the language (of
the URL prefix) and the HX-Request header. The entry remembers the generation number it
was made under; `purge_all()` sets a new generation, so every older entry counts as a miss
(one cache read `get_many([generation, entry])` per request: a hit costs at most one query
with the database cache and none with Redis). A Redis outage is a miss (core.cache).

**When purged.** After the transaction commits: a page published, unpublished, moved,
saved or deleted; a snippet, a site setting or another model named in PAGECACHE_PURGE_MODELS
saved or deleted; a view restriction changed. The app's cache is purged as a whole (pages
show each other's titles in menus, lists and breadcrumbs); Varnish (VARNISH_PURGE_URLS)
gets a PURGE of the page's URLs, its parent's and its home page's, or a BAN of the host for
snippets, settings, and pages in the menu.

**Headers.** A cacheable answer gets `Cache-Control: public, max-age=PAGECACHE_MAX_AGE,
s-maxage=PAGECACHE_S_MAXAGE` and `X-Cache: miss` or `hit`; every other answer without its
own Cache-Control gets `private, no-cache` (and `X-Cache: pass` for GET/HEAD).
"""

import functools
import logging
import time
import uuid
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_vary_headers
from django.utils.translation import get_language_from_path
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
ENTRY_PREFIX = "pagecache:entry:"
# Vary values we can honour: Cookie (only requests without a session are served from the
# cache) and HX-Request (part of the key).
KEYED_VARY = {"cookie", "hx-request"}
CACHEABLE_TYPES = ("text/html", "application/xml", "text/xml", "application/rss+xml")
# Headers of the stored answer that belong to one request and are not replayed on a hit.
NOT_REPLAYED = {"x-request-id", "set-cookie", "date", "age", "x-cache"}


def enabled():
    return getattr(settings, "PAGECACHE_ENABLED", False)


def cache_control_public():
    return f"public, max-age={settings.PAGECACHE_MAX_AGE}, s-maxage={settings.PAGECACHE_S_MAXAGE}"


# --- request side -----------------------------------------------------------------------


def is_anonymous_request(request):
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def entry_key(request):
    path = request.get_full_path()
    language = get_language_from_path(request.path_info) or "-"
    htmx = request.headers.get("HX-Request", "")
    return f"{ENTRY_PREFIX}{request.scheme}://{request.get_host()}|{language}|{htmx}|{path}"


def current_generation(entry=None):
    """(generation, entry) from one cache read; a missing generation gets a new one."""
    keys = [GENERATION_KEY] if entry is None else [GENERATION_KEY, entry]
    found = cache.get_many(keys)
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY) or generation
        return generation, None
    return generation, found.get(entry) if entry else None


def purge_all():
    """Every cached page becomes a miss (a new generation number)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


# --- response side ----------------------------------------------------------------------


def mark_page(request, page):
    """Called for every page Wagtail serves (before_serve_page): the answer may be cached
    unless the page (or an ancestor) has a view restriction."""
    request._pagecache_page = page
    if getattr(request, "_pagecache_candidate", False) and page.get_view_restrictions():
        request._pagecache_private = True


def cacheable(request, response):
    if not getattr(request, "_pagecache_page", None) or getattr(
        request, "_pagecache_private", False
    ):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or "X-Accel-Redirect" in response:
        return False
    if not response.get("Content-Type", "").startswith(CACHEABLE_TYPES):
        return False
    control = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if control & {"private", "no-cache", "no-store"}:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part}
    return vary <= KEYED_VARY


def store(key, generation, response):
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in NOT_REPLAYED
    ]
    entry = {
        "generation": generation,
        "status": response.status_code,
        "headers": headers,
        "content": response.content,
        "stored": time.time(),
    }
    cache.set(key, entry, settings.PAGECACHE_SECONDS)


def replay(request, entry):
    content = b"" if request.method == "HEAD" else entry["content"]
    response = HttpResponse(content, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    if request.method == "HEAD":
        response["Content-Length"] = str(len(entry["content"]))
    response["Age"] = str(max(0, int(time.time() - entry["stored"])))
    response["X-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """Serves and stores anonymous answers of public pages (placed before the session,
    locale and CSRF middleware: a hit touches neither the session nor the database)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Anonymous answers may be public (Cache-Control for Varnish) even with the app's
        # cache turned off; they are stored and served only with it on.
        anonymous = request.method in ("GET", "HEAD") and is_anonymous_request(request)
        use_cache = anonymous and enabled()
        key = generation = None
        if anonymous:
            request._pagecache_candidate = True
        if use_cache:
            key = entry_key(request)
            generation, entry = current_generation(key)
            if entry and entry.get("generation") == generation:
                return replay(request, entry)

        response = self.get_response(request)

        if anonymous and request.method == "GET" and cacheable(request, response):
            patch_vary_headers(response, ["Cookie"])
            if "Cache-Control" not in response:
                response["Cache-Control"] = cache_control_public()
            if use_cache:
                store(key, generation, response)
                response["X-Cache"] = "miss"
            return response
        if "Cache-Control" not in response:
            response["Cache-Control"] = "private, no-cache"
        if request.method in ("GET", "HEAD") and enabled():
            response["X-Cache"] = "pass"
        return response


# --- purging ------------------------------------------------------------------------------


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP frontend-cache backend with a timeout, and BAN for a whole host or
    a path prefix (deploy/varnish/quartier.vcl: PURGE = this path with any query string,
    BAN = every URL below this path on this host)."""

    TIMEOUT = 5

    def _send(self, method, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        target = urlunsplit([self.cache_scheme, self.cache_netloc, parts.path or "/", "", ""])
        request = Request(target, method=method, headers={"Host": host})
        try:
            with urlopen(request, timeout=self.TIMEOUT):
                pass
        except HTTPError as error:
            logger.error("Varnish refused %s %s: %s %s", method, url, error.code, error.reason)
        except (URLError, OSError) as error:
            logger.error("Varnish unreachable for %s %s: %s", method, url, error)

    def purge(self, url):
        self._send("PURGE", url)

    def ban(self, url):
        self._send("BAN", url)


def varnish_backends():
    from wagtail.contrib.frontend_cache.utils import get_backends

    return list(get_backends().values())


def site_urls():
    from wagtail.models import Site

    return {site.root_url + "/" for site in Site.objects.all()}


def page_purge_urls(page):
    """The URLs that show ``page`` in a list: the page itself, its parent and the home
    page of its language (each with any query string, by the VCL)."""
    page = page.specific_deferred
    candidates = [page, page.get_parent()]
    site = page.get_site()
    if site is not None:
        home = site.root_page
        if home.locale_id != page.locale_id:
            home = home.get_translation_or_none(page.locale) or home
        candidates.append(home)
    urls = set()
    for candidate in candidates:
        url = candidate.get_full_url() if candidate is not None else None
        if url:
            urls.add(url)
    return urls


def page_needs_ban(page):
    """Pages whose title shows on every page (menu) or that have sub-pages of their own
    (routable pages: proposals, news, events) are banned below their URL."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    return page.show_in_menus or isinstance(page.specific_deferred, RoutablePageMixin)


def _purge_varnish_page(page):
    backends = varnish_backends()
    if not backends:
        return
    urls = page_purge_urls(page)
    bans = set()
    if page.show_in_menus:
        bans |= site_urls()
    elif page_needs_ban(page):
        url = page.get_full_url()
        if url:
            bans.add(url)
    for backend in backends:
        for url in sorted(urls):
            backend.purge(url)
        for url in sorted(bans):
            backend.ban(url)


def _ban_varnish_sites():
    backends = varnish_backends()
    if not backends:
        return
    urls = site_urls()
    for backend in backends:
        for url in sorted(urls):
            backend.ban(url)


def _after_commit(function):
    transaction.on_commit(function, robust=True)


def page_changed(sender, instance, **kwargs):
    """page_published / page_unpublished / post_page_move / deletion of a page."""
    _after_commit(purge_all)
    _after_commit(lambda: _purge_varnish_page(instance))


def page_saved(sender, instance, raw=False, **kwargs):
    from wagtail.models import Page

    if raw or not isinstance(instance, Page):
        return
    _after_commit(purge_all)


def content_changed(sender, instance=None, raw=False, **kwargs):
    """A snippet, a setting or a listed model: the whole site."""
    if raw or sender not in purge_models():
        return
    _after_commit(purge_all)
    _after_commit(_ban_varnish_sites)


@functools.cache
def purge_models():
    """Snippets, site and generic settings, and the models PAGECACHE_PURGE_MODELS names."""
    from django.apps import apps
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    models = set(get_snippet_models())
    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting | BaseGenericSetting):
            models.add(model)
    for label in getattr(settings, "PAGECACHE_PURGE_MODELS", []):
        try:
            models.add(apps.get_model(label))
        except LookupError:
            logger.warning("PAGECACHE_PURGE_MODELS names an unknown model: %s", label)
    return models


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(page_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(page_changed, dispatch_uid="pagecache_moved")
    # Pages are saved and deleted as their specific class: listen to every sender.
    post_save.connect(page_saved, dispatch_uid="pagecache_page_saved")

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page) and instance.live:
            page_changed(sender, instance)

    post_delete.connect(page_deleted, dispatch_uid="pagecache_page_deleted", weak=False)
    # Snippets are registered after the apps are ready: every sender, checked when saved.
    post_save.connect(content_changed, dispatch_uid="pagecache_content_saved")
    post_delete.connect(content_changed, dispatch_uid="pagecache_content_deleted")
