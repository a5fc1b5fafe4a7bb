"""Reading fields of action in the visitor's language with a fixed number of queries."""

from django.utils import translation

from portal.languages import SOURCE_LANGUAGE

from .models import FieldOfAction


def fields_for_active_locale():
    """All fields of action, in the visitor's language where translated, else German (1 query)."""
    active = translation.get_language()
    rank = {active: 0, SOURCE_LANGUAGE: 1}
    best = {}
    for field in FieldOfAction.objects.select_related("locale"):
        key = field.translation_key
        score = rank.get(field.locale.language_code, 2)
        if key not in best or score < best[key][0]:
            best[key] = (score, field)
    return sorted((field for _score, field in best.values()), key=lambda f: (f.sort_order, f.name))


def localized_fields(request):
    """translation_key -> field in the visitor's language; cached on the request."""
    language = translation.get_language()
    cache = getattr(request, "_quartier_fields_of_action", None)
    if cache is None or cache[0] != language:
        cache = (language, {f.translation_key: f for f in fields_for_active_locale()})
        request._quartier_fields_of_action = cache
    return cache[1]


def labels_for(request, fields):
    """The visitor-language versions of the given fields (already fetched, e.g. prefetched)."""
    lookup = localized_fields(request)
    return [lookup.get(field.translation_key, field) for field in fields]
