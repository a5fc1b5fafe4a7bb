"""Results as CSV (spreadsheet-friendly: semicolons, BOM, German decimals stay as typed)."""

from django.utils.translation import gettext as _

from core.exports import csv_response

from . import modes


def results_csv(process, results):
    counted = _("gezählt") if results.counts_all else _("bestätigt")
    unverified = _("unbestätigt")
    yes, no, abstain = _("Ja"), _("Nein"), _("Enthaltung")
    header = [_("Rang"), _("Vorschlag"), _("Kosten (Euro)")]
    if results.mode == modes.YESNO:
        header += [f"{yes} ({counted})", f"{no} ({counted})", f"{abstain} ({counted})"]
        header += [f"{yes} ({unverified})", f"{no} ({unverified})", f"{abstain} ({unverified})"]
        header.append(_("angenommen"))
    elif results.mode == modes.POINTS:
        points = _("Punkte")
        header += [f"{points} ({counted})", f"{points} ({unverified})"]
    else:
        votes = _("Stimmen")
        header += [f"{votes} ({counted})", f"{votes} ({unverified})"]
        if results.mode == modes.BUDGET:
            header.append(_("im Budget ausgewählt"))
    lines = []
    for row in results.rows:
        cost = row.proposal.requested_budget
        line = [row.rank, row.proposal.title, "" if cost is None else str(cost)]
        if results.mode == modes.YESNO:
            line += [row.official.yes, row.official.no, row.official.abstain]
            line += [row.unofficial.yes, row.unofficial.no, row.unofficial.abstain]
            line.append(_("ja") if row.chosen else _("nein"))
        elif results.mode == modes.POINTS:
            line += [row.official.points, row.unofficial.points]
        else:
            line += [row.official.yes, row.unofficial.yes]
            if results.mode == modes.BUDGET:
                line.append(_("ja") if row.chosen else _("nein"))
        lines.append(line)
    return csv_response(f"ergebnisse-{process.slug}.csv", header, lines)
