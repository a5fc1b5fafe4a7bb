"""Text as people type it, made safe to show and to store.

`clean_text` removes what a reader cannot see but a browser obeys: bidirectional overrides and
isolates (a title "‮gnp.exe" shows as "exe.png") and zero-width characters (two titles that
look the same but differ; a name that hides a word from a filter), and control characters
(a NUL byte that PostgreSQL refuses to store).

The zero-width joiner and non-joiner are kept where writing needs them: between two letters
of a script whose shaping depends on them (Persian writes "می‌خواهم" with a non-joiner;
Indic scripts choose conjunct forms with both; Unicode Standard, ch. 23.2), and the joiner
between two pictographs of an emoji sequence. Between Latin, Greek or Cyrillic letters they
change nothing visible and are removed.
"""

import re
import unicodedata

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u2060\ufeff"
ZWNJ, ZWJ = "\u200c", "\u200d"
VARIATION_SELECTOR_16 = "\ufe0f"
# Scripts in which a letter next to a joiner never needs it.
_NO_JOINING_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "GEORGIAN", "CJK", "HANGUL")

_ALWAYS_REMOVED = re.compile(
    "[" + BIDI_CONTROLS + ZERO_WIDTH + "]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029\x85]")


def _joining_letter(char):
    if not char or unicodedata.category(char)[0] not in "LM":
        return False
    name = unicodedata.name(char, "")
    return not name.startswith(_NO_JOINING_SCRIPTS) and ord(char) > 0x24F


def _pictograph(char):
    return bool(char) and (
        unicodedata.category(char) in ("So", "Sk") or char == VARIATION_SELECTOR_16
    )


def _keep_joiner(before, joiner, after):
    if _joining_letter(before) and _joining_letter(after):
        return True
    return joiner == ZWJ and _pictograph(before) and _pictograph(after)


def clean_text(value, multiline=False):
    """`value` without bidi controls, invisible zero-width characters and control characters.

    A single-line value (titles, names) also loses tabs and line breaks (each becomes a
    space); `multiline=True` keeps them (descriptions, comments). Anything not a string is
    returned unchanged."""
    if not isinstance(value, str):
        return value
    value = _ALWAYS_REMOVED.sub("", value)
    if not multiline:
        value = _LINE_BREAKS.sub(" ", value)
    if ZWJ in value or ZWNJ in value:
        kept = []
        for index, char in enumerate(value):
            if char in (ZWJ, ZWNJ):
                before = kept[-1] if kept else ""
                after = value[index + 1] if index + 1 < len(value) else ""
                if not _keep_joiner(before, char, after):
                    continue
            kept.append(char)
        value = "".join(kept)
    return value


def has_hidden_characters(value):
    """True if `clean_text` would change `value` beyond line breaks."""
    return isinstance(value, str) and clean_text(value, multiline=True) != value
