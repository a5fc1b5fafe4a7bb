"""The ledger as a chart (server-rendered SVG numbers, no JavaScript) and the annual report
for the funder: CSV, XLSX and PDF, by field of action."""

from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import exports

from .models import Application
from .models.applications import FUNDED, SETTLED
from .models.ledger import Kind
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


ZERO = Decimal("0")


def report_rows(fund):
    """One row per funded action: granted, paid and reclaimed apart, and the settled amount
    only once the settlement is closed (an action still to settle counts as not settled)."""
    applications = (
        Application.objects.filter(fund=fund, state__in=FUNDED)
        .select_related("field_of_action")
        .annotate(
            paid_sum=Sum("entries__amount", filter=Q(entries__kind=Kind.PAY)),
            reclaimed_sum=Sum("entries__amount", filter=Q(entries__kind=Kind.RECLAIM)),
        )
        .order_by("field_of_action__name", "starts_on")
    )
    rows, by_field = [], {}
    for application in applications:
        field = application.field_of_action.name if application.field_of_action else _("ohne")
        settled = application.state == SETTLED
        row = {
            "field": field,
            "title": application.title,
            "name": application.public_name,
            "dates": f"{application.starts_on:%d.%m.%Y}–{application.ends_on:%d.%m.%Y}",
            "granted": application.approved_amount or ZERO,
            "paid": application.paid_sum or ZERO,
            "reclaimed": application.reclaimed_sum or ZERO,
            "settled": application.proven_amount if settled else None,
            "state": application.get_state_display(),
        }
        rows.append(row)
        summary = by_field.setdefault(
            field,
            {
                "count": 0,
                "settled_count": 0,
                "granted": ZERO,
                "paid": ZERO,
                "reclaimed": ZERO,
                "settled": ZERO,
            },
        )
        summary["count"] += 1
        summary["settled_count"] += int(settled)
        for key in ("granted", "paid", "reclaimed"):
            summary[key] += row[key]
        summary["settled"] += row["settled"] or ZERO
    return rows, by_field


def decimal_comma(value):
    """A German spreadsheet's number: 1234,50 (no thousands separator)."""
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    return value


def _header():
    return [
        _("Handlungsfeld"),
        _("Aktion"),
        _("Träger (mit Einwilligung)"),
        _("Zeitraum"),
        _("Bewilligt (Euro)"),
        _("Ausgezahlt (Euro)"),
        _("Zurückgefordert (Euro)"),
        _("Abgerechnet (Euro)"),
        _("Stand"),
    ]


def annual_report(request, fund, kind):
    rows, by_field = report_rows(fund)
    header = _header()
    table = [
        [
            r["field"],
            r["title"],
            r["name"],
            r["dates"],
            r["granted"],
            r["paid"],
            r["reclaimed"],
            "" if r["settled"] is None else r["settled"],
            r["state"],
        ]
        for r in rows
    ]
    name = f"foerderbericht-{fund.year}"
    if kind == "csv":
        return exports.csv_response(f"{name}.csv", header, table)
    if kind == "excel-csv":
        # For German Excel: semicolons, decimal commas, UTF-8 with a byte-order mark.
        german = [[decimal_comma(value) for value in row] for row in table]
        return exports.csv_response(f"{name}-excel.csv", header, german)
    if kind == "xlsx":
        summary = [
            [
                field,
                values["count"],
                values["settled_count"],
                values["granted"],
                values["paid"],
                values["reclaimed"],
                values["settled"],
            ]
            for field, values in by_field.items()
        ]
        sheets = [
            exports.Sheet(pgettext("Förderung", "Aktionen"), header, table),
            exports.Sheet(
                _("Nach Handlungsfeld"),
                [
                    _("Handlungsfeld"),
                    _("Aktionen"),
                    _("davon abgerechnet"),
                    _("Bewilligt (Euro)"),
                    _("Ausgezahlt (Euro)"),
                    _("Zurückgefordert (Euro)"),
                    _("Abgerechnet (Euro)"),
                ],
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
