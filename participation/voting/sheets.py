"""The printable sheet for a batch of voting codes: one card per code, cut along the lines.

Each card: the process, the code, the web address with a QR code (the address only, never
the code, so codes do not end up in server logs), and short instructions in every shipped
language. Made with WeasyPrint from an HTML template.
"""

import segno
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.exports import pdf_bytes
from core.identity import current_office
from portal.languages import all_languages


def vote_url(process):
    return process.site_subpage_url("vote")


def instructions():
    """One short instruction per language, each in its own language (a language whose
    catalogue lacks the sentence is left out rather than repeating the German)."""
    lines, seen = [], set()
    for language in all_languages():
        with translation.override(language.code):
            text = _(
                "Öffnen Sie die Adresse oder scannen Sie den QR-Code und geben Sie "
                "diesen Code ein. Er gilt für eine Stimme. Ein Konto brauchen Sie nicht."
            )
        if text in seen:
            continue
        seen.add(text)
        lines.append(
            {"lang": language.html_lang, "dir": "rtl" if language.bidi else "ltr", "text": text}
        )
    return lines


CODE_SHEET = "participation/voting/code_sheet.html"


def code_sheet_context(process, batch, plain_codes):
    url = vote_url(process)
    return {
        "process": process,
        "batch": batch,
        "codes": plain_codes,
        "url": url,
        "qr": segno.make(url, error="m").svg_inline(scale=3, border=1, dark="#000"),
        "instructions": instructions(),
        "office": current_office(),  # the letterhead on every card (the HTML preview too)
    }


def code_sheet_html(process, batch, plain_codes):
    return render_to_string(CODE_SHEET, code_sheet_context(process, batch, plain_codes))


def code_sheet_pdf(process, batch, plain_codes):
    return pdf_bytes(CODE_SHEET, code_sheet_context(process, batch, plain_codes))
