"""Backups round trip (`manage.py backup` / `restore`, core/backups.py): pages, a document and
a ballot in PostgreSQL and the object store (SeaweedFS); back up; restore into a fresh
database and fresh buckets; the restored site serves the same pages, the same document
bytes and the same ballot. Needs PostgreSQL (pg_dump) and `weed`."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from tests.s3server import ACCESS_KEY, SECRET_KEY

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import json, sys, urllib.request
import django
django.setup()
from django.test import Client
from wagtail.documents import get_document_model
from participation.models import Ballot
wanted = json.loads(sys.argv[1])
client = Client(HTTP_HOST="localhost")
page = client.get(wanted["page_url"])
document = get_document_model().objects.get(pk=wanted["document_id"])
served = client.get(document.url)
if served.status_code == 302:
    with urllib.request.urlopen(served["Location"], timeout=10) as answer:
        document_bytes = answer.read()
elif served.status_code == 200:
    document_bytes = b"".join(served.streaming_content)
else:
    document_bytes = b""
ballots = [
    (b.voter_key, sorted((v.proposal_id, v.value) for v in b.votes.all()))
    for b in Ballot.objects.filter(process_id=wanted["process_id"]).order_by("pk")
]
print("RESULT " + json.dumps({
    "page_status": page.status_code,
    "page_has_text": wanted["page_text"] in page.content.decode(),
    "document_status": served.status_code,
    "document_bytes": document_bytes.hex(),
    "stored_bytes": document.file.read().hex(),
    "ballots": ballots,
}))
"""


def postgres_url(name):
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


@pytest.fixture
def fresh_database(django_db_setup, django_db_blocker):
    if connection.vendor != "postgresql":
        pytest.skip("the backup round trip needs PostgreSQL (pg_dump); DATABASE_URL is SQLite")
    name = f"{connection.settings_dict['NAME']}_restored_{secrets.token_hex(3)}"
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
        )
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture
def site_data(django_db_setup, django_db_blocker, s3_server):
    """A page, a private document and a cast ballot, committed (pg_dump sees them), files
    in the test buckets; removed afterwards."""
    from wagtail.documents import get_document_model

    from participation.voting import ballots, identity
    from tests.participation.factories import make_vote_process
    from tests.portal.factories import ContentPageFactory, UserFactory, paragraphs

    made = []
    with django_db_blocker.unblock(), override_settings(**s3_server.settings()):
        page = ContentPageFactory(
            title="Sprechzeiten im Sommer",
            slug=f"sprechzeiten-{secrets.token_hex(3)}",
            body=paragraphs("Mittwochs von 9 bis 12 Uhr im Stadtteilbüro."),
            aliases=False,
        )
        content = b"%PDF-1.4 Protokoll " + secrets.token_bytes(64)
        document = get_document_model().objects.create(
            title="Protokoll Stadtteilkonferenz", file=ContentFile(content, name="protokoll.pdf")
        )
        process, proposals = make_vote_process(
            slug=f"abstimmung-{secrets.token_hex(3)}", mode="approval", proposals=2
        )
        token = secrets.token_hex(4)
        voter = UserFactory(username=f"waehlerin-{token}", email=f"waehlerin-{token}@example.org")
        ballots.cast(
            process=process,
            voter=identity.for_user(voter, process),
            choices={proposals[1].pk: 1},
        )
        authors = {proposal.author for proposal in proposals}
        made += [document, page, process, voter, *authors]
        yield {
            "page_url": page.url,
            "page_text": "Mittwochs von 9 bis 12 Uhr",
            "document_id": document.pk,
            "document_bytes": content,
            "process_id": process.pk,
            "proposals": proposals,
        }
        for item in made:
            type(item).objects.filter(pk=item.pk).delete()


def run_on_restored(args, database, private, public, s3_endpoint):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DJANGO_")) and key != "REDIS_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DATABASE_URL=postgres_url(database),
        MEDIA_STORAGE="s3",
        S3_ENDPOINT_URL=s3_endpoint,
        S3_ACCESS_KEY=ACCESS_KEY,
        S3_SECRET_KEY=SECRET_KEY,
        S3_REGION="us-east-1",
        S3_PRIVATE_BUCKET=private,
        S3_PUBLIC_BUCKET=public,
        PRIVATE_FILES_SERVE="s3",
    )
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_backup_restore_round_trip(fresh_database, site_data, s3_server, tmp_path):
    private = s3_server.settings()["STORAGES"]["default"]["OPTIONS"]["bucket_name"]
    with override_settings(**s3_server.settings()):
        call_command("backup", to=str(tmp_path), stdout=open(os.devnull, "w"))  # noqa: SIM115
    (folder,) = tmp_path.iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert (folder / "database.dump").read_bytes()[:5] == b"PGDMP"  # custom format
    files = manifest["areas"]["private"]["files"]
    stored = [key for key in files if key.endswith(".pdf")]
    assert stored, files
    assert any(
        (folder / "files" / "private" / key).read_bytes() == site_data["document_bytes"]
        for key in stored
    )
    assert manifest["areas"]["private"]["source"] == ["s3", private, ""]

    new_private = f"restored-private-{secrets.token_hex(3)}"
    new_public = f"restored-public-{secrets.token_hex(3)}"
    restored = run_on_restored(
        ["manage.py", "restore", str(folder)],
        fresh_database,
        new_private,
        new_public,
        s3_server.endpoint,
    )
    assert restored.returncode == 0, restored.stderr[-3000:]
    assert s3_server.keys(new_private) == set(files)

    checked = run_on_restored(
        [
            "-c",
            CHECK,
            json.dumps(
                {
                    k: v
                    for k, v in site_data.items()
                    if k in {"page_url", "page_text", "document_id", "process_id"}
                }
            ),
        ],
        fresh_database,
        new_private,
        new_public,
        s3_server.endpoint,
    )
    assert checked.returncode == 0, checked.stderr[-3000:]
    line = next(x for x in checked.stdout.splitlines() if x.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    assert result["page_status"] == 200 and result["page_has_text"]
    assert bytes.fromhex(result["stored_bytes"]) == site_data["document_bytes"]
    assert result["document_status"] in (200, 302)
    assert bytes.fromhex(result["document_bytes"]) == site_data["document_bytes"]
    (ballot,) = result["ballots"]
    assert ballot[1] == [[site_data["proposals"][1].pk, 1]]

    # A second restore into the same, now filled database is refused: nothing is replaced
    # by accident.
    again = run_on_restored(
        ["manage.py", "restore", str(folder)],
        fresh_database,
        new_private,
        new_public,
        s3_server.endpoint,
    )
    assert again.returncode != 0
    assert "not empty" in again.stderr


def test_a_damaged_backup_is_refused_before_anything_is_restored(tmp_path):
    from core import backups

    folder = tmp_path / "quartier-x"
    (folder / "files" / "private").mkdir(parents=True)
    (folder / "database.dump").write_bytes(b"PGDMP...")
    (folder / "files" / "private" / "a.txt").write_bytes(b"changed")
    manifest = {
        "format": backups.FORMAT,
        "created_at": "2026-12-01T00:00:00+00:00",
        "database": {
            "vendor": "postgresql",
            "file": "database.dump",
            "sha256": backups._sha256(folder / "database.dump"),
        },
        "areas": {"private": {"source": ["s3", "b", ""], "files": {"a.txt": {"sha256": "0"}}}},
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(backups.BackupError, match="a.txt is missing or damaged"):
        backups.check(folder, backups.read_manifest(folder))
    with pytest.raises(backups.BackupError, match="is no backup"):
        backups.read_manifest(tmp_path)
