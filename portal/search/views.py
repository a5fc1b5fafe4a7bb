from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation

from core.params import int_param, search_query
from portal.languages import get_language_obj

from .sources import private_roots, public_pages, relevance, sources
from .terms import build_query

__all__ = ["private_roots", "public_pages", "search"]

MAX_QUERY_LENGTH = 200
PER_PAGE = 10


def find(request, query, language):
    """(source index, key) of every hit of every source, best first."""
    scored = []
    all_sources = sources()
    for number, source in enumerate(all_sources):
        found = source.find(request, query, language)
        for rank, (key, score) in enumerate(found):
            # By score across sources; within a source its own order stays.
            scored.append((-relevance(score), number, rank, key))
    scored.sort()
    return all_sources, [(number, key) for _score, number, _rank, key in scored]


def search(request):
    text = search_query(request.GET, max_length=MAX_QUERY_LENGTH)
    language = translation.get_language()
    results = None
    if text:
        query = build_query(text, language)
        all_sources, found = find(request, query, language) if query else ([], [])
        paginator = Paginator(found, PER_PAGE)
        results = paginator.get_page(int_param(request.GET, "seite", 1, minimum=1))
        wanted = {}
        for number, key in results.object_list:
            wanted.setdefault(number, []).append(key)
        loaded = {
            number: all_sources[number].hits(request, keys, text) for number, keys in wanted.items()
        }
        results.hits = [
            loaded[number][key] for number, key in results.object_list if key in loaded[number]
        ]
        names = {}
        for hit in results.hits:
            if hit.language and hit.language != language:
                names.setdefault(hit.language, get_language_obj(hit.language).native_name)
            hit.language_name = names.get(hit.language, "")
    return render(request, "search/search.html", {"query": text, "results": results})
