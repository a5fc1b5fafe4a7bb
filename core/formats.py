"""Numbers and money written the way the reader's language writes them.

Django's localisation supplies the separators and grouping of each language; where the
euro sign goes follows CLDR: after the amount in German, Russian, Ukrainian and Arabic
("1.260,00 €"), before it in English and Turkish ("€1,260.00"). A no-break space keeps
the sign on the amount's line. In right-to-left languages the amount is isolated
(U+2066 … U+2069) so digits and sign keep their order inside Arabic text.
"""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import formats, translation

SIGN_FIRST = {"en", "tr"}
NBSP = "\u00a0"


def _language(language):
    return language or translation.get_language() or settings.LANGUAGE_CODE


def number(value, decimals=None, language=None):
    """`value` with the language's decimal separator and digit grouping; `decimals` fixes
    the number of decimal places (None: as many as the value has)."""
    if value is None or value == "":
        return ""
    try:
        value = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    with translation.override(_language(language)):
        return formats.number_format(value, decimals, use_l10n=True, force_grouping=True)


def money(value, language=None):
    """An amount in euros, e.g. "1.260,00 €" in German and "€1,260.00" in English."""
    if value is None or value == "":
        return ""
    language = _language(language)
    text = number(value, 2, language)
    negative = text.startswith("-")
    digits = text.lstrip("-")
    result = f"€{digits}" if language.split("-")[0] in SIGN_FIRST else f"{digits}{NBSP}€"
    result = f"−{result}" if negative else result
    if language.split("-")[0] in settings.LANGUAGES_BIDI:
        return f"\u2066{result}\u2069"
    return result
