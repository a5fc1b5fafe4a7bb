"""The ledger as a chart (server-rendered SVG numbers, no JavaScript) and the annual report
for the funder: CSV, XLSX and PDF, by field of action."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import exports

from .models import Application
from .models.applications import FUNDED
from .services import ledger


def ledger_bars(ledger):
    """Bars for budget, committed, paid, reclaimed, free: label, amount, width in percent."""
    budget = ledger.budget or Decimal("1")
    rows = [
        (_("Budget"), ledger.budget, "budget"),
        (_("Gebunden"), ledger.committed, "committed"),
        (_("Ausgezahlt"), ledger.paid, "paid"),
        (_("Zurückgefordert"), ledger.reclaimed, "reclaimed"),
        (_("Frei"), ledger.free, "free"),
    ]
    return [
        {
            "label": label,
            "amount": amount,
            "key": key,
            "width": float(min(max(amount / budget * 100, 0), 100)),
        }
        for label, amount, key in rows
    ]


def report_rows(fund):
    applications = (
        Application.objects.filter(fund=fund, state__in=FUNDED)
        .select_related("field_of_action")
        .order_by("field_of_action__name", "starts_on")
    )
    rows, by_field = [], {}
    for application in applications:
        field = application.field_of_action.name if application.field_of_action else _("ohne")
        granted = application.approved_amount or Decimal("0")
        final = application.final_amount
        rows.append(
            {
                "field": field,
                "title": application.title,
                "name": application.public_name,
                "dates": f"{application.starts_on:%d.%m.%Y}–{application.ends_on:%d.%m.%Y}",
                "granted": granted,
                "final": final,
                "state": application.get_state_display(),
            }
        )
        summary = by_field.setdefault(
            field, {"count": 0, "granted": Decimal("0"), "final": Decimal("0")}
        )
        summary["count"] += 1
        summary["granted"] += granted
        summary["final"] += final
    return rows, by_field


def annual_report(request, fund, kind):
    rows, by_field = report_rows(fund)
    header = [
        _("Handlungsfeld"),
        _("Aktion"),
        _("Träger (mit Einwilligung)"),
        _("Zeitraum"),
        _("Bewilligt (Euro)"),
        _("Abgerechnet (Euro)"),
        _("Stand"),
    ]
    table = [
        [r["field"], r["title"], r["name"], r["dates"], r["granted"], r["final"], r["state"]]
        for r in rows
    ]
    name = f"foerderbericht-{fund.year}"
    if kind == "csv":
        return exports.csv_response(f"{name}.csv", header, table)
    if kind == "xlsx":
        summary = [
            [field, values["count"], values["granted"], values["final"]]
            for field, values in by_field.items()
        ]
        sheets = [
            exports.Sheet(pgettext("Förderung", "Aktionen"), header, table),
            exports.Sheet(
                _("Nach Handlungsfeld"),
                [_("Handlungsfeld"), _("Aktionen"), _("Bewilligt (Euro)"), _("Abgerechnet (Euro)")],
                summary,
            ),
        ]
        return exports.xlsx_response(f"{name}.xlsx", sheets)
    context = {
        "fund": fund,
        "rows": rows,
        "by_field": by_field,
        "ledger": ledger(fund),
        "generated": timezone.now(),
    }
    return exports.pdf_response(f"{name}.pdf", "fund/report_pdf.html", context, request)
