"""Staff export of a process's proposals (CSV and XLSX). No personal data of authors."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import Proposal


def columns():
    return [
        _("Nummer"),
        _("Titel"),
        _("Stand"),
        _("Handlungsfeld"),
        _("Ort"),
        _("Gewünschtes Budget (Euro)"),
        _("Unterstützungen"),
        _("Kommentare"),
        _("Eingereicht am"),
        _("Vom Büro eingetragen"),
        _("Ausgeblendet"),
    ]


def rows(process):
    from django.db.models import Count, Q

    proposals = (
        Proposal.objects.filter(process=process)
        .exclude(state="draft")
        .select_related("field_of_action")
        .annotate(comment_count=Count("comments", filter=Q(comments__hidden=False)))
        .order_by("pk")
    )
    yes, no = _("ja"), _("nein")
    for proposal in proposals.iterator(chunk_size=1000):
        yield [
            proposal.pk,
            proposal.title,
            proposal.get_state_display(),
            proposal.field_of_action.name if proposal.field_of_action else "",
            proposal.place,
            float(proposal.requested_budget) if proposal.requested_budget is not None else "",
            proposal.support_count,
            proposal.comment_count,
            timezone.localtime(proposal.submitted_at).strftime("%Y-%m-%d %H:%M")
            if proposal.submitted_at
            else "",
            yes if proposal.entered_by_id else no,
            yes if proposal.hidden else no,
        ]


def _filename(process, extension):
    return f"vorschlaege-{slugify(process.slug)}-{timezone.localdate():%Y-%m-%d}.{extension}"


def safe_cell(value):
    """Spreadsheet programs run cells starting with = + - @ as formulas: neutralise them."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_response(process):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(columns())
    for row in rows(process):
        writer.writerow([safe_cell(value) for value in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(process, "csv")}"'
    return response


def xlsx_response(process):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Vorschläge")[:31])
    sheet.append(columns())
    for row in rows(process):
        sheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(process, "xlsx")}"'
    return response
