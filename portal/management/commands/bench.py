"""Benchmark of the public portal at realistic volumes: requests per second, latency, queries.

`make bench` runs it against its own database (bench.sqlite3, or BENCH_DATABASE_URL), never
the development one. Requests go through Django's full stack in-process (middleware,
templates, database), one after another, so the figures are per worker process.
"""

import resource
import statistics
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from portal.demo.build import build_demo

VOLUMES = {"news": 1000, "events": 1000, "organisations": 200, "projects": 100, "proposals": 10000}


def seed(scale):
    from portal.directory.models import OrganisationIndexPage, OrganisationPage
    from portal.events.models import EventIndexPage, EventPage
    from portal.news.models import NewsArticlePage, NewsIndexPage
    from portal.projects.models import ProjectIndexPage, ProjectPage

    def grow(index_model, page_model, target, make):
        index = index_model.objects.get(locale__language_code="de")
        have = page_model.objects.child_of(index).count()
        for number in range(have, int(target * scale)):
            page = make(number)
            index.add_child(instance=page)
        return page_model.objects.child_of(index).count()

    today = timezone.localdate()
    now = timezone.now()
    intro = "Ein Text, wie er im Quartier vorkommt: Nachbarschaft, Spielplatz und Sprachcafé."
    counts = {"proposals": seed_proposals(int(VOLUMES["proposals"] * scale), intro)}
    return counts | {
        "news": grow(
            NewsIndexPage,
            NewsArticlePage,
            VOLUMES["news"],
            lambda n: NewsArticlePage(
                title=f"Meldung {n}",
                slug=f"meldung-{n}",
                intro=intro,
                date=today - timezone.timedelta(days=n % 900),
            ),
        ),
        "events": grow(
            EventIndexPage,
            EventPage,
            VOLUMES["events"],
            lambda n: EventPage(
                title=f"Termin {n}",
                slug=f"termin-{n}",
                intro=intro,
                place_name="Lindenplatz",
                start=now + timezone.timedelta(hours=(n % 600) - 200),
            ),
        ),
        "organisations": grow(
            OrganisationIndexPage,
            OrganisationPage,
            VOLUMES["organisations"],
            lambda n: OrganisationPage(
                title=f"Initiative {n}",
                slug=f"initiative-{n}",
                intro=intro,
                organisation_type="association",
            ),
        ),
        "projects": grow(
            ProjectIndexPage,
            ProjectPage,
            VOLUMES["projects"],
            lambda n: ProjectPage(title=f"Projekt {n}", slug=f"projekt-{n}", intro=intro),
        ),
    }


def seed_proposals(target, text):
    from participation import states
    from participation.models import ProcessPage, Proposal

    process = ProcessPage.objects.get(locale__language_code="de", slug="ideen-lindenplatz")
    have = Proposal.objects.filter(process=process).count()
    Proposal.objects.bulk_create(
        (
            Proposal(
                process=process,
                title=f"Idee {number}",
                description=text,
                state=states.PUBLISHED,
                submitted_at=timezone.now(),
                support_count=number % 37,
            )
            for number in range(have, target)
        ),
        batch_size=1000,
    )
    return Proposal.objects.filter(process=process).count()


def measure_concurrent(paths, workers, requests):
    """A real threaded HTTP server on 127.0.0.1 and `workers` clients at once (bounded)."""
    import threading
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=True)
    server.set_app(WSGIHandler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://localhost:{server.server_address[1]}"
    results = []
    try:
        for path in paths:

            def fetch(_number, path=path):
                begin = time.perf_counter()
                with urllib.request.urlopen(base + path, timeout=30) as response:
                    response.read()
                    status = response.status
                return (time.perf_counter() - begin) * 1000, status

            fetch(0)
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=workers) as pool:
                outcomes = list(pool.map(fetch, range(requests)))
            elapsed = time.perf_counter() - started
            timings = sorted(timing for timing, _status in outcomes)
            results.append(
                {
                    "path": path,
                    "errors": sum(1 for _timing, status in outcomes if status != 200),
                    "rps": requests / elapsed,
                    "p50": statistics.median(timings),
                    "p95": timings[int(len(timings) * 0.95) - 1],
                    "max": timings[-1],
                }
            )
    finally:
        server.shutdown()
        server.server_close()
    return results


def measure(client, path, requests):
    for _ in range(3):
        client.get(path)
    timings = []
    with override_settings(DEBUG=True):
        reset_queries()
        response = client.get(path)
        queries = len(connection.queries)
    started = time.perf_counter()
    for _ in range(requests):
        begin = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - begin) * 1000)
    elapsed = time.perf_counter() - started
    timings.sort()
    return {
        "path": path,
        "status": response.status_code,
        "rps": requests / elapsed,
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
        "queries": queries,
    }


class Command(BaseCommand):
    help = "Seeds realistic volumes and measures requests per second and latency of the portal."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=60, help="requests per page")
        parser.add_argument("--scale", type=float, default=1.0, help="multiplies the volumes")
        parser.add_argument("--workers", type=int, default=8, help="concurrent HTTP clients")

    def handle(self, *args, requests, scale, workers, **options):
        if not getattr(settings, "QUARTIER_DEMO_ALLOWED", False):
            raise CommandError("Refusing to seed benchmark data with these settings.")
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        build_demo()
        started = time.perf_counter()
        counts = seed(scale)
        seeded = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"Seeded in {time.perf_counter() - started:.0f} s: {seeded}")
        from participation.models import Proposal
        from portal.events.models import EventPage
        from portal.news.models import NewsArticlePage

        article = NewsArticlePage.objects.filter(locale__language_code="de").first()
        proposal = Proposal.objects.filter(state="published").order_by("-pk").first()
        proposal_url = f"/de/ideen-lindenplatz/vorschlaege/{proposal.pk}/"
        event = EventPage.objects.filter(locale__language_code="de").first()
        paths = [
            "/de/",
            "/ar/",
            "/de/neuigkeiten/",
            "/de/neuigkeiten/?seite=50",
            "/de/neuigkeiten/feed/rss/",
            article.url,
            "/de/termine/",
            "/de/termine/kalender/",
            event.url,
            "/de/akteure/",
            "/de/akteure/?q=Initiative",
            "/de/projekte/",
            "/de/suche/?q=Sprachcafé",
            "/de/ideen-lindenplatz/",
            "/de/ideen-lindenplatz/?sort=unterstuetzt&seite=100",
            "/de/ideen-lindenplatz/?sort=zufall",
            proposal_url,
        ]
        client = Client(HTTP_HOST="localhost")
        engine = connection.vendor
        self.stdout.write(f"\n{requests} sequential requests per page, database: {engine}\n")
        self.stdout.write(
            f"{'page':<48}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'queries':>9}"
        )
        for path in paths:
            row = measure(client, path, requests)
            if row["status"] != 200:
                raise CommandError(f"{path} answered {row['status']}")
            self.stdout.write(
                f"{row['path'][:47]:<48}{row['rps']:>8.1f}{row['p50']:>9.1f}"
                f"{row['p95']:>9.1f}{row['max']:>9.1f}{row['queries']:>9}"
            )
        concurrent_paths = ["/de/", "/de/neuigkeiten/", "/de/ideen-lindenplatz/", proposal_url]
        self.stdout.write(
            f"\n{workers} concurrent clients, real HTTP server (threads), "
            f"{requests * 2} requests per page\n"
        )
        self.stdout.write(
            f"{'page':<48}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'errors':>9}"
        )
        for row in measure_concurrent(concurrent_paths, workers, requests * 2):
            self.stdout.write(
                f"{row['path'][:47]:<48}{row['rps']:>8.1f}{row['p50']:>9.1f}"
                f"{row['p95']:>9.1f}{row['max']:>9.1f}{row['errors']:>9}"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"\nPeak memory of this process: {peak:.0f} MiB")
