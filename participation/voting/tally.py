"""Results: counted by the database (one GROUP BY over the votes), ranked here per proposal.

Which votes decide: where the phase asks only for an account, every vote; otherwise the
verified votes (office-verified residents and voting codes). Self-declared votes are always
shown beside them, as unverified.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from ..models import Ballot, Proposal, Vote
from ..models.voting import PAPER, VERIFIED_TRUST
from ..phases import Participants
from . import modes
from .ballots import votable


@dataclass
class Counts:
    yes: int = 0
    no: int = 0
    abstain: int = 0
    points: int = 0

    @property
    def votes(self):
        return self.yes + self.no + self.abstain


@dataclass
class Row:
    proposal: Proposal
    official: Counts = field(default_factory=Counts)
    unofficial: Counts = field(default_factory=Counts)
    rank: int = 0
    chosen: bool = False

    def score(self, mode):
        if mode == modes.YESNO:
            return self.official.yes - self.official.no
        if mode == modes.POINTS:
            return self.official.points
        return self.official.yes

    def passes(self, mode):
        """Yes/no: more yes than no (abstentions do not count)."""
        return mode == modes.YESNO and self.official.yes > self.official.no


@dataclass
class Results:
    mode: str
    rows: list
    ballots_official: int
    ballots_unofficial: int
    paper_ballots: int
    counts_all: bool
    budget: Decimal | None = None
    budget_used: Decimal = Decimal("0")

    @property
    def ballots(self):
        return self.ballots_official + self.ballots_unofficial

    @property
    def has_unofficial(self):
        return not self.counts_all and (
            self.ballots_unofficial or any(row.unofficial.votes for row in self.rows)
        )


def counts_all_votes(process):
    phases = process.voting_phases()
    return bool(phases) and all(phase.participants == Participants.REGISTERED for phase in phases)


def tally(process):
    mode = process.voting_mode
    counts_all = counts_all_votes(process)
    grouped = (
        Vote.objects.filter(process=process)
        .values("proposal_id", "verified")
        .annotate(
            yes=Count("pk", filter=Q(value=modes.YES)),
            no=Count("pk", filter=Q(value=modes.NO)),
            abstain=Count("pk", filter=Q(value=modes.ABSTAIN)),
            points=Sum("value"),
        )
        .order_by()
    )
    rows_by_pk = {}
    aggregates = list(grouped)
    ids = {item["proposal_id"] for item in aggregates}
    ids.update(votable(process).values_list("pk", flat=True))
    for proposal in Proposal.objects.filter(pk__in=ids).select_related("field_of_action"):
        rows_by_pk[proposal.pk] = Row(proposal)
    for item in aggregates:
        row = rows_by_pk[item["proposal_id"]]
        official = counts_all or item["verified"]
        target = row.official if official else row.unofficial
        target.yes += item["yes"]
        target.no += item["no"]
        target.abstain += item["abstain"]
        target.points += item["points"] or 0
    rows = _rank(mode, list(rows_by_pk.values()))
    ballots = Ballot.objects.filter(process=process, times_cast__gt=0).aggregate(
        total=Count("pk"),
        verified=Count("pk", filter=Q(trust__in=VERIFIED_TRUST)),
        paper=Count("pk", filter=Q(channel=PAPER)),
    )
    official = ballots["total"] if counts_all else ballots["verified"]
    results = Results(
        mode=mode,
        rows=rows,
        ballots_official=official,
        ballots_unofficial=ballots["total"] - official,
        paper_ballots=ballots["paper"],
        counts_all=counts_all,
    )
    if mode == modes.BUDGET:
        results.budget = process.budget
        results.budget_used = _choose_within_budget(rows, process.budget or Decimal("0"))
    elif mode == modes.YESNO:
        for row in rows:
            row.chosen = row.passes(mode)
    return results


def _rank(mode, rows):
    """Most votes first; ties share a rank. Order within a tie: lower cost, earlier proposal."""
    rows.sort(
        key=lambda row: (
            -row.score(mode),
            row.proposal.requested_budget if row.proposal.requested_budget is not None else 0,
            row.proposal.pk,
        )
    )
    previous = None
    for position, row in enumerate(rows, start=1):
        score = row.score(mode)
        row.rank = position if score != previous else rows[position - 2].rank
        previous = score
    return rows


def _choose_within_budget(rows, budget):
    """Walk down the ranking; take each proposal with votes that still fits the budget,
    skip one that does not and go on with the next."""
    used = Decimal("0")
    for row in rows:
        cost = row.proposal.requested_budget
        if cost is None or row.score(modes.BUDGET) <= 0:
            continue
        if used + cost <= budget:
            row.chosen = True
            used += cost
    return used
