"""What the public search looks through: pages, and whatever the apps register.

An app adds a source with the hook `quartier_search_sources` (a function returning a list of
`SearchSource` objects); `portal` never imports the apps. A source answers two questions with
a fixed number of queries each, whatever the number of hits:

- `find(request, query, language)`: (key, score) of the objects the visitor may see that match
  the Wagtail search query, best first, at most `MAX_HITS`;
- `hits(request, keys, text)`: a `Hit` (what the results list shows) for each key of the
  current results page.

Scores of all sources come from the same index (`wagtail.search` database backend), so the
lists are merged by score.
"""

from dataclasses import dataclass

from django.db import connection
from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from portal.restrictions import visible

from .text import highlight, page_text


def page_language(page, request):
    from portal.templatetags.textlang import page_language as language_of

    return language_of(page, request)


MAX_HITS = 500


@dataclass
class Hit:
    kind: str  # the type label ("Seite", "Vorschlag", "Geförderte Aktion")
    title: str
    url: str
    snippet: str = ""
    language: str = ""  # the language the title and text are written in


def ranked(queryset, query, key=None):
    """(key, score) of the objects of `queryset` matching `query`, best first; the key is
    the object's pk unless `key` (a function of the object) says otherwise."""
    results = get_search_backend().search(query, queryset, operator="and")
    results = results.annotate_score("_search_score")[:MAX_HITS]
    key = key or (lambda obj: obj.pk)
    return [(key(obj), getattr(obj, "_search_score", None) or 0.0) for obj in results]


def relevance(score):
    """A score where larger is better on every database: SQLite's FTS5 gives bm25 (smaller,
    i.e. more negative, is better), PostgreSQL ts_rank (larger is better)."""
    return -score if connection.vendor == "sqlite" else score


class SearchSource:
    def find(self, request, query, language):
        raise NotImplementedError

    def hits(self, request, keys, text):
        raise NotImplementedError


def private_roots():
    """Roots of sections that never appear in public search, in any language tree (hook
    `quartier_private_page_roots`: the intranet registers its index pages and their aliases,
    which wagtail-localize makes without the original's view restriction)."""
    for hook in hooks.get_hooks("quartier_private_page_roots"):
        yield from hook()


def public_pages(request=None):
    """Pages anyone may see: live, without view restrictions (of their own, of their
    ancestors or of any translation of those), in the visitor's language, and nothing below
    a private root."""
    pages = visible(Page.objects.live().filter(locale=Locale.get_active()), request, public=True)
    for root in private_roots():
        pages = pages.not_descendant_of(root, inclusive=True)
    return pages


class PageSource(SearchSource):
    def find(self, request, query, language):
        return ranked(public_pages(request), query)

    def hits(self, request, keys, text):
        pages = Page.objects.filter(pk__in=keys).specific().select_related("locale")
        return {
            page.pk: Hit(
                kind=page.specific_class.get_verbose_name(),
                title=page.title,
                url=page.get_url(request),
                snippet=highlight(page_text(page), text),
                language=page_language(page, request),
            )
            for page in pages
        }


def sources():
    found = [PageSource()]
    for hook in hooks.get_hooks("quartier_search_sources"):
        found.extend(hook())
    return found
