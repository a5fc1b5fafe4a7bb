"""How a body decides: quorum and majority rules, as pure functions over counts.

Quorum is checked per agenda item: the voting members present, minus those who declared a
conflict of interest for the item, against the voting members of the body minus the same
conflicted members. Majorities count yes against no; abstentions do not count; a tie fails.
The kinds of bodies and their rules are choices (`WorkspacePage.Kind`, `.QuorumRule`, …).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class BodyKind(models.TextChoices):
    NEIGHBOURHOOD_CONFERENCE = "stadtteilkonferenz", _("Stadtteilkonferenz")
    WORKING_GROUP = "arbeitskreis", _("Arbeitskreis")
    PREVENTION_GROUP = "praeventivkreis", _("Präventivkreis")
    STEERING_TEAM = "lenkungsteam", _("Lenkungsteam")
    NEIGHBOURHOOD_COUNCIL = "quartiersrat", _("Quartiersrat")
    JURY = "jury", _("Jury")
    OTHER = "other", _("anderes Gremium")


class Visibility(models.TextChoices):
    MEMBERS_ONLY = "members", _("nur Mitglieder")
    INTRANET = "intranet", _("alle Nutzer*innen des Intranets")


class QuorumRule(models.TextChoices):
    HALF = "half", _("mehr als die Hälfte der stimmberechtigten Mitglieder anwesend")
    THIRD = "third", _("mindestens ein Drittel der stimmberechtigten Mitglieder anwesend")
    FIXED = "fixed", _("eine feste Zahl stimmberechtigter Mitglieder anwesend")
    NO_QUORUM = "none", _("immer beschlussfähig")


class MajorityRule(models.TextChoices):
    SIMPLE = "simple", _("einfache Mehrheit (mehr Ja- als Nein-Stimmen)")
    TWO_THIRDS = "two_thirds", _("Zweidrittelmehrheit der abgegebenen Ja- und Nein-Stimmen")
    UNANIMOUS = "unanimous", _("Einstimmigkeit (keine Nein-Stimme)")


# The names callers used before the choices existed.
KINDS = BodyKind.choices
MEMBERS_ONLY = Visibility.MEMBERS_ONLY
INTRANET = Visibility.INTRANET
VISIBILITY = Visibility.choices
HALF = QuorumRule.HALF
THIRD = QuorumRule.THIRD
FIXED = QuorumRule.FIXED
NO_QUORUM = QuorumRule.NO_QUORUM
QUORUM_RULES = QuorumRule.choices
SIMPLE = MajorityRule.SIMPLE
TWO_THIRDS = MajorityRule.TWO_THIRDS
UNANIMOUS = MajorityRule.UNANIMOUS
MAJORITY_RULES = MajorityRule.choices


@dataclass(frozen=True)
class Quorum:
    eligible: int  # voting members without a conflict for this item
    present: int  # of them, present
    required: int  # present needed
    quorate: bool


def quorum(rule, voting_members, voting_present, conflicted_members, conflicted_present, fixed=0):
    eligible = max(voting_members - conflicted_members, 0)
    present = max(voting_present - conflicted_present, 0)
    if rule == HALF:
        required = eligible // 2 + 1
    elif rule == THIRD:
        required = -(-eligible // 3)  # ceiling
    elif rule == FIXED:
        required = fixed
    else:
        required = 0
    if rule != NO_QUORUM:
        required = max(required, 1)
    return Quorum(eligible, present, required, present >= required)


def passes(rule, yes, no, abstain=0):
    """Whether a motion is carried. Abstentions never count; a tie always fails."""
    if yes <= no:
        return False
    if rule == TWO_THIRDS:
        return yes * 3 >= (yes + no) * 2
    if rule == UNANIMOUS:
        return no == 0
    return True


def rule_text(rule):
    return dict(MajorityRule.choices).get(rule, "")
