"""Funded actions in the public search (hook `quartier_search_sources`).

Only what the public list of funded actions shows: granted or settled applications of a fund
whose page in the visitor's language is live and public; found by their title and, with the
applicant's consent, their name and the start of the report. A hit links to the action on
the list of its year."""

from django.utils.translation import gettext_lazy as _

from portal.languages import SOURCE_LANGUAGE
from portal.search.sources import Hit, SearchSource, public_pages, ranked
from portal.search.text import highlight

from .models import Application, Fund, FundPage
from .models.applications import FUNDED


def visible_funds(request):
    """{fund id: id of the fund page in the visitor's language that lists its funded
    actions}, for the fund pages the visitor may see (three queries, once per request)."""
    cached = getattr(request, "_quartier_search_funds", None)
    if cached is not None:
        return cached
    rows = list(
        public_pages(request).type(FundPage).values_list("pk", "translation_key", "fundpage__fund")
    )
    originals = dict(
        FundPage.objects.filter(
            translation_key__in={key for _pk, key, _fund in rows},
            locale__language_code=SOURCE_LANGUAGE,
        ).values_list("translation_key", "fund")
    )
    page_of_fund = {}
    for pk, key, fund in rows:
        fund = fund or originals.get(key)
        if fund:
            page_of_fund.setdefault(fund, pk)
    # A fund page lists the funded actions of every year of its fund (same name and area).
    funds = Fund.objects.filter(pk__in=page_of_fund).values_list("pk", "name", "area")
    page_of_series = {(name, area): page_of_fund[pk] for pk, name, area in funds}
    found = {}
    if page_of_series:
        for pk, name, area in Fund.objects.values_list("pk", "name", "area"):
            if (name, area) in page_of_series:
                found[pk] = page_of_series[(name, area)]
    request._quartier_search_funds = found
    return found


class FundedActionSource(SearchSource):
    label = _("Geförderte Aktion")

    def find(self, request, query, language):
        funds = visible_funds(request)
        if not funds:
            return []
        actions = Application.objects.filter(state__in=FUNDED, fund_id__in=list(funds))
        return ranked(actions, query)

    def hits(self, request, keys, text):
        funds = visible_funds(request)
        actions = list(Application.objects.filter(pk__in=keys).select_related("fund"))
        pages = {
            page.pk: page
            for page in FundPage.objects.filter(
                pk__in={funds[action.fund_id] for action in actions}
            )
        }
        funded = FundPage.route_path("funded")
        found = {}
        for action in actions:
            page = pages[funds[action.fund_id]]
            found[action.pk] = Hit(
                kind=self.label,
                title=action.title,
                url=f"{page.get_url(request)}{funded}?jahr={action.fund.year}#aktion-{action.pk}",
                snippet=highlight(action.public_report, text),
                language=action.language,
            )
        return found
