"""Staff export of a process's proposals (CSV and XLSX). No personal data of authors."""

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import exports

from . import states
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
        .exclude(state=states.DRAFT)
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


def csv_response(process):
    return exports.csv_response(_filename(process, "csv"), columns(), rows(process))


def xlsx_response(process):
    sheet = exports.Sheet(_("Vorschläge"), columns(), rows(process))
    return exports.xlsx_response(_filename(process, "xlsx"), [sheet])
