"""Reading query and form parameters that views take by hand (filters, ids, page numbers).

Anything can arrive: `?item=abc`, `?seite=99999999999999999999`, `?q=%00`, a thousand
characters. These helpers return a usable value or the default, never raise, so a view never
answers with a server error because of what was typed into the address bar. Forms do the same
for their fields (Django's `CharField` already refuses NUL bytes).

`data` is a `QueryDict` (`request.GET` or `request.POST`) or any mapping.
"""

import re

from .text import clean_text

# The largest id a database integer column holds (PostgreSQL `integer`; Django's AutoField).
MAX_ID = 2**31 - 1
MAX_TEXT = 200
_INTEGER = re.compile(r"\A[+-]?[0-9]{1,18}\Z")
_QUOTES = re.compile('["“”„«»]')


def _raw(data, name):
    try:
        value = data.get(name)
    except AttributeError:
        return None
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return value


def int_param(data, name, default=None, *, minimum=None, maximum=None):
    """The whole number in `data[name]`, or `default` if missing, not a number (leading and
    trailing blanks allowed) or outside minimum…maximum."""
    value = _raw(data, name)
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _INTEGER.match(value.strip()):
        number = int(value.strip())
    else:
        return default
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return default
    return number


def id_param(data, name, default=None):
    """A database id (a positive integer an id column can hold), or `default`."""
    return int_param(data, name, default, minimum=1, maximum=MAX_ID)


def choice_param(data, name, choices, default=""):
    """`data[name]` if it is one of `choices` (values, or (value, label) pairs, or a
    mapping), else `default`."""
    value = _raw(data, name)
    if isinstance(choices, dict):
        allowed = choices.keys()
    else:
        allowed = [c[0] if isinstance(c, (list, tuple)) else c for c in choices]
    return value if isinstance(value, str) and value in allowed else default


def text_param(data, name, default="", *, max_length=MAX_TEXT):
    """`data[name]` as one line of text: without NUL and other control characters, bidi
    overrides and invisible zero-width characters, trimmed, at most `max_length` long."""
    value = _raw(data, name)
    if not isinstance(value, str):
        return default
    return clean_text(value).strip()[:max_length].strip()


def search_query(data, name="q", *, max_length=MAX_TEXT):
    """The text of a search box, ready for the search backend: `text_param`, and quotes only
    in pairs (an unbalanced quote makes a phrase that never ends; it is dropped, the words
    stay)."""
    query = text_param(data, name, max_length=max_length)
    return balance_quotes(query)


def balance_quotes(query):
    """`query` with typographic quotes made straight and an unpaired last quote removed."""
    query = _QUOTES.sub('"', query)
    if query.count('"') % 2:
        head, _, tail = query.rpartition('"')
        query = (head + " " + tail).strip()
    return " ".join(query.split()) if '"' in query else query
