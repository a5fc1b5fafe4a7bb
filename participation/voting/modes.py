"""The four voting modes and what makes a ballot valid in each. Pure functions, no queries."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.refusals import Refused


class VotingMode(models.TextChoices):
    YESNO = "yesno", gettext_lazy("Ja / Nein / Enthaltung je Vorschlag")
    APPROVAL = "approval", gettext_lazy("Auswahl: bis zu K Vorschläge wählen")
    BUDGET = "budget", gettext_lazy("Budget: Vorschläge im Rahmen des Budgets wählen")
    POINTS = "points", gettext_lazy("Punkte verteilen")


# The old names, kept for callers.
YESNO = VotingMode.YESNO
APPROVAL = VotingMode.APPROVAL
BUDGET = VotingMode.BUDGET
POINTS = VotingMode.POINTS
MODES = VotingMode.choices

YES, NO, ABSTAIN = 1, -1, 0
YESNO_VALUES = {"yes": YES, "no": NO, "abstain": ABSTAIN}
YESNO_NAMES = {value: name for name, value in YESNO_VALUES.items()}


class InvalidBallot(Refused):
    """The ballot cannot be counted as sent; the message says why, in the voter's language."""


@dataclass(frozen=True)
class Limits:
    choices: int | None = None
    points: int | None = None
    budget: Decimal | None = None


@dataclass(frozen=True)
class Totals:
    choices: int = 0
    points: int = 0
    budget: Decimal = Decimal("0")


def limits_for(process):
    mode = process.voting_mode
    return Limits(
        choices=process.votes_per_ballot if mode == APPROVAL else None,
        points=process.points_per_ballot if mode == POINTS else None,
        budget=process.budget if mode == BUDGET else None,
    )


def parse(mode, data):
    """Read the ballot form: {proposal id: value}. Tampered values raise InvalidBallot.

    Fields: yes/no mode "p-<id>" = yes|no|abstain; approval and budget "choose" = ids;
    points "p-<id>" = a whole number (empty means 0). Whether the ids belong on the ballot
    is checked by `check`.
    """
    invalid = _("Dieser Stimmzettel enthält ungültige Angaben.")
    choices = {}
    if mode in (APPROVAL, BUDGET):
        for raw in data.getlist("choose"):
            try:
                choices[int(raw)] = 1
            except (TypeError, ValueError):
                raise InvalidBallot(invalid) from None
        return choices
    for key in data:
        if not key.startswith("p-"):
            continue
        try:
            pk = int(key[2:])
        except ValueError:
            raise InvalidBallot(invalid) from None
        raw = (data.get(key) or "").strip()
        if not raw:
            continue
        if mode == YESNO:
            if raw not in YESNO_VALUES:
                raise InvalidBallot(invalid)
            choices[pk] = YESNO_VALUES[raw]
        else:
            try:
                points = int(raw)
            except ValueError:
                raise InvalidBallot(_("Bitte geben Sie Punkte als ganze Zahlen an.")) from None
            if points < 0:
                raise InvalidBallot(_("Punkte können nicht negativ sein."))
            if points:
                choices[pk] = points
    return choices


def check(process, choices, budgets):
    """Validate `choices` against the mode and limits; `budgets` maps every proposal on the
    ballot to its requested budget. Returns the ballot's totals."""
    mode, limits = process.voting_mode, limits_for(process)
    if any(pk not in budgets for pk in choices):
        raise InvalidBallot(
            _("Dieser Stimmzettel enthält einen Vorschlag, der nicht zur Wahl steht.")
        )
    if not choices:
        raise InvalidBallot(_("Bitte wählen Sie mindestens einen Vorschlag."))
    totals = totals_of(mode, choices, budgets)
    if mode == YESNO and any(value not in YESNO_NAMES for value in choices.values()):
        raise InvalidBallot(_("Dieser Stimmzettel enthält ungültige Angaben."))
    if mode in (APPROVAL, BUDGET) and any(value != 1 for value in choices.values()):
        raise InvalidBallot(_("Dieser Stimmzettel enthält ungültige Angaben."))
    if mode == POINTS and any(value < 1 for value in choices.values()):
        raise InvalidBallot(_("Punkte können nicht negativ sein."))
    if limits.choices is not None and totals.choices > limits.choices:
        raise InvalidBallot(
            ngettext(
                "Sie können höchstens %(limit)d Vorschlag wählen.",
                "Sie können höchstens %(limit)d Vorschläge wählen.",
                limits.choices,
            )
            % {"limit": limits.choices}
        )
    if limits.points is not None and totals.points > limits.points:
        raise InvalidBallot(
            _("Sie haben %(used)d Punkte verteilt, erlaubt sind %(limit)d.")
            % {"used": totals.points, "limit": limits.points}
        )
    if mode == BUDGET and any(budgets[pk] is None for pk in choices):
        raise InvalidBallot(_("Dieser Stimmzettel enthält einen Vorschlag ohne Kosten."))
    if limits.budget is not None and totals.budget > limits.budget:
        raise InvalidBallot(_("Ihre Auswahl kostet mehr als das Budget. Bitte wählen Sie weniger."))
    return totals


def totals_of(mode, choices, budgets):
    counted = [pk for pk, value in choices.items() if value]
    return Totals(
        choices=len(choices),
        points=sum(choices.values()) if mode == POINTS else 0,
        budget=sum((budgets.get(pk) or Decimal("0") for pk in counted), Decimal("0"))
        if mode == BUDGET
        else Decimal("0"),
    )


def remaining(process, choices, budgets):
    """What is left while choosing (for the live display); never raises."""
    limits = limits_for(process)
    totals = totals_of(process.voting_mode, choices, budgets)
    left = {
        "choices_left": None if limits.choices is None else limits.choices - totals.choices,
        "points_left": None if limits.points is None else limits.points - totals.points,
        "budget_left": None if limits.budget is None else limits.budget - totals.budget,
    }
    return {
        "mode": process.voting_mode,
        "limits": limits,
        "totals": totals,
        **left,
        "over": any(value is not None and value < 0 for value in left.values()),
    }
