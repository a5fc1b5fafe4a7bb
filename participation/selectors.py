"""Read queries for participation pages (constant query counts, whatever the volume)."""

import random

from django.db.models import Count, F, Prefetch, Q
from django.db.models.functions import Mod
from django.utils import translation

from core.params import text_param

from . import states
from .models import Proposal, ProposalTranslation

SORTS = ("neu", "unterstuetzt", "zufall")
MAX_QUERY = 100


def shuffle_seed(request):
    """A random order that stays the same for one visitor (kept in the session)."""
    seed = request.session.get("quartier_shuffle_seed")
    if seed is None:
        seed = random.randint(1, 10_000)
        request.session["quartier_shuffle_seed"] = seed
    return seed


def proposal_list(request, process):
    """Visible proposals of a process with the visitor's filters; returns (queryset, choices)."""
    proposals = (
        Proposal.objects.filter(process=process, hidden=False)
        .visible_to(request.user)
        .exclude(state=states.WITHDRAWN)
        .select_related("field_of_action")
        .annotate(comment_count=Count("comments", filter=Q(comments__hidden=False)))
        .prefetch_related(visitor_translations())
    )
    chosen = {"feld": "", "stand": "", "sort": "neu", "q": ""}
    field = text_param(request.GET, "feld", max_length=100)
    if field:
        proposals = proposals.filter(field_of_action__slug=field)
        chosen["feld"] = field
    state = request.GET.get("stand", "")
    if state in states.PUBLIC_STATES:
        proposals = proposals.filter(state=state)
        chosen["stand"] = state
    query = text_param(request.GET, "q", max_length=MAX_QUERY)
    if query:
        proposals = proposals.filter(Q(title__icontains=query) | Q(description__icontains=query))
        chosen["q"] = query
    sort = request.GET.get("sort", "neu")
    if sort == "unterstuetzt":
        proposals = proposals.order_by("-support_count", "-submitted_at", "-pk")
    elif sort == "zufall":
        seed = shuffle_seed(request)
        proposals = proposals.annotate(shuffle=Mod(F("pk") * 7919 + seed, 10007)).order_by(
            "shuffle", "pk"
        )
    else:
        sort = "neu"
        proposals = proposals.order_by("-submitted_at", "-pk")
    chosen["sort"] = sort
    return proposals, chosen


def visitor_translations():
    """Only the translation into the visitor's language (one query for a whole page)."""
    return Prefetch(
        "translations",
        queryset=ProposalTranslation.objects.filter(language=translation.get_language()),
        to_attr="visitor_translations",
    )


def displayed(proposal):
    """(title, description, language, translation or None) as the visitor should see them."""
    found = getattr(proposal, "visitor_translations", None)
    if found is None:
        found = list(proposal.translations.filter(language=translation.get_language()))
    if found and found[0].language != proposal.language:
        return found[0].title, found[0].description, found[0].language, found[0]
    return proposal.title, proposal.description, proposal.language, None


HOME_PROCESSES = 3


def current_processes(home, now, limit=HOME_PROCESSES, request=None):
    """Processes in the home page's language tree whose phases are not all over.

    Which processes are open is decided on the German originals (their phases are synced
    to the translations). Restricted processes only for visitors who may see them."""
    from portal.languages import SOURCE_LANGUAGE
    from portal.restrictions import visible

    from .models import ProcessPage

    open_keys = ProcessPage.objects.filter(
        locale__language_code=SOURCE_LANGUAGE, phases__end__gt=now
    ).values("translation_key")
    return list(
        visible(ProcessPage.objects.live(), request)
        .filter(path__startswith=home.path, locale_id=home.locale_id)
        .filter(translation_key__in=open_keys)
        .order_by("title")[:limit]
    )


def people_matching(query, limit):
    """Accounts whose e-mail or name contains `query`, each with its residency `record`
    (or None), for the office's confirmation tool."""
    from portal.accounts.models import User

    people = list(
        User.objects.filter(
            Q(email__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
        .select_related("resident_verification", "resident_verification__street")
        .order_by("email")[:limit]
    )
    for person in people:
        person.record = getattr(person, "resident_verification", None)
    return people
