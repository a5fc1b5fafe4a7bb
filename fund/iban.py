"""IBAN: check (country length and mod-97 checksum, ISO 13616) and masked display."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Length of the IBAN per country (SEPA countries and their territories).
LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22,
    "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23,
    "GL": 18, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21,
    "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28,
    "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22,
}  # fmt: skip


def compact(value):
    """The IBAN without spaces, in capitals."""
    return re.sub(r"[\s-]", "", value or "").upper()


def checksum_ok(iban):
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in moved)) % 97 == 1


def validate_iban(value):
    iban = compact(value)
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", iban):
        raise ValidationError(
            _("Eine IBAN beginnt mit dem Ländercode und zwei Prüfziffern, z. B. DE89 3704 …"),
            code="format",
        )
    length = LENGTHS.get(iban[:2])
    if length is None:
        raise ValidationError(
            _("IBANs aus %(country)s können wir nicht annehmen (nur SEPA-Länder)."),
            params={"country": iban[:2]},
            code="country",
        )
    if len(iban) != length:
        raise ValidationError(
            _("Eine IBAN aus %(country)s hat %(length)s Zeichen, diese hat %(actual)s."),
            params={"country": iban[:2], "length": length, "actual": len(iban)},
            code="length",
        )
    if not checksum_ok(iban):
        raise ValidationError(
            _("Die Prüfziffern passen nicht: Bitte vergleichen Sie die IBAN mit Ihrer Bankkarte."),
            code="checksum",
        )


def grouped(iban):
    iban = compact(iban)
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def masked(iban):
    """Country, check digits and the last four characters: "DE89 **** **** **** **30 00"."""
    iban = compact(iban)
    if not iban:
        return ""
    hidden = iban[:4] + "*" * max(len(iban) - 8, 0) + iban[max(len(iban) - 4, 4) :]
    return grouped(hidden)
