"""Search terms the same way on SQLite and PostgreSQL: folding and word stems per language.

Wagtail's database backend stems words only on PostgreSQL (with one text search config for
the whole index); SQLite's FTS5 finds exact words. So every indexed object also gets a field
of *search terms* (`index_terms`): its words folded (lower case; ß → ss; ä, ae → a; accents
off) and reduced to their stem in the language the text is written in. The visitor's query
goes through the same steps in the visitor's language (`build_query`) and each word is looked
for as typed or as its stem. "Strassenfest" and "Straßenfest", "Vorschläge" and "Vorschlag",
"Bänke" and "Bank" meet on both databases.

German (and Leichte Sprache) uses CISTEM (Weißweiler & Fraser 2017, a stemmer made for
German); English a light suffix stemmer; the other site languages are folded only.
"""

import re
import unicodedata

from wagtail.search.query import And, Or, PlainText

MAX_TERMS = 10
# Words: letters and digits (an underscore, a quote or any punctuation separates them).
WORD = re.compile(r"[^\W_]+")

# --- folding ----------------------------------------------------------------------------


def fold(word):
    """Lower case without accents, with ß as ss: "Straße" and "STRASSE" → "strasse"."""
    word = word.casefold()  # ß → ss as well
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# --- German: CISTEM ---------------------------------------------------------------------

_GERMAN_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
_GERMAN_DIGRAPHS = re.compile(r"(?<=[a-pr-z])(ae|oe|ue)")
_DOUBLE = re.compile(r"(.)\1")
_DOUBLE_BACK = re.compile(r"(.)\*")


def stem_german(word):
    """The CISTEM stem of a German word, case-insensitive; umlauts and their spelling with
    e ("Muehlbach") fold to the plain vowel first."""
    word = word.casefold().translate(_GERMAN_UMLAUTS)
    word = fold(word)
    # "ae", "oe", "ue" as typed without umlauts ("Baenke"); "qu" is left alone.
    word = _GERMAN_DIGRAPHS.sub(lambda match: match.group(1)[0], word)
    if len(word) > 6 and word.startswith("ge"):
        word = word[2:]
    word = word.replace("sch", "$").replace("ei", "%").replace("ie", "&")
    word = _DOUBLE.sub(r"\1*", word)
    while len(word) > 3:
        if len(word) > 5 and word[-2:] in ("em", "er", "nd"):
            word = word[:-2]
            continue
        if word[-1] in "tesn":
            word = word[:-1]
            continue
        break
    word = _DOUBLE_BACK.sub(r"\1\1", word)
    return word.replace("%", "ei").replace("&", "ie").replace("$", "sch")


# --- English: a light suffix stemmer ----------------------------------------------------

_VOWEL = re.compile(r"[aeiouy]")


def stem_english(word):
    """Plural and common verb endings off: "benches", "bench"; "planned", "planning",
    "plan"; "proposals", "proposal"."""
    word = fold(word)
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and _VOWEL.search(stem):
            word = stem
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def stemmer(language):
    """The stemmer of a site language (Leichte Sprache is German)."""
    base = (language or "").split("-")[0].lower()
    if base == "de":
        return stem_german
    if base == "en":
        return stem_english
    return fold


# --- index and query --------------------------------------------------------------------


def words(text):
    return WORD.findall(text or "")


def index_terms(text, language):
    """The stems of every word of `text` (written in `language`), each once, for an
    indexed field."""
    stem = stemmer(language)
    return " ".join(dict.fromkeys(stem(word) for word in words(text)))


# Words too common to narrow a search, left out of queries as PostgreSQL's configs do (so
# "Fest im Park" finds the same on SQLite), unless nothing else was typed.
STOP_WORDS = {
    "de": {
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "und",
        "oder",
        "im",
        "in",
        "am",
        "an",
        "auf",
        "aus",
        "bei",
        "mit",
        "nach",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "für",
        "ist",
        "sind",
        "es",
    },
    "en": {
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "is",
        "are",
        "it",
    },
}


def query_words(query, language=""):
    """The words of a query that take part in the search: at most MAX_TERMS; single
    letters and stop words only when nothing else was typed."""
    found = words(query)
    stop = STOP_WORDS.get((language or "").split("-")[0].lower(), set())
    useful = [word for word in found if len(word) > 1 and fold(word) not in stop]
    return (useful or found)[:MAX_TERMS]


def build_query(query, language):
    """A Wagtail search query that finds every word of `query` as typed or as its stem in
    `language`; None when nothing searchable was typed (only punctuation, quotes, …)."""
    stem = stemmer(language)
    parts = []
    for word in query_words(query, language):
        variants = list(dict.fromkeys([fold(word), stem(word)]))
        if len(variants) == 1:
            parts.append(PlainText(variants[0]))
        else:
            parts.append(Or([PlainText(variant) for variant in variants]))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)
