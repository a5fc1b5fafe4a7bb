"""The figures of `make bench` as ratios against references measured in the same run on the
same machine: never an absolute time that passes on one computer and fails on another.

References:
- "hello": bench.views.hello (/bench/hallo/), a Django view that returns five bytes, served
  by the same gunicorn (deploy/gunicorn.conf.py, same settings, same middleware, same number
  of sync workers) as the pages measured against it. What it costs is what every response
  of Quartier costs at least: WSGI, the middleware stack, the URL resolver, the access log.
- "pgbench": PostgreSQL's own TPC-B benchmark (`pgbench -i`, then `pgbench -c 16 -j 2
  -T 10`) on a scratch database on the same server: what the database does with 16 clients
  of tiny write transactions, the ceiling for anything that writes.

The load generator (bench.load.run_load) runs on the same cores as the servers, as a real
client would not; that lowers every figure about equally, and the ratios stay comparable.
"""

import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from . import load

RESULTS_FILE = "bench-results.json"


@dataclass
class Figure:
    key: str
    label: str
    value: float | None
    unit: str
    reference: float | None = None  # what the value is divided by
    reference_label: str = ""
    target: str = ""  # e.g. ">= 50 %", "<= 3 ms"
    minimum: float | None = None  # the ratio (or value, without reference) must reach it
    maximum: float | None = None  # the ratio (or value) must not exceed it
    note: str = ""

    @property
    def ratio(self):
        if self.value is None or not self.reference:
            return None
        return self.value / self.reference

    @property
    def passed(self):
        measured = self.ratio if self.reference is not None else self.value
        if measured is None:
            return None  # not measured (e.g. no Varnish on this machine)
        if self.minimum is not None and measured < self.minimum:
            return False
        return self.maximum is None or measured <= self.maximum

    def as_dict(self):
        return asdict(self) | {"ratio": self.ratio, "passed": self.passed}


def table(figures):
    """The figures as a fixed-width text table."""
    header = f"{'figure':<44}{'measured':>16}{'reference':>18}{'ratio':>9}{'target':>11}  result"
    lines = [header, "-" * len(header)]
    for figure in figures:
        value = "-" if figure.value is None else f"{_number(figure.value)} {figure.unit}"
        reference = (
            f"{_number(figure.reference)} {figure.reference_label}"
            if figure.reference is not None
            else ""
        )
        ratio = f"{figure.ratio * 100:.0f} %" if figure.ratio is not None else ""
        result = {True: "pass", False: "FAIL", None: "not measured"}[figure.passed]
        if not figure.target and figure.value is not None:
            result = "info"
        lines.append(
            f"{figure.label[:43]:<44}{value:>16}{reference[:17]:>18}{ratio:>9}"
            f"{figure.target:>11}  {result}"
        )
        if figure.note:
            lines.append(f"    {figure.note}")
    return "\n".join(lines)


def _number(value):
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def write_json(figures, path, context):
    data = {"context": context, "figures": [figure.as_dict() for figure in figures]}
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return data


def get(path, headers=None):
    def make(_number):
        return "GET", path, None, headers or {}

    return make


def measure(base, make_request, concurrency, seconds, warmup=2.0):
    load.run_load(base, make_request, concurrency, seconds=warmup)
    return load.run_load(base, make_request, concurrency, seconds=seconds)


def enqueue_tasks(count):
    """`count` e-mails for the task worker (locmem backend in the bench settings), enqueued
    by a separate process that uses the database task queue as the servers do."""
    code = (
        "import django; django.setup()\n"
        "from core.tasks import send_email\n"
        f"for n in range({count}):\n"
        "    send_email.enqueue('Benchmark', 'Text ' * 200, [f'bench{n}@example.org'])\n"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        cwd=load.ROOT,
        env=os.environ | {"BENCH_SERVER": "1"},
        check=True,
    )


def run(write, *, voters, seconds, concurrency, web_workers, tasks, results_path):
    """Starts the servers, measures every figure, prints the table, writes the JSON."""
    from django.db import connection

    from . import voting as voting_bench

    warm = 4 * web_workers  # first ballots of each worker (templates, resolvers) not measured
    process, proposal_ids, sessions = voting_bench.prepare_votes(warm + voters)
    list_path = "/de/ideen-lindenplatz/?anzahl=50"  # 50 shown of 10,000
    vendor = connection.vendor
    settings_dict = dict(connection.settings_dict)
    connection.close()
    figures, readings = [], {}
    with load.redis_server() as redis_url:
        env = {"REDIS_URL": redis_url} if redis_url else {}
        if redis_url:
            voting_bench.cache_sessions(sessions, redis_url)
        write(
            f"gunicorn: {web_workers} sync workers; cache: {'Redis' if redis_url else 'database'}"
            f"; database: {vendor}; load: {concurrency} clients, {seconds:.0f} s per figure"
        )
        with load.gunicorn(web_workers, env) as server, load.task_worker(env) as worker:
            load.run_load(server.base, get("/bench/hallo/"), concurrency, seconds=2.0)
            hello_before = server.cpu()
            hello = load.run_load(server.base, get("/bench/hallo/"), concurrency, seconds=seconds)
            hello_cpu = sum(
                used - hello_before.get(pid, 0.0) for pid, used in server.cpu().items()
            ) / max(hello["requests"], 1)
            write(f"  hello: {hello['rps']:.0f} req/s, {hello_cpu * 1000:.1f} ms CPU each")
            home = measure(server.base, get("/de/"), concurrency, seconds)
            write(f"  home, app cache: {home['rps']:.0f} req/s")
            through_varnish = None
            if load.varnish_available() and load.VARNISH_VCL.exists():
                with load.varnish(server.port) as front:
                    through_varnish = measure(front, get("/de/"), concurrency, seconds)
                write(f"  home, Varnish: {through_varnish['rps']:.0f} req/s")
            cookies = [{"Cookie": f"sessionid={key}"} for key in sessions[:concurrency]]

            def listing(number):
                return "GET", list_path, None, cookies[number % len(cookies)]

            resident_list = measure(server.base, listing, concurrency, seconds)
            write(f"  proposal list, logged in: {resident_list['rps']:.0f} req/s")

            if tasks:
                enqueue_tasks(tasks)
            load.run_load(
                server.base,
                voting_bench.vote_request(process, proposal_ids, sessions),
                concurrency,
                total=warm,
            )
            before = server.cpu()
            votes = load.run_load(
                server.base,
                voting_bench.vote_request(process, proposal_ids, sessions, offset=warm),
                concurrency,
                total=voters,
            )
            after = server.cpu()
            cpu = sum(used - before.get(pid, 0.0) for pid, used in after.items())
            write(f"  votes: {votes['rps']:.0f} votes/s, {votes['statuses']}")
            web_memory = max(load.memory_mib(pid)[1] for pid in server.workers())
            task_memory = load.memory_mib(worker.pid)[1]
            readings.update(
                workers=len(server.workers()),
                web_rss_mib=[load.memory_mib(pid) for pid in server.workers()],
            )
    counted = voting_bench.count_votes(process)
    cast = votes["statuses"].get(302, 0)
    lost = max(0, cast + warm - counted["ballots"])
    double = counted["recast"] + counted["duplicate_voters"]
    tps = load.pgbench_tps(settings_dict) if vendor == "postgresql" else None
    if tps is not None:
        write(f"  pgbench TPC-B, 16 clients: {tps:.0f} tps")

    figures = [
        Figure("hello", "Reference: hello view (gunicorn)", hello["rps"], "req/s"),
        Figure(
            "home_app_cache",
            "Home page, anonymous, app cache",
            home["rps"],
            "req/s",
            hello["rps"],
            "hello",
            ">= 50 %",
            minimum=0.5,
            note=_statuses(home),
        ),
        Figure(
            "home_varnish",
            "Home page, anonymous, through Varnish",
            through_varnish["rps"] if through_varnish else None,
            "req/s",
            hello["rps"],
            "hello",
            ">= 100 %",
            minimum=1.0,
            note=_statuses(through_varnish) if through_varnish else "no Varnish or no VCL",
        ),
        Figure(
            "proposal_list",
            "Proposal list, logged-in resident",
            resident_list["rps"],
            "req/s",
            hello["rps"],
            "hello",
            ">= 10 %",
            minimum=0.10,
            note=_statuses(resident_list),
        ),
        Figure(
            "vote_cpu",
            "App CPU per cast vote",
            cpu / cast * 1000 if cast else None,
            "ms",
            target="<= 3 ms",
            maximum=3.0,
            note=f"{cpu:.1f} s CPU of {len(after)} web workers for {cast} votes",
        ),
        Figure(
            "vote_cpu_vs_hello",
            "App CPU per vote / CPU per hello request",
            cpu / cast * 1000 if cast else None,
            "ms",
            hello_cpu * 1000,
            "ms hello",
            note="for comparing runs on busy machines: both CPU times grow alike",
        ),
        Figure(
            "votes_per_second",
            "Votes per second, 16 concurrent voters",
            votes["rps"],
            "votes/s",
            tps,
            "pgbench tps",
            ">= 25 %",
            minimum=0.25,
            note=f"p50 {votes['p50']:.0f} ms, p95 {votes['p95']:.0f} ms; " + _statuses(votes),
        ),
        Figure(
            "lost_or_double_votes",
            "Lost or double votes",
            lost + double,
            "",
            target="= 0",
            maximum=0,
            note=(
                f"{counted['ballots']} ballots, {counted['votes']} votes stored for "
                f"{cast + warm} answered casts"
            ),
        ),
        Figure(
            "web_worker_rss",
            "Web worker memory (peak resident)",
            web_memory,
            "MiB",
            target="< 250 MiB",
            maximum=249.99,
        ),
        Figure(
            "task_worker_rss",
            "Task worker memory (peak resident)",
            task_memory,
            "MiB",
            target="< 250 MiB",
            maximum=249.99,
            note=f"{tasks} e-mail tasks enqueued during the vote load",
        ),
    ]
    write("")
    write(table(figures))
    context = {
        "database": vendor,
        "cpu_cores": os.cpu_count(),
        "web_workers": web_workers,
        "cache": "redis" if redis_url else "database",
        "concurrency": concurrency,
        "seconds_per_figure": seconds,
        "voters": voters,
        "hello_path": "/bench/hallo/",
        "list_path": list_path,
        "votes": {k: v for k, v in votes.items() if k != "statuses"},
        "stored": counted,
        "pgbench": {"clients": 16, "threads": 2, "seconds": 10, "scale": 1, "tps": tps},
        **readings,
    }
    write_json(figures, results_path, context)
    write(f"\nWritten to {results_path}")
    return figures


def _statuses(result):
    return "answers: " + ", ".join(
        f"{count} x {status or 'error'}" for status, count in sorted(result["statuses"].items())
    )
