from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail import hooks
from wagtail.models import Locale, Page

from core.params import search_query
from portal.restrictions import visible

from .text import highlight, page_text

MAX_QUERY_LENGTH = 200
PER_PAGE = 10


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


def search(request):
    query = search_query(request.GET, max_length=MAX_QUERY_LENGTH)
    results = None
    if query:
        found = public_pages(request).search(query, operator="and")
        paginator = Paginator(found, PER_PAGE)
        try:
            results = paginator.page(request.GET.get("seite", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
        ids = [page.pk for page in results.object_list]
        specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        results.hits = [
            {
                "page": specific[pk],
                "url": specific[pk].get_url(request),
                "snippet": highlight(page_text(specific[pk]), query),
            }
            for pk in ids
            if pk in specific
        ]
    return render(request, "search/search.html", {"query": query, "results": results})
