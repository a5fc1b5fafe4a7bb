"""Files people download: tables as CSV or XLSX, documents as PDF. One way for every app.

Tables are a header and rows of plain values; every text cell is neutralised against
spreadsheet formulas. PDFs are rendered from a template with WeasyPrint.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from django.template.loader import render_to_string

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """Spreadsheet programs run cells starting with = + - @ as formulas: neutralise them."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@dataclass
class Sheet:
    title: str
    header: list
    rows: object = field(default_factory=list)  # any iterable of lists


def attachment(response, filename, inline=False):
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def csv_response(filename, header, rows):
    """Semicolons and a byte-order mark, as German spreadsheet programs expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return attachment(response, filename)


def _xlsx_value(value):
    return float(value) if isinstance(value, Decimal) else safe_cell(value)


def xlsx_response(filename, sheets):
    """One workbook with a worksheet per `Sheet`."""
    from openpyxl import Workbook  # heavy: load only when a workbook is made

    workbook = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=str(sheet.title)[:31])
        worksheet.append([str(cell) for cell in sheet.header])
        for row in sheet.rows:
            worksheet.append([_xlsx_value(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment(HttpResponse(buffer.getvalue(), content_type=XLSX), filename)


def pdf_bytes(template, context, request=None):
    """A PDF from an HTML template; the template gets `office` (core/identity.py) for its
    letterhead, `{% include "includes/pdf_office.html" %}`."""
    import weasyprint  # heavy: load only when a PDF is made

    from .identity import current_office

    site_id = None
    if request is not None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
        site_id = site.pk if site is not None else None
    context = {"office": current_office(site_id), **context}
    return weasyprint.HTML(string=render_to_string(template, context, request=request)).write_pdf()


def pdf_response(filename, template, context, request=None):
    response = HttpResponse(pdf_bytes(template, context, request), content_type="application/pdf")
    return attachment(response, filename)
