"""Two approvals at the same moment cannot together exceed the free budget (PostgreSQL)."""

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connection

from fund import services
from fund.models import Application, FundPage, LedgerEntry
from intranet.models import IntranetIndexPage
from tests.markers import requires_postgres

from .factories import make_fund, quorate, scheduled

pytestmark = [requires_postgres, pytest.mark.postgres]


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """Data committed for real (the threads need it), removed after: the fund with its
    ledger, applications and page, the jury, and the intranet's entry page if it was made
    for this test."""
    with django_db_blocker.unblock():
        had_intranet = IntranetIndexPage.objects.exists()
        made = {}
        yield made
        fund = made.get("fund")
        if fund is not None:
            LedgerEntry.objects.filter(fund=fund).delete()
            Application.objects.filter(fund=fund).delete()
            for page in FundPage.objects.filter(fund=fund):
                page.delete()
            jury = fund.jury
            fund.delete()
            jury.delete()
        if not had_intranet:
            for index in IntranetIndexPage.objects.all():
                index.delete()


def test_concurrent_approvals_never_exceed_the_budget(committed):
    fund, page, people, meeting = make_fund(
        "race", residents=4000, flat_rate_percent=Decimal("0")
    )  # 2000 €
    committed["fund"] = fund
    most = [{"cost_type": "material", "description": "x", "amount": Decimal("1500")}]
    applications = [
        scheduled(fund, page, title=f"Antrag {n}", requested_amount=Decimal("1500"), costs=most)
        for n in range(4)
    ]
    quorate(meeting, people)
    barrier = threading.Barrier(len(applications))

    def approve(application):
        barrier.wait()
        try:
            services.decide(
                application=application,
                user=people["taker"],
                amount=Decimal("1500"),
                conditions="",
                yes=4,
                no=0,
                abstain=0,
                page_url=page.url,
            )
            return "approved"
        except services.Refused as refused:
            return refused.message
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(applications)) as pool:
        outcomes = list(pool.map(approve, applications))
    assert outcomes.count("approved") == 1
    assert all("nur noch" in o for o in outcomes if o != "approved")
    fund.refresh_from_db()
    assert fund.committed == Decimal("1500") <= fund.budget
    assert services.ledger(fund).committed == Decimal("1500")
    assert Application.objects.filter(fund=fund, state=Application.State.APPROVED).count() == 1


def test_two_office_tabs_close_a_settlement_once(committed):
    """Two staff members close the same settlement at the same moment: one closes it, the
    other is refused; the advance is reclaimed once and the books agree with the fund."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from core.refusals import NotAllowed

    from .factories import office_editor

    fund, page, people, meeting = make_fund("close-race")
    committed["fund"] = fund
    application = scheduled(fund, page)
    quorate(meeting, people)
    services.decide(
        application=application,
        user=people["taker"],
        amount=Decimal("500"),
        conditions="",
        yes=4,
        no=0,
        abstain=0,
        page_url=page.url,
    )
    application.refresh_from_db()
    staff = [office_editor(), office_editor()]
    services.record_payment(application=application, user=staff[0], amount=Decimal("500"))
    services.submit_settlement(
        application=application,
        user=application.applicant,
        receipts=[
            {
                "date": timezone.localdate(),
                "vendor": "Baumarkt",
                "amount": Decimal("300"),
                "cost_type": "material",
                "file": SimpleUploadedFile("bon.pdf", b"%PDF-1.4 bon"),
            }
        ],
        report="Gut.",
        photos=[],
        page_url=page.url,
    )
    barrier = threading.Barrier(2)

    def close(user):
        barrier.wait()
        try:
            services.check_settlement(
                application=Application.objects.get(pk=application.pk),
                user=user,
                page_url=page.url,
            )
            return "closed"
        except (NotAllowed, services.Refused):
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = sorted(pool.map(close, staff))
    assert outcomes == ["closed", "refused"]
    ledger = services.ledger(fund)
    assert (ledger.committed, ledger.paid, ledger.reclaimed) == (
        Decimal("300"),
        Decimal("500"),
        Decimal("200"),
    )
    fund.refresh_from_db()
    assert fund.committed == ledger.committed
