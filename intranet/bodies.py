"""How a body decides: quorum and majority rules, as pure functions over counts.

Quorum is checked per agenda item: the voting members present, minus those who declared a
conflict of interest for the item, against the voting members of the body minus the same
conflicted members. Majorities count yes against no; abstentions do not count; a tie fails.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

KINDS = [
    ("stadtteilkonferenz", _("Stadtteilkonferenz")),
    ("arbeitskreis", _("Arbeitskreis")),
    ("praeventivkreis", _("Präventivkreis")),
    ("lenkungsteam", _("Lenkungsteam")),
    ("quartiersrat", _("Quartiersrat")),
    ("jury", _("Jury")),
    ("other", _("anderes Gremium")),
]

MEMBERS_ONLY = "members"
INTRANET = "intranet"
VISIBILITY = [
    (MEMBERS_ONLY, _("nur Mitglieder")),
    (INTRANET, _("alle Nutzer*innen des Intranets")),
]

HALF = "half"
THIRD = "third"
FIXED = "fixed"
NO_QUORUM = "none"
QUORUM_RULES = [
    (HALF, _("mehr als die Hälfte der stimmberechtigten Mitglieder anwesend")),
    (THIRD, _("mindestens ein Drittel der stimmberechtigten Mitglieder anwesend")),
    (FIXED, _("eine feste Zahl stimmberechtigter Mitglieder anwesend")),
    (NO_QUORUM, _("immer beschlussfähig")),
]

SIMPLE = "simple"
TWO_THIRDS = "two_thirds"
UNANIMOUS = "unanimous"
MAJORITY_RULES = [
    (SIMPLE, _("einfache Mehrheit (mehr Ja- als Nein-Stimmen)")),
    (TWO_THIRDS, _("Zweidrittelmehrheit der abgegebenen Ja- und Nein-Stimmen")),
    (UNANIMOUS, _("Einstimmigkeit (keine Nein-Stimme)")),
]


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
    return dict(MAJORITY_RULES).get(rule, "")
