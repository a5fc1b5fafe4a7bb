"""Read queries for participation pages (constant query counts, whatever the volume)."""

import random

from django.db.models import Count, F, Prefetch, Q
from django.db.models.functions import Mod
from django.utils import translation

from core.params import text_param

from . import states
from .models import Comment, Proposal, ProposalTranslation
from .phases import ACTIONS

SORTS = ("neu", "unterstuetzt", "zufall")
MAX_QUERY = 100
# Proposals per page the visitor can choose (?anzahl=); the first is the default.
PAGE_SIZES = (12, 24, 50)


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
        .prefetch_related(visitor_translations())
    )
    chosen = {"feld": "", "stand": "", "sort": "neu", "q": "", "anzahl": PAGE_SIZES[0]}
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
    size = request.GET.get("anzahl", "")
    if size.isdigit() and int(size) in PAGE_SIZES:
        chosen["anzahl"] = int(size)
    return proposals, chosen


def count_comments(proposals):
    """Sets `comment_count` (visible comments) on each of `proposals`, the shown page: one
    aggregate query over the page's ids, never over all proposals of the process."""
    proposals = list(proposals)
    counts = dict(
        Comment.objects.filter(proposal__in=[p.pk for p in proposals], hidden=False)
        .order_by()
        .values_list("proposal")
        .annotate(n=Count("pk"))
    )
    for proposal in proposals:
        proposal.comment_count = counts.get(proposal.pk, 0)
    return proposals


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
RECENTLY_FINISHED_DAYS = 60

OPEN, UPCOMING, FINISHED = "open", "upcoming", "finished"


def process_overview(root, now, request=None):
    """Every visible process in the language tree below `root` (a home page) with where it
    stands today, in two queries whatever the number of processes.

    Each entry is a dict: `process`, `status` and the dates that matter for it:
    - "open": a running phase accepts something (proposals, comments, supports, votes);
      `phase`, `start`, `end` are that phase's;
    - "upcoming": nothing is accepted now but a later phase will: `phase` and `start` name
      when it opens (its `end` when it closes);
    - "finished": nothing is accepted any more: `end` is when the last phase that accepted
      something (or the last phase) ended.
    Phases belong to the German originals (every language version shows the same)."""
    from portal.languages import SOURCE_LANGUAGE
    from portal.restrictions import visible

    from .models import Phase, ProcessPage

    processes = list(
        visible(ProcessPage.objects.live(), request)
        .filter(path__startswith=root.path, locale_id=root.locale_id)
        .select_related("field_of_action")
        .order_by("title")
    )
    phases = {}
    for phase in (
        Phase.objects.filter(
            process__translation_key__in={process.translation_key for process in processes},
            process__locale__language_code=SOURCE_LANGUAGE,
        )
        .annotate(key=F("process__translation_key"))
        .order_by("start", "sort_order")
    ):
        phases.setdefault(phase.key, []).append(phase)
    entries = []
    for process in processes:
        own = phases.get(process.translation_key)
        if own:
            entries.append(_standing(process, own, now))
    return entries


def _participatory(phase):
    return any(phase.allows(action) for action in ACTIONS)


def _standing(process, phases, now):
    # A process without any phase to take part in (information only) stands by its time.
    considered = [phase for phase in phases if _participatory(phase)] or phases
    for phase in considered:
        if phase.start <= now < phase.end:
            return {"process": process, "status": OPEN, "phase": phase, **_dates(phase)}
    for phase in considered:
        if phase.start > now:
            return {"process": process, "status": UPCOMING, "phase": phase, **_dates(phase)}
    last = max(considered, key=lambda phase: phase.end)
    return {"process": process, "status": FINISHED, "phase": last, **_dates(last)}


def _dates(phase):
    return {"start": phase.start, "end": phase.end}


def home_processes(home, now, request=None, limit=HOME_PROCESSES):
    """ "Jetzt mitmachen": open now (closing soonest first), opening next (soonest first) and
    finished in the last RECENTLY_FINISHED_DAYS days (latest first), at most `limit` each."""
    from datetime import timedelta

    entries = process_overview(home, now, request)
    recent = now - timedelta(days=RECENTLY_FINISHED_DAYS)
    return {
        OPEN: sorted((e for e in entries if e["status"] == OPEN), key=lambda e: e["end"])[:limit],
        UPCOMING: sorted((e for e in entries if e["status"] == UPCOMING), key=lambda e: e["start"])[
            :limit
        ],
        FINISHED: sorted(
            (e for e in entries if e["status"] == FINISHED and e["end"] >= recent),
            key=lambda e: e["end"],
            reverse=True,
        )[:limit],
    }


STATUS_ORDER = {OPEN: 0, UPCOMING: 1, FINISHED: 2}


def process_filters(request, home, now):
    """The "Mitmachen" overview: every process below `home` with the visitor's filters
    (?stand=open|upcoming|finished, ?feld=<slug>). Returns (entries, chosen, choices): open
    ones first (closing soonest), then upcoming (opening soonest), then finished (latest
    first)."""
    from django.utils.translation import gettext as _

    from portal.taxonomy.selectors import fields_for_active_locale

    statuses = [
        (OPEN, _("läuft gerade")),
        (UPCOMING, _("demnächst")),
        (FINISHED, _("abgeschlossen")),
    ]
    entries = process_overview(home, now, request)
    chosen = {"stand": "", "feld": ""}
    status = request.GET.get("stand", "")
    if status in STATUS_ORDER:
        entries = [entry for entry in entries if entry["status"] == status]
        chosen["stand"] = status
    fields = fields_for_active_locale()
    slug = text_param(request.GET, "feld", max_length=100)
    field = next((field for field in fields if field.slug == slug), None)
    if field is not None:
        entries = [
            entry
            for entry in entries
            if entry["process"].field_of_action is not None
            and entry["process"].field_of_action.translation_key == field.translation_key
        ]
        chosen["feld"] = slug
    entries.sort(
        key=lambda entry: (
            STATUS_ORDER[entry["status"]],
            -entry["end"].timestamp() if entry["status"] == FINISHED else 0,
            entry["end"] if entry["status"] == OPEN else entry["start"],
        )
    )
    return entries, chosen, {"statuses": statuses, "fields": fields}


def current_processes(home, now, limit=HOME_PROCESSES, request=None):
    """The processes open for participation now, closing soonest first."""
    return [entry["process"] for entry in home_processes(home, now, request, limit)[OPEN]]


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
