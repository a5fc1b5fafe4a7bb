"""Proposals in the public search (hook `quartier_search_sources`).

Only what anyone may see: proposals in a public state, not hidden by moderation, of a
process whose page in the visitor's language is live and public. A proposal is found by the
text the visitor would see: its translation into the visitor's language where there is one,
else its original (marked with its language in the results)."""

from django.utils.translation import gettext_lazy as _

from portal.languages import SOURCE_LANGUAGE
from portal.search.sources import Hit, SearchSource, public_pages, ranked
from portal.search.text import highlight

from .models import ProcessPage, Proposal, ProposalTranslation
from .selectors import displayed, visitor_translations


def visible_processes(request):
    """{id of a German original process: id of its page in the visitor's language}, for the
    process pages the visitor may see (two queries, once per request)."""
    cached = getattr(request, "_quartier_search_processes", None)
    if cached is not None:
        return cached
    rows = list(
        public_pages(request).type(ProcessPage).values_list("pk", "translation_key", "alias_of_id")
    )
    originals = dict(
        ProcessPage.objects.filter(
            translation_key__in={key for _pk, key, _alias in rows},
            locale__language_code=SOURCE_LANGUAGE,
        ).values_list("translation_key", "pk")
    )
    found = {}
    for pk, key, alias_of in rows:
        found.setdefault(alias_of or originals.get(key) or pk, pk)
    request._quartier_search_processes = found
    return found


class ProposalSource(SearchSource):
    label = _("Vorschlag")

    def find(self, request, query, language):
        proposals = Proposal.objects.public().filter(
            process_id__in=list(visible_processes(request))
        )
        translated = (
            ProposalTranslation.objects.filter(language=language)
            .exclude(proposal__language=language)
            .values("proposal_id")
        )
        originals = ranked(proposals.exclude(pk__in=translated), query)
        translations = ranked(
            ProposalTranslation.objects.filter(
                language=language, proposal_id__in=proposals.exclude(language=language).values("pk")
            ),
            query,
            key=lambda translation: translation.proposal_id,
        )
        return originals + translations

    def hits(self, request, keys, text):
        processes = visible_processes(request)
        proposals = list(
            Proposal.objects.filter(pk__in=keys).prefetch_related(visitor_translations())
        )
        pages = {
            page.pk: page
            for page in ProcessPage.objects.filter(
                pk__in={processes[proposal.process_id] for proposal in proposals}
            )
        }
        found = {}
        for proposal in proposals:
            page = pages[processes[proposal.process_id]]
            title, description, language, _translation = displayed(proposal)
            found[proposal.pk] = Hit(
                kind=self.label,
                title=title,
                url=page.get_url(request) + page.reverse_subpage("detail", args=(proposal.pk,)),
                snippet=highlight(description, text),
                language=language,
            )
        return found
