"""Residents' data rights (DSGVO Art. 15, 17, 20) and retention, as a registry.

`core` knows no app. Each app registers, from its `AppConfig.ready()`:

- an **exporter** `(user) -> Export`: JSON-able data about that person under the app's
  section name, plus the files they uploaded as `(path in the ZIP, FieldFile)` pairs. An
  exporter runs a fixed number of queries, whatever the amount of data (tested);
- an **eraser** `(user) -> {what: count}`: erases or anonymises what the app holds about the
  person *before* the account row is deleted, and keeps official records intact (minutes,
  decisions, ballots, fund files under their own retention). The counts go to the
  `DeletionLog`, never a name;
- **purgers** `Purger(name, setting, callable(now) -> count)`: remove what has passed its
  retention period (`purge_expired` command and the daily task `purge_expired_task`).

`export_zip(user)` builds the download; `delete_account(user)` runs every eraser and
deletes the account in one transaction; `purge_expired(now)` runs every purger.
"""

import contextlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

DELETED_ACCOUNT = "gelöschtes Konto"  # shown in place of a name (translated in templates)


@dataclass
class Export:
    """One app's part of a person's data: `data` goes into data.json under the section name;
    `files` are (path inside the ZIP, FieldFile)."""

    data: object
    files: list = field(default_factory=list)


@dataclass(frozen=True)
class Purger:
    name: str  # what it removes, for the command's output and the log
    setting: str  # the setting that holds the retention period in days
    purge: object  # callable(now) -> number of things removed


_exporters = {}
_erasers = {}
_purgers = {}


def register_exporter(section, exporter):
    """`exporter(user) -> Export`; its data appears in data.json under `section`."""
    _exporters[section] = exporter


def register_eraser(name, eraser):
    """`eraser(user) -> {what: count}`, run inside the deletion's transaction."""
    _erasers[name] = eraser


def register_purger(name, setting, purge):
    _purgers[name] = Purger(name, setting, purge)


def exporters():
    return dict(_exporters)


def erasers():
    return dict(_erasers)


def purgers():
    return list(_purgers.values())


def retention_days(setting):
    return int(getattr(settings, setting))


def cutoff(now, setting):
    """The moment before which things kept for `setting` days have expired."""
    return now - timedelta(days=retention_days(setting))


# --- Export ---------------------------------------------------------------------------


def collect(user):
    """(data, files) for a person: every registered section, in registration order."""
    data = {"exported_at": timezone.now(), "site": settings.SITE_URL}
    files = []
    for section, exporter in _exporters.items():
        part = exporter(user)
        data[section] = part.data
        files.extend(part.files)
    return data, files


def export_zip(user, target=None):
    """Write the person's data as a ZIP (data.json and the files they uploaded) into
    `target` (a binary file object; default: a new BytesIO) and return it, rewound.
    Files are copied in chunks; one missing from storage is listed under `missing_files`."""
    data, files = collect(user)
    buffer = target if target is not None else io.BytesIO()
    missing = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        seen = set()
        for path, fieldfile in files:
            if not fieldfile or path in seen:
                continue
            seen.add(path)
            try:
                with fieldfile.open("rb") as handle, archive.open(path, "w") as target:
                    for chunk in iter(lambda handle=handle: handle.read(64 * 1024), b""):
                        target.write(chunk)
            except (OSError, ValueError):
                missing.append(path)
        data["missing_files"] = missing
        archive.writestr(
            "data.json",
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        )
    buffer.seek(0)
    return buffer


def file_path(section, fieldfile, prefix="", name=""):
    """A readable path inside the ZIP for an uploaded file: the name it was uploaded under
    (`name`, as the model keeps it) or else the stored name; `prefix` keeps paths apart."""
    name = (name or fieldfile.name).replace("\\", "/").rsplit("/", 1)[-1]
    return f"files/{section}/{prefix}{name}"


# --- Deletion -------------------------------------------------------------------------


def erase(user):
    """Run every registered eraser for the person (before the account row goes, so nothing
    an eraser keeps is taken along by a cascade); returns {"app.what": count}."""
    counts = {}
    for name, eraser in _erasers.items():
        for what, number in (eraser(user) or {}).items():
            if number:
                counts[f"{name}.{what}"] = number
    return counts


def log_deletion(counts, reason):
    from .models import DeletionLog

    return DeletionLog.objects.create(reason=reason, counts={**counts, "accounts.user": 1})


def delete_account(user, reason="self"):
    """Erase the person's data (every registered eraser), delete the account and write a
    `DeletionLog` with the counts only. Effective at once, in one transaction. Every way
    of deleting an account must come through here (or `erase` + `log_deletion` right before
    the delete, as the admin's bulk deletion does): a bare `user.delete()` would cascade
    through records that must stay, such as the attendance in minutes."""
    with transaction.atomic():
        counts = erase(user)
        user.delete()
        return log_deletion(counts, reason)


# --- Retention ------------------------------------------------------------------------


def purge_expired(now=None):
    """Run every purger; returns {name: number removed}. Each purger runs in its own
    transaction, so one failing does not undo the others' work."""
    now = now or timezone.now()
    result = {}
    for purger in _purgers.values():
        with transaction.atomic():
            result[purger.name] = purger.purge(now)
    return result


def delete_files(fieldfiles):
    """Delete stored files after the transaction that removed their rows commits."""
    names = [(f.storage, f.name) for f in fieldfiles if f]

    def remove():
        for storage, name in names:
            with contextlib.suppress(OSError):
                storage.delete(name)

    transaction.on_commit(remove)
    return len(names)
