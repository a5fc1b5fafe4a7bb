"""Benchmark of the portal at realistic volumes.

`make bench` runs it against its own database (bench.sqlite3, or BENCH_DATABASE_URL), never
the development one. Parts (`--only`):
- ratios: the figures of the README, each as a ratio against a reference measured in the same
  run (bench/ratios.py): real gunicorn, Redis, Varnish, pgbench; a table and
  bench-results.json;
- portal: every public page type in-process, one request after another (per worker process);
- voting: the tally of 1,000,000 votes;
- intranet: search over 10,000 documents.
"""

import os
import resource
import statistics
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from demo.build import build_demo

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


@contextmanager
def serving(processes=1):
    """A real HTTP server on 127.0.0.1. One process: threaded. Several: forked workers that
    share one listening socket and serve one request at a time each, keeping their database
    connection (as gunicorn's sync workers with CONN_MAX_AGE would). Yields its base URL."""
    import os
    import signal
    import threading

    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler, WSGIServer
    from django.db import connections

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server_class = ThreadedWSGIServer if processes == 1 else WSGIServer
    server = server_class(("127.0.0.1", 0), QuietHandler, allow_reuse_address=True)
    server.request_queue_size = 64
    server.set_app(WSGIHandler())
    base = f"http://localhost:{server.server_address[1]}"
    children = []
    if processes > 1:
        connections.close_all()
        for _ in range(processes):
            pid = os.fork()
            if pid == 0:  # a worker: serve until killed
                try:
                    server.serve_forever()
                finally:
                    os._exit(0)
            children.append(pid)
    else:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base
    finally:
        for pid in children:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        if not children:
            server.shutdown()
        server.server_close()


def measure_concurrent(paths, workers, requests):
    """`workers` HTTP clients at once against the threaded server (bounded)."""
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    results = []
    with serving() as base:
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
        parser.add_argument(
            "--voters", type=int, default=3000, help="voters who each cast a ballot"
        )
        parser.add_argument(
            "--only",
            choices=["ratios", "portal", "voting", "intranet"],
            help="run one part of the benchmark",
        )
        parser.add_argument(
            "--seconds", type=float, default=10.0, help="load time per ratio figure"
        )
        parser.add_argument(
            "--web-workers",
            type=int,
            default=2 * (os.cpu_count() or 1) + 1,
            help="gunicorn workers for the ratio figures (default as deploy/gunicorn.conf.py)",
        )
        parser.add_argument(
            "--tasks", type=int, default=2000, help="tasks for the task worker during the votes"
        )
        parser.add_argument(
            "--no-setup",
            action="store_true",
            help="skip migrate and the demo build (a database that `make bench` has set up)",
        )
        parser.add_argument(
            "--results", default="bench-results.json", help="where the ratio figures go (JSON)"
        )

    def handle(self, *args, requests, scale, workers, voters, only, **options):
        if not getattr(settings, "QUARTIER_DEMO_ALLOWED", False):
            raise CommandError("Refusing to seed benchmark data with these settings.")
        if not options["no_setup"]:
            call_command("migrate", verbosity=0)
            call_command("createcachetable", verbosity=0)
            build_demo()
        if only in (None, "ratios"):
            self.ratios(scale, voters, options)
        if only in (None, "portal"):
            self.portal(requests, scale, workers)
        if only in (None, "voting"):
            self.voting(voters)
        if only in (None, "intranet"):
            self.intranet(requests)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"\nPeak memory of this process: {peak:.0f} MiB")

    def intranet(self, requests):
        from bench import intranet as intranet_bench

        started = time.perf_counter()
        _workspace, member, count = intranet_bench.seed_documents()
        self.stdout.write(
            f"\nIntranet search over {count:,} documents with extracted text "
            f"(seeded or checked in {time.perf_counter() - started:.0f} s), "
            f"database: {connection.vendor}"
        )
        self.stdout.write(f"{'page':<48}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}")
        for row in intranet_bench.measure_search(
            member, ["Spielplatz", "Spielplatzantrag", "Kita Förderung", "Sprachcafés"], requests
        ):
            if row["status"] != 200:
                raise CommandError(f"{row['path']} answered {row['status']}")
            self.stdout.write(
                f"{row['path'][:47]:<48}{row['rps']:>8.1f}{row['p50']:>9.1f}"
                f"{row['p95']:>9.1f}{row['queries']:>9}"
            )

    def ratios(self, scale, voters, options):
        from bench import ratios

        started = time.perf_counter()
        counts = seed(scale)
        self.stdout.write(
            f"Ratio figures (seeded or checked in {time.perf_counter() - started:.0f} s: "
            f"{counts['proposals']} proposals)"
        )
        ratios.run(
            self.stdout.write,
            voters=voters,
            seconds=options["seconds"],
            concurrency=16,
            web_workers=options["web_workers"],
            tasks=options["tasks"],
            results_path=options["results"],
        )

    def voting(self, voters):
        from bench import voting as voting_bench

        started = time.perf_counter()
        process, count = voting_bench.seed_million()
        self.stdout.write(
            f"\nTally: {count:,} votes on {voting_bench.PROPOSALS} proposals "
            f"(seeded or checked in {time.perf_counter() - started:.0f} s)"
        )
        timing = voting_bench.time_tally(process)
        self.stdout.write(
            f"  median {timing['median']:.0f} ms, max {timing['max']:.0f} ms over 5 runs "
            f"({timing['ballots']:,} ballots)"
        )

    def portal(self, requests, scale, workers):
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
