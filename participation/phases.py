"""What a phase can be and what it can allow."""

from django.utils.translation import gettext_lazy as _

PHASE_KINDS = [
    ("information", _("Information")),
    ("collecting", _("Vorschläge sammeln")),
    ("discussion", _("Diskussion")),
    ("voting", _("Abstimmung")),
    ("evaluation", _("Prüfung und Entscheidung")),
    ("implementation", _("Umsetzung")),
]

# The actions a phase opens; each is a BooleanField "allows_<action>" on Phase.
ACTIONS = ("submit", "comment", "support", "vote")

PARTICIPANTS = [
    ("registered", _("registrierte Personen")),
    ("verified", _("bestätigte Bewohner*innen")),
    ("code", _("mit Abstimmungscode")),
]
