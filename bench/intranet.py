"""Intranet search at volume for `make bench`: 10,000 documents with extracted text in one
workspace, searched by a member through the full request stack."""

import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model

from intranet.extraction import update_search_vector
from intranet.models import DocumentText, Membership, WorkspacePage
from intranet.services import workspaces

BASE = [
    "Stadtteil",
    "Nachbarschaft",
    "Spielplatz",
    "Jugendclub",
    "Straßenfest",
    "Haushalt",
    "Antrag",
    "Förderung",
    "Kita",
    "Schule",
    "Sprachcafé",
    "Grünfläche",
    "Beleuchtung",
    "Mieterbeirat",
    "Seniorentreff",
    "Fahrradwerkstatt",
    "Hausaufgabenhilfe",
    "Quartiersrat",
    "Sicherheit",
    "Sauberkeit",
    "Bänke",
    "Bäume",
    "Kunst",
    "Musik",
    "Theater",
    "Sport",
    "Gesundheit",
    "Beratung",
    "Arbeit",
    "Ausbildung",
    "Integration",
    "Familie",
    "Eltern",
    "Kinder",
    "Senioren",
    "Ehrenamt",
    "Verein",
    "Initiative",
    "Park",
    "Markt",
]
SUFFIXES = [
    "planung",
    "bericht",
    "antrag",
    "liste",
    "termin",
    "konzept",
    "protokoll",
    "förderung",
    "beratung",
    "projekt",
]
FILLER = [
    "der",
    "die",
    "das",
    "und",
    "oder",
    "mit",
    "für",
    "von",
    "im",
    "am",
    "auf",
    "zu",
    "bei",
    "nach",
    "über",
    "unter",
    "wir",
    "sie",
    "es",
    "ist",
    "sind",
    "wird",
    "werden",
    "hat",
    "haben",
    "soll",
    "können",
    "muss",
    "alle",
    "viele",
    "einige",
    "neue",
    "weitere",
    "gemeinsam",
]
COMPOUNDS = [base + suffix for base in BASE for suffix in SUFFIXES]


def _text(rng, words=200):
    parts = []
    for _ in range(words):
        roll = rng.random()
        source = FILLER if roll < 0.5 else BASE if roll < 0.85 else COMPOUNDS
        parts.append(rng.choice(source))
    return " ".join(parts)


def seed_documents(target=10_000):
    from portal.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    index = workspaces.ensure_intranet(home)
    workspace = WorkspacePage.objects.child_of(index).filter(slug="bench-archiv").first()
    if workspace is None:
        workspace = workspaces.create_workspace(
            index, title="Bench-Archiv", slug="bench-archiv", kind="other"
        )
    Document = get_document_model()
    have = Document.objects.filter(collection=workspace.collection).count()
    rng = random.Random("quartier-bench-documents")
    Document.objects.bulk_create(
        (
            Document(
                title=f"Dokument {number} {rng.choice(BASE)}",
                file=f"documents/bench-{number}.txt",
                collection=workspace.collection,
                file_size=1000,
                created_at=timezone.now(),
            )
            for number in range(have, target)
        ),
        batch_size=2000,
    )
    missing = Document.objects.filter(collection=workspace.collection, extracted__isnull=True)
    DocumentText.objects.bulk_create(
        (
            DocumentText(
                document_id=pk,
                text=_text(rng),
            )
            for pk in missing.values_list("pk", flat=True).iterator()
        ),
        batch_size=2000,
    )
    update_search_vector(
        DocumentText.objects.filter(
            document__collection=workspace.collection, search_vector__isnull=True
        )
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE intranet_documenttext")
    User = get_user_model()
    member = User.objects.filter(email="archiv@bench.example").first()
    if member is None:
        member = User.objects.create(username="bench-archiv", email="archiv@bench.example")
    Membership.objects.get_or_create(workspace=workspace, user=member)
    return workspace, member, Document.objects.filter(collection=workspace.collection).count()


def measure_search(member, queries, requests):
    client = Client(HTTP_HOST="localhost")
    client.force_login(member)
    rows = []
    for query in queries:
        path = f"/de/intranet/suche/?q={query}"
        for _ in range(3):
            client.get(path)
        with override_settings(DEBUG=True):
            reset_queries()
            response = client.get(path)
            count = len(connection.queries)
        timings = []
        started = time.perf_counter()
        for _ in range(requests):
            begin = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - begin) * 1000)
        elapsed = time.perf_counter() - started
        timings.sort()
        rows.append(
            {
                "path": path,
                "status": response.status_code,
                "rps": requests / elapsed,
                "p50": statistics.median(timings),
                "p95": timings[int(len(timings) * 0.95) - 1],
                "queries": count,
            }
        )
    return rows
