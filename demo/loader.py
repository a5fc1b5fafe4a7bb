"""Reads the demo's content from the YAML files in demo/data/.

German is the source language: `load("news")` gives demo/data/news.yaml. Translations live
in demo/data/translations/<language>.yaml, one file per language, each entry in the shape
of its German source. Dates in the files are counted from the day the demo is built
(`days_from_today: -30` is a month ago), so the demo never goes stale.
"""

import copy
from datetime import datetime, time, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from django.utils import timezone

DATA = Path(__file__).resolve().parent / "data"


@cache
def _read(path):
    with open(path, encoding="utf-8") as file:
        return yaml.safe_load(file)


def load(name):
    """The German content of one section, e.g. load("site") for data/site.yaml."""
    return copy.deepcopy(_read(DATA / f"{name}.yaml"))


def translation(language, section, key=None):
    """One entry of data/translations/<language>.yaml: `section`, or `section: {key: …}`;
    None when the language has no such entry."""
    path = DATA / "translations" / f"{language}.yaml"
    entry = _read(path).get(section) if path.exists() else None
    if key is not None:
        entry = (entry or {}).get(key)
    return copy.deepcopy(entry)


def data_files():
    return sorted(DATA.rglob("*.yaml"))


def day(days_from_today):
    return timezone.localdate() + timedelta(days=days_from_today)


def moment(days_from_today, now=None):
    """Now (or `now`) moved by a number of days."""
    return (now or timezone.now()) + timedelta(days=days_from_today)


def local_datetime(days_from_today, clock):
    """A local date and time, e.g. in 14 days at "14:00"."""
    hours, minutes = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.combine(day(days_from_today), time(hours, minutes)))


def money(value):
    """An amount from the files (900, 845.50) as an exact Decimal; None stays None."""
    return None if value is None else Decimal(str(value))
