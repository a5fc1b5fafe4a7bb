"""The Aktionsfonds: residents apply on its page, the intranet's Aktionsfondsjury decides."""

from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from fund.models import Fund, FundPage

from .common import home, publish, synchronise

CRITERIA = """Die Aktion findet im Gebiet Mühlbach-Süd statt und nützt der Nachbarschaft.
Die Aktion wird ehrenamtlich getragen (Arbeit, Räume, Standdienst).
Ohne die Förderung würde die Aktion nicht stattfinden."""


def build(intranet):
    fund = Fund.objects.create(
        name="Aktionsfonds",
        area="Mühlbach-Süd",
        year=timezone.localdate().year,
        rule="per_resident_small",
        residents=8400,
        cap_per_application=Decimal("1500"),
        flat_rate_percent=Decimal("5"),
        cost_types=["material", "purchase", "fees", "rent", "food", "publicity"],
        criteria=CRITERIA,
        jury=intranet.jury.page,
    )
    page = publish(
        home(),
        FundPage(
            title="Aktionsfonds",
            slug="aktionsfonds",
            intro="Bis zu 1.500 € für Ihre Aktion in der Nachbarschaft. Eine Jury entscheidet.",
            fund=fund,
            show_in_menus=True,
        ),
    )
    synchronise()
    return SimpleNamespace(fund=fund, page=page, jury=intranet.jury)
