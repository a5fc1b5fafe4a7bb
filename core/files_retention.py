"""Uploaded files of deleted items: removed FILE_RETENTION_DAYS after nothing refers to them.

Deleting a row does not delete its file (Django leaves files alone; Wagtail keeps a
replaced document's file for our versions). Once a day the purger walks the upload folders
of every `FileField` in the project, on that field's own storage, and deletes files that no
row names and that were last changed before the retention period (so a file waiting
between an upload's preview and its saving is never touched).
"""

from django.apps import apps
from django.db import models

from . import privacy

SETTING = "FILE_RETENTION_DAYS"


def _folders():
    """{(storage, folder): [(model, field name), ...]} for fields with a fixed folder."""
    folders = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not isinstance(field, models.FileField) or field.model is not model:
                continue
            folder = _folder(model, field)
            if folder:
                folders.setdefault((field.storage, folder), []).append((model, field.name))
    return folders


def _folder(model, field):
    """The fixed folder a field uploads into: the text before the first date placeholder,
    or, for an `upload_to` function (random names), the first folder of a name it makes."""
    if isinstance(field.upload_to, str):
        return field.upload_to.split("%", 1)[0].strip("/")
    try:
        name = field.generate_filename(model(), "probe.txt")
    except Exception:  # noqa: BLE001 - a function that needs a saved instance: skip the field
        return ""
    return name.split("/", 1)[0] if "/" in name else ""


def _walk(storage, folder):
    try:
        directories, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError, OSError):
        return
    for name in files:
        yield f"{folder}/{name}"
    for directory in directories:
        yield from _walk(storage, f"{folder}/{directory}")


def _referenced(storage, folder_fields):
    names = set()
    for model, field_name in folder_fields:
        names.update(
            model._default_manager.exclude(**{field_name: ""})
            .values_list(field_name, flat=True)
            .iterator()
        )
    return names


def purge_orphaned_files(now):
    before = privacy.cutoff(now, SETTING)
    by_storage = {}
    for (storage, folder), fields in _folders().items():
        by_storage.setdefault(id(storage), (storage, [], []))
        by_storage[id(storage)][1].append(folder)
        by_storage[id(storage)][2].extend(fields)
    removed = 0
    for storage, folders, fields in by_storage.values():
        referenced = _referenced(storage, fields)
        unique = sorted(set(folders))
        # A folder inside another one is walked with it.
        tops = [f for f in unique if not any(f.startswith(o + "/") for o in unique)]
        for folder in tops:
            for name in _walk(storage, folder):
                if name in referenced:
                    continue
                try:
                    if storage.get_modified_time(name) >= before:
                        continue
                    storage.delete(name)
                except (OSError, NotImplementedError):
                    continue
                removed += 1
    return removed


def register():
    privacy.register_purger("files.orphaned", SETTING, purge_orphaned_files)
