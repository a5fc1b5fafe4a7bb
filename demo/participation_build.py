"""A demo participation process with proposals in every state (data/participation.yaml)."""

from django.utils import timezone

from participation import services, states
from participation.models import Phase, ProcessIndexPage, ProcessPage

from . import loader
from .markup import paragraph
from .translate import translate_everywhere

# The workflow steps that bring a submitted proposal into each state.
PATHS = {
    states.PUBLISHED: [states.PUBLISHED],
    states.EVALUATION: [states.PUBLISHED, states.EVALUATION],
    states.ACCEPTED: [states.PUBLISHED, states.EVALUATION, states.ACCEPTED],
    states.REJECTED: [states.REJECTED],
}
PHASE_DAYS = ("starts_days_from_today", "ends_days_from_today")


def add_phases(process, phases):
    now = timezone.now()
    for spec in phases:
        flags = {key: value for key, value in spec.items() if key not in PHASE_DAYS}
        process.phases.add(
            Phase(
                start=loader.moment(spec["starts_days_from_today"], now),
                end=loader.moment(spec["ends_days_from_today"], now),
                **flags,
            )
        )


def new_process(spec, **fields):
    """An unsaved process page with the texts and phases of `spec`."""
    process = ProcessPage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        description=paragraph(spec["description"]),
        **fields,
    )
    add_phases(process, spec["phases"])
    return process


def add_proposal(process, spec, author, office, rejection_reason):
    proposal = services.proposal_create(
        process=process,
        author=author,
        data={
            "title": spec["title"],
            "description": spec["description"],
            "place": spec["place"],
            "requested_budget": loader.money(spec["requested_budget"]),
        },
        submit=True,
    )
    for step in PATHS[spec["state"]]:
        reason = rejection_reason if step == states.REJECTED else ""
        proposal = services.proposal_decide(
            proposal=proposal, user=office, to_state=step, reason=reason
        )


def ensure_overview(home):
    """ "Mitmachen" in the main menu: every process, running, upcoming and finished."""
    overview = ProcessIndexPage.objects.child_of(home).first()
    if overview is None:
        overview = ProcessIndexPage(
            title="Mitmachen",
            slug="mitmachen",
            show_in_menus=True,
            intro=(
                "Alle Beteiligungsverfahren im Quartier: was gerade läuft, was demnächst "
                "beginnt und was schon entschieden ist."
            ),
        )
        home.add_child(instance=overview)
        overview.save_revision().publish()
    return overview


def build_participation(home, users):
    ensure_overview(home)
    data = loader.load("participation")
    spec = data["process"]
    existing = ProcessPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    process = new_process(
        spec,
        budget=loader.money(spec["budget"]),
        support_threshold=spec["support_threshold"],
        show_in_menus=spec["show_in_menus"],
    )
    home.add_child(instance=process)
    process.save_revision().publish()
    for proposal in data["proposals"]:
        add_proposal(process, proposal, users["resident"], users["admin"], data["rejection_reason"])
    return process


def translate_participation(process, locales):
    spec = loader.load("participation")["process"]
    translate_everywhere(process, spec, locales, "pages", spec["slug"])
