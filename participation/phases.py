"""What a phase can be, what it can allow and who may take part in it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PhaseKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    COLLECTING = "collecting", _("Vorschläge sammeln")
    DISCUSSION = "discussion", _("Diskussion")
    VOTING = "voting", _("Abstimmung")
    EVALUATION = "evaluation", _("Prüfung und Entscheidung")
    IMPLEMENTATION = "implementation", _("Umsetzung")


class Participants(models.TextChoices):
    REGISTERED = "registered", _("registrierte Personen")
    VERIFIED = "verified", _("bestätigte Bewohner*innen")
    CODE = "code", _("mit Abstimmungscode")


# The old names, kept for callers.
PHASE_KINDS = PhaseKind.choices
PARTICIPANTS = Participants.choices

# The actions a phase opens; each is a BooleanField "allows_<action>" on Phase.
ACTIONS = ("submit", "comment", "support", "vote")
