"""Backups of everything that holds state: the database and the uploaded files.

A backup is one dated folder:

    quartier-2026-12-01T203000Z/
        database.dump        pg_dump --format=custom (PostgreSQL), or database.sqlite3
        files/private/...    the private bucket (or PRIVATE_MEDIA_ROOT), keys as file paths
        files/public/...     the public bucket (or MEDIA_ROOT)
        manifest.json        when, from where, and every file with its size and SHA-256

`restore` reads such a folder back into a fresh (empty) database and fresh buckets or
folders, checking every file against the manifest. Used by `manage.py backup` and
`manage.py restore` (`make backup`, `make restore`; docs/operations.md, "Backups").
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.core.files.storage import storages
from django.db import connections

FORMAT = 1
DUMP, SQLITE_COPY, MANIFEST = "database.dump", "database.sqlite3", "manifest.json"


class BackupError(Exception):
    pass


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env(db):
    env = {**os.environ}
    for key, value in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGDATABASE", db.get("NAME")),
    ):
        if value:
            env[key] = str(value)
    return env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")
    return result


# --- where the files are ----------------------------------------------------------------


def file_areas():
    """{"private": source, "public": source}: ("s3", bucket, prefix) or ("folder", path),
    as the two storages of the settings say. With one bucket for both (S3_PUBLIC_BUCKET
    empty) the bucket is one area, its public prefix included."""
    private, public = storages["default"], storages["public"]
    if hasattr(private, "bucket_name"):
        areas = {"private": ("s3", private.bucket_name, "")}
        if public.bucket_name != private.bucket_name:
            areas["public"] = ("s3", public.bucket_name, "")
        return areas
    return {
        "private": ("folder", str(private.location)),
        "public": ("folder", str(public.location)),
    }


def s3_client():
    """The boto3 client of the private storage (its endpoint and credentials)."""
    return storages["default"].connection.meta.client


def _s3_keys(client, bucket, prefix=""):
    paginator = client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            yield item["Key"]


def _safe_path(base, key):
    target = (base / key).resolve()
    if not str(target).startswith(str(base.resolve()) + os.sep):
        raise BackupError(f"refusing the object name {key!r} (leaves the backup folder)")
    return target


# --- backup -------------------------------------------------------------------------------


def backup(destination, now=None, log=lambda message: None):
    """Makes a dated backup folder below ``destination``; returns its path."""
    now = now or datetime.now(UTC)
    folder = Path(destination) / f"quartier-{now:%Y-%m-%dT%H%M%SZ}"
    folder.mkdir(parents=True, exist_ok=False)
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(),
        "database": _backup_database(folder),
        "areas": {},
    }
    log(f"database: {manifest['database']['file']}")
    for area, source in file_areas().items():
        files = _backup_area(folder / "files" / area, source)
        manifest["areas"][area] = {"source": list(source), "files": files}
        log(f"{area} files: {len(files)}")
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return folder


def _backup_database(folder):
    db = connections["default"].settings_dict
    vendor = connections["default"].vendor
    if vendor == "postgresql":
        target = folder / DUMP
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(target)],
            _pg_env(db),
        )
        version = _run(["pg_dump", "--version"], os.environ).stdout.strip()
        return {"vendor": vendor, "file": DUMP, "tool": version, "sha256": _sha256(target)}
    if vendor == "sqlite":
        target = folder / SQLITE_COPY
        source = sqlite3.connect(db["NAME"])
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return {"vendor": vendor, "file": SQLITE_COPY, "sha256": _sha256(target)}
    raise BackupError(f"no backup for the database vendor {vendor}")


def _backup_area(target, source):
    target.mkdir(parents=True, exist_ok=True)
    files = {}
    if source[0] == "s3":
        _kind, bucket, prefix = source
        client = s3_client()
        for key in _s3_keys(client, bucket, prefix):
            path = _safe_path(target, key)
            path.parent.mkdir(parents=True, exist_ok=True)
            client.download_file(bucket, key, str(path))
            files[key] = {"size": path.stat().st_size, "sha256": _sha256(path)}
    else:
        root = Path(source[1])
        if root.exists():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                key = path.relative_to(root).as_posix()
                copy = _safe_path(target, key)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, copy)
                files[key] = {"size": copy.stat().st_size, "sha256": _sha256(copy)}
    return files


# --- restore ------------------------------------------------------------------------------


def read_manifest(folder):
    path = Path(folder) / MANIFEST
    if not path.exists():
        raise BackupError(f"{folder} is no backup: {MANIFEST} is missing")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    return manifest


def check(folder, manifest):
    """Every file of the backup is there with the recorded bytes."""
    folder = Path(folder)
    database = folder / manifest["database"]["file"]
    if not database.exists() or _sha256(database) != manifest["database"]["sha256"]:
        raise BackupError(f"{database.name} is missing or damaged")
    for area, entry in manifest["areas"].items():
        for key, meta in entry["files"].items():
            path = folder / "files" / area / key
            if not path.exists() or _sha256(path) != meta["sha256"]:
                raise BackupError(f"{area} file {key} is missing or damaged")


def restore(folder, force=False, log=lambda message: None):
    """Restores the backup ``folder`` into the configured database and file areas, which
    must be empty unless ``force``."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    check(folder, manifest)
    _restore_database(folder, manifest["database"], force)
    log("database restored")
    areas = file_areas()
    for area, entry in manifest["areas"].items():
        target = areas.get(area) or areas["private"]
        count = _restore_area(folder / "files" / area, entry["files"], target, force)
        log(f"{area} files restored: {count}")
    return manifest


def _restore_database(folder, entry, force):
    connection = connections["default"]
    if entry["vendor"] != connection.vendor:
        raise BackupError(
            f"the backup holds a {entry['vendor']} database, the settings name {connection.vendor}"
        )
    if connection.introspection.table_names() and not force:
        raise BackupError(
            "the database is not empty; restore into a fresh database (or use --force to "
            "replace what it holds)"
        )
    connection.close()
    db = connection.settings_dict
    if entry["vendor"] == "postgresql":
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
        if force:
            command += ["--clean", "--if-exists"]
        _run([*command, "-d", db["NAME"], str(folder / entry["file"])], _pg_env(db))
    else:
        shutil.copyfile(folder / entry["file"], db["NAME"])


def _restore_area(source, files, target, force):
    if target[0] == "s3":
        _kind, bucket, _prefix = target
        client = s3_client()
        existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
        if bucket not in existing:
            client.create_bucket(Bucket=bucket)
        elif not force and next(_s3_keys(client, bucket), None) is not None:
            raise BackupError(f"the bucket {bucket} is not empty (use --force to add to it)")
        for key in files:
            client.upload_file(str(source / key), bucket, key)
    else:
        root = Path(target[1])
        if root.exists() and any(root.rglob("*")) and not force:
            raise BackupError(f"the folder {root} is not empty (use --force to add to it)")
        for key in files:
            path = _safe_path(root, key)
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / key, path)
    return len(files)
