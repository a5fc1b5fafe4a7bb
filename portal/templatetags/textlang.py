"""Marking text whose language differs from the page's, with bidi isolation.

German fallback inside an English page gets `lang="de"`; inside Arabic also `dir="ltr"`,
so "Sommerfest 2026?" keeps its question mark at the end. Titles, user content and names
are isolated with `<bdi>` in right-to-left pages, so their punctuation cannot jump into the
surrounding text.

    {% load textlang %}
    <article {% lang_attrs content_language %}>…</article>
    {% page_title page %}                  a page's title, marked when it is German fallback
    {{ proposal.title|in_lang:"de" }}      any text in a known language
    {{ comment.author_name|isolate }}      a name or text of unknown language
"""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from portal.languages import SOURCE_LANGUAGE, html_lang

register = template.Library()


def _is_bidi(code):
    return (code or "").split("-")[0] in settings.LANGUAGES_BIDI


def lang_attributes(code):
    """' lang="de" dir="ltr"'-style attributes (without the leading space) for text in
    `code`; dir only where the text's direction differs from the page's."""
    if not code:
        return ""
    attrs = f'lang="{html_lang(code)}"'
    text_rtl = _is_bidi(code)
    if text_rtl != translation.get_language_bidi():
        attrs += f' dir="{"rtl" if text_rtl else "ltr"}"'
    return attrs


def mark(text, code=None):
    """`text` escaped; wrapped in <bdi> with its language when that differs from the page's
    language, or (unmarked) in <bdi> when the page is right-to-left."""
    text = "" if text is None else text
    current = translation.get_language() or settings.LANGUAGE_CODE
    if code and code != current:
        return format_html("<bdi {}>{}</bdi>", mark_safe(lang_attributes(code)), text)
    if translation.get_language_bidi():
        return format_html("<bdi>{}</bdi>", text)
    return conditional_escape(text)


@register.simple_tag
def lang_attrs(code):
    """`lang` (and `dir` where needed) for an element holding text in `code`; nothing
    when the language is unknown."""
    return mark_safe(lang_attributes(code))


@register.filter
def in_lang(text, code):
    return mark(text, code)


@register.filter
def isolate(text):
    """A name or a text of unknown language, isolated in its own direction."""
    if text in (None, ""):
        return ""
    return format_html('<bdi dir="auto">{}</bdi>', text)


def _locale_codes(request):
    """{locale id: language code}, once per request."""
    from wagtail.models import Locale

    cache = getattr(request, "_quartier_locale_codes", None) if request else None
    if cache is None:
        cache = dict(Locale.objects.values_list("pk", "language_code"))
        if request is not None:
            request._quartier_locale_codes = cache
    return cache


def page_language(page, request=None):
    """The language a page's text is written in: an alias shows the German original."""
    if getattr(page, "alias_of_id", None):
        return SOURCE_LANGUAGE
    cached = page._state.fields_cache.get("locale") if hasattr(page, "_state") else None
    if cached is not None:
        return cached.language_code
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return None
    return _locale_codes(request).get(locale_id)


@register.simple_tag(takes_context=True)
def page_title(context, page):
    """The page's title, marked as German (with its direction) where it is fallback."""
    if page is None:
        return ""
    return mark(page.title, page_language(page, context.get("request")))


@register.simple_tag(takes_context=True)
def page_lang_attrs(context, page):
    """`lang`/`dir` for an element holding a page's text (its intro in a listing) when
    the page is written in another language than the visitor's; nothing otherwise."""
    if page is None:
        return ""
    code = page_language(page, context.get("request"))
    if not code or code == translation.get_language():
        return ""
    return mark_safe(lang_attributes(code))


@register.simple_tag(takes_context=True)
def office_texts(context):
    """The office's opening hours and links in the visitor's language, or the German
    original (its `language` says which); once per request."""
    from portal.models import OfficeTexts

    request = context.get("request")
    language = translation.get_language()
    cached = getattr(request, "_quartier_office_texts", None)
    if cached is None or cached[0] != language:
        cached = (language, OfficeTexts.for_language(language))
        if request is not None:
            request._quartier_office_texts = cached
    return cached[1]
