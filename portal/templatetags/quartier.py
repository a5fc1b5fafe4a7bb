from django import template
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page

from portal.languages import all_languages, html_lang
from portal.restrictions import visible

register = template.Library()


@register.filter
def machine_time(value):
    """A date or datetime for `<time datetime>`: ISO 8601 in the current time zone, to the
    second (valid HTML: no microseconds); a date stays a date."""
    from datetime import datetime

    from django.utils import timezone

    if not value:
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.filter
def bcp47(code):
    """Language code as HTML and hreflang want it ("de-ls" -> "de-x-ls")."""
    return html_lang(code)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: where the same page lives in that language.

    For a Wagtail page this is its translation (or the alias that shows the German
    original until a translation exists); for other views it is the same URL with
    another language prefix. One query for all languages, once per request (the head's
    alternates and the language switcher both ask).
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    key = (page.pk if isinstance(page, Page) else None, current)
    cached = getattr(request, "_quartier_language_links", None)
    if cached is None or cached[0] != key:
        cached = (key, _language_links(request, page, current))
        request._quartier_language_links = cached
    return cached[1]


def _language_links(request, page, current):
    """A language whose version of the page the visitor may not see links to that
    language's home page (never to the restricted page, nor to its address)."""
    by_locale = {}
    if isinstance(page, Page):
        for other in visible(
            Page.objects.filter(translation_key=page.translation_key).live(), request
        ).select_related("locale"):
            by_locale[other.locale.language_code] = other
    sub_path = _sub_path(request, page) if isinstance(page, Page) else ""
    query = request.META.get("QUERY_STRING", "")
    links = []
    for language in all_languages():
        target = by_locale.get(language.code)
        if target is not None:
            path = target.get_url(request)
            path = path + sub_path if path else path
            url = f"{path}?{query}" if path and query else path
            translated = target.alias_of_id is None
        elif isinstance(page, Page):
            with translation.override(language.code):
                path = url = reverse("wagtail_serve", args=[""])
            translated = False
        else:
            url = translate_url(request.get_full_path(), language.code)
            path = translate_url(request.path, language.code)
            translated = page is None
        links.append(
            {
                "language": language,
                # `url` keeps the visitor's filters and page number (the switcher);
                # `path` is the (sub-)page without them (canonical, hreflang).
                "url": url,
                "path": path,
                "is_current": language.code == current,
                "translated": translated,
            }
        )
    return links


def _sub_path(request, page):
    """The part of the address below the page itself ("vorschlaege/12/", "ergebnisse/") when
    a routable page serves one of its sub-pages; the same route exists in every language."""
    own = page.get_url(request)
    if own and request.path.startswith(own) and own.endswith("/"):
        return request.path[len(own) :]
    return ""


def _origin(request):
    """scheme://host of the request, or "" when the host is not allowed (a 400 page for a
    forged Host header must still render, without absolute links)."""
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return ""


@register.simple_tag(takes_context=True)
def site_origin(context):
    return _origin(context["request"])


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute address search engines should index for this page: the page (and its
    sub-page) in this language; an untranslated copy (alias) names the German original."""
    request = context["request"]
    page = context.get("page")
    base = _origin(request)
    if not base:
        return ""
    if not isinstance(page, Page):
        return base + request.path
    links = language_links(context)
    current = translation.get_language()
    own = next((link for link in links if link["language"].code == current), None)
    if own is not None and not own["translated"] and own["path"]:
        german = next((link for link in links if link["language"].code == "de"), None)
        if german is not None and german["translated"] and german["path"]:
            return base + german["path"]
    return base + request.path


def localized_home(request):
    """The site's home page in the visitor's language (or its German original), or None;
    looked up once per request and language."""
    current = translation.get_language()
    cached = getattr(request, "_quartier_home", None)
    if cached is None or cached[0] != current:
        from wagtail.models import Site

        site = Site.find_for_request(request)
        cached = (current, site.root_page.localized if site is not None else None)
        request._quartier_home = cached
    return cached[1]


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages of the visitor's home page that are marked "show in menus"."""
    request = context["request"]
    home = localized_home(request)
    if home is None:
        return []
    current = context.get("page")
    items = []
    children = visible(home.get_children().live().in_menu(), request).select_related(
        "locale", "alias_of__locale"
    )
    for child in children:
        active = isinstance(current, Page) and (
            current.pk == child.pk or current.path.startswith(child.path)
        )
        language = (child.alias_of or child).locale.language_code
        items.append(
            {
                "page": child,
                "url": child.get_url(request),
                "active": active,
                "lang": html_lang(language),
            }
        )
    return items


@register.simple_tag(takes_context=True)
def home_url(context):
    home = localized_home(context["request"])
    if home is None:
        return "/"
    return home.get_url(context["request"]) or "/"


@register.simple_tag(takes_context=True)
def fields_of(context, page):
    """A page's fields of action in the visitor's language (uses prefetched relations)."""
    from portal.taxonomy.selectors import labels_for

    return labels_for(context["request"], page.fields_of_action.all())


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """Ancestors of the current page below the site root, in the visitor's tree."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    request = context["request"]
    from django.utils.translation import gettext

    return [
        {
            "title": gettext("Startseite") if ancestor.depth == 2 else ancestor.title,
            "url": ancestor.get_url(request),
        }
        for ancestor in page.get_ancestors().filter(depth__gte=2)
    ]


@register.simple_tag
def field_options(fields):
    """(slug, name) pairs of fields of action for a filter <select>."""
    return [(field.slug, field.name) for field in fields]


@register.simple_tag
def month_options(months):
    """("2026-12", "Dezember 2026") pairs for a filter <select>, names in the active language."""
    from django.utils.formats import date_format

    return [(month.strftime("%Y-%m"), date_format(month, "F Y")) for month in months]


@register.simple_tag(takes_context=True)
def account_links(context):
    """Links for the signed-in person in the header, added by the apps through the Wagtail
    hook `quartier_account_links` (each hook takes the request and returns a list of dicts
    with `url`, `label` and optionally `lang`, or nothing)."""
    from wagtail import hooks

    request = context["request"]
    links = []
    for hook in hooks.get_hooks("quartier_account_links"):
        links.extend(hook(request) or [])
    return links
