"""Demo votes (data/voting.yaml): a budget ballot running now, a finished vote with results
and a yes/no vote with voting codes running now.

Kiezbudget: verified residents (or self-declared, counted separately) choose proposals within
20,000 euros. Sommerfest: a finished approval vote with voting codes, online and on paper.
Codes are drawn from seeded generators so `load_demo` can print unused ones.
"""

import random

from participation import states
from participation.models import (
    ProcessPage,
    Proposal,
    ProposalStateChange,
    ResidentVerification,
    Street,
)
from participation.models.voting import PAPER
from participation.voting import ballots, codes, identity

from . import loader
from .markup import paragraph
from .participation_build import new_process
from .translate import translate_everywhere

VOTES = ("budget_vote", "finished_vote", "code_vote")
PROCESS_FIELDS = ("voting_mode", "allow_self_declaration", "require_age_16", "votes_per_ballot")


def demo_codes(count, rng):
    return ["".join(rng.choice(codes.ALPHABET) for _ in range(codes.LENGTH)) for _ in range(count)]


def ensure_streets(streets):
    for street in streets:
        Street.objects.get_or_create(name=street["name"], defaults={"postcode": street["postcode"]})


def add_proposal(process, author, spec, days_from_today):
    proposal = Proposal.objects.create(
        process=process,
        author=author,
        title=spec["title"],
        description=spec["description"],
        requested_budget=loader.money(spec.get("requested_budget")),
        state=states.PUBLISHED,
        submitted_at=loader.moment(days_from_today),
    )
    for from_state, to_state in (("", states.SUBMITTED), (states.SUBMITTED, states.PUBLISHED)):
        ProposalStateChange.objects.create(
            proposal=proposal, from_state=from_state, to_state=to_state, actor=author
        )
    return proposal


def ensure_vote(home, spec, author):
    """The process with its phases and proposals; (process, created)."""
    existing = ProcessPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if existing:
        return existing, False
    fields = {key: spec[key] for key in PROCESS_FIELDS if key in spec}
    if "budget" in spec:
        fields["budget"] = loader.money(spec["budget"])
    if "decision" in spec:
        fields["voting_decision"] = paragraph(spec["decision"])
    process = new_process(spec, show_in_menus=False, **fields)
    home.add_child(instance=process)
    process.save_revision().publish()
    for proposal in spec["proposals"]:
        add_proposal(process, author, proposal, spec["proposals_submitted_days_from_today"])
    return process, True


def build_budget_vote(home, users, spec):
    process, new = ensure_vote(home, spec, users["resident"])
    if new:
        ResidentVerification.objects.update_or_create(
            user=users["resident"],
            defaults={
                "method": ResidentVerification.OFFICE,
                "age_16": True,
                "verified_by": users["leitung"],
            },
        )
    return process


def cast_ballots(process, users, spec, plain, rng):
    """Ballots with the first codes; the choices drawn with the proposals' weights."""
    proposals = list(Proposal.objects.filter(process=process).order_by("pk"))
    weights = [proposal["weight"] for proposal in spec["proposals"]]
    per_ballot = spec["votes_per_ballot"]
    for number, code_text in enumerate(plain[: spec["ballots"]["count"]]):
        picks = set()
        while len(picks) < per_ballot:
            picks.add(rng.choices(range(len(proposals)), weights=weights)[0])
        voter = identity.for_code(codes.find(process, code_text))
        paper = number % spec["ballots"]["every_nth_on_paper"] == 0
        ballots.cast(
            process=process,
            voter=voter,
            choices={proposals[i].pk: 1 for i in picks},
            channel=PAPER if paper else "online",
            actor=users[spec["ballots"]["paper_entered_by"]] if paper else None,
        )


def build_finished_vote(home, users, spec):
    process, new = ensure_vote(home, spec, users["resident"])
    if new:
        rng = random.Random("quartier-demo-voting")
        plain = demo_codes(spec["codes"]["count"], rng)
        codes.create_batch(
            process=process,
            size=len(plain),
            label=spec["codes"]["label"],
            user=users[spec["codes"]["created_by"]],
            plain=plain,
        )
        cast_ballots(process, users, spec, plain, rng)
    return process


def build_code_vote(home, users, spec):
    """A yes/no vote with voting codes, running now; returns unused demo codes to print."""
    process, new = ensure_vote(home, spec, users["resident"])
    plain = demo_codes(spec["codes"]["count"], random.Random("quartier-demo-spielstrasse"))
    if new:
        codes.create_batch(
            process=process,
            size=len(plain),
            label=spec["codes"]["label"],
            user=users[spec["codes"]["created_by"]],
            plain=plain,
        )
    return process, [codes.pretty(code) for code in plain if codes.is_unused(process, code)][:2]


def build_voting(home, users):
    data = loader.load("voting")
    ensure_streets(data["streets"])
    built = {
        "budget_vote": build_budget_vote(home, users, data["budget_vote"]),
        "finished_vote": build_finished_vote(home, users, data["finished_vote"]),
    }
    built["code_vote"], built["codes"] = build_code_vote(home, users, data["code_vote"])
    return built


def translate_voting(voting, locales):
    data = loader.load("voting")
    for key in VOTES:
        translate_everywhere(voting[key], data[key], locales, "pages", data[key]["slug"])
