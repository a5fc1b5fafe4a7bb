"""The cluster test (`make cluster-test`): start the whole stack on this machine, drive a
bounded mixed load through the front (Varnish if deploy/varnish/quartier.vcl exists, else
nginx) and break one part after the other while it runs:

1. kill one gunicorn instance (SIGKILL to master and workers),
2. stop Redis for a while,
3. stop the object store (SeaweedFS) for a while,
4. terminate the database connections (pg_terminate_backend),
5. publish a page: the front and the app serve the new version at once.

Prints a table (requests, errors per phase, lost writes, recovery times) and exits non-zero
on any lost write or broken expectation; exit code 3 when the machine lacks a tool.

    .venv/bin/python deploy/cluster/run.py [--phase-seconds 6] [--keep]

CLUSTER_POSTGRES_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/
postgres); a database quartier_cluster_<random> is made on it and dropped at the end.
"""

import argparse
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from browser import Browser, forms  # noqa: E402
from load import Load, Recorder, World  # noqa: E402
from stack import PYTHON, ROOT, Cluster, missing_tools  # noqa: E402

SKIPPED = 3
FAILED_STATUSES = {0, -1} | set(range(500, 600))


class Expectations:
    def __init__(self):
        self.broken = []
        self.notes = {}

    def check(self, ok, message):
        if not ok:
            self.broken.append(message)
        return ok


def world_command(cluster, *args, timeout=600):
    result = subprocess.run(
        [PYTHON, str(HERE / "world.py"), *args],
        cwd=ROOT,
        env=cluster.env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    line = next((x for x in result.stdout.splitlines() if x.startswith("RESULT ")), None)
    if result.returncode or line is None:
        raise RuntimeError(f"world.py {args[0]} failed:\n{result.stderr[-4000:]}")
    return json.loads(line.removeprefix("RESULT "))


def redis_keys(port):
    with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
        sock.sendall(b"DBSIZE\r\n")
        return int(sock.recv(100).decode().strip().lstrip(":"))


def failures(records, after, before=None, kinds=None):
    """Failed requests that started after ``after`` and ended before ``before`` (a request
    still running at ``before`` belongs to what happens then). An upload refused on purpose
    (503 with the clear message) is no failure."""
    return [
        r
        for r in records
        if r.status in FAILED_STATUSES
        and not r.refused
        and r.start > after
        and (before is None or r.end < before)
        and (kinds is None or r.kind in kinds)
    ]


def log_in_once(base, email, password):
    """A new visitor logs in; the status of the login POST."""
    browser = Browser(base, client_address="10.250.0.1")
    page = browser.get("/de/accounts/login/")
    form = next(f for f in forms(page.text) if "password" in f.names)
    form.set("login", email)
    form.set("password", password)
    return browser.submit(page, form).status


# What happened when, and how long after it a request may still fail: a failed request
# belongs to the last event before its end; it breaks the expectation if it started later
# than that event plus the grace (requests running at the moment of a kill may fail).
EVENTS = (
    ("start", "normal operation", 0.0),
    ("killed", "one app instance killed", 0.1),
    ("app restart", "app instance started again", 0.0),
    ("redis stopped", "Redis stopped", 1.0),
    ("redis back", "Redis back", 0.0),
    ("s3 stopped", "object store stopped", 1.0),
    ("s3 restart", "object store started again", 0.0),
    ("db terminated", "database connections terminated", 1.0),
    ("after", "normal operation again", 0.0),
)


def evaluate(records, refusals, at, times, expect):
    """The expectations of each phase, on every request (also those that ended later)."""
    events = sorted((at[key], label, grace) for key, label, grace in EVENTS if key in at)
    broken = {}
    for r in failures(records, 0):
        moment, label, grace = next(e for e in reversed(events) if e[0] <= r.end)
        if r.start > moment + grace:
            broken.setdefault(label, []).append(r)
    for label, found in broken.items():
        kinds = sorted({(r.kind, r.status, r.error[:40]) for r in found})
        expect.check(False, f"{label}: {len(found)} requests failed that started after it {kinds}")

    served = [r for r in records if at["killed"] < r.start < at["app restart"] and r.ok]
    expect.check(served, "kill: the other instance answered nothing")
    expect.notes["answered by the other instance meanwhile"] = len(served)

    mine = [r for r in refusals if r.phase == "3 S3 stopped"]
    expect.notes["uploads refused while S3 was down"] = len(mine)
    unclear = [r for r in mine if not (r.kept_input and r.message)]
    expect.check(
        not unclear,
        f"S3 down: {len(unclear)} refusals without message or input: "
        + ", ".join(f"{r.kind} {r.status}" for r in unclear),
    )

    hit = [
        r
        for r in failures(records, 0)
        if at["db terminated"] <= r.end and r.start < at["db phase end"]
    ]
    # Recovery: until the last failing request had started (0 when only requests that were
    # running at the termination failed).
    last = max((r.start for r in hit), default=at["db terminated"])
    times["database recovery"] = max(last - at["db terminated"], 0.0)
    expect.notes["requests failed by the terminated connections"] = len(hit)


def phase_stats(records, phase):
    mine = [r for r in records if r.phase == phase]
    errors = [r for r in mine if r.status in FAILED_STATUSES and not r.refused]
    return len(mine), len(errors), sum(1 for r in mine if r.refused)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phase-seconds", type=float, default=6.0)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()
    missing = missing_tools()
    if missing:
        print("cluster test skipped, missing: " + ", ".join(missing))
        return SKIPPED
    seconds = options.phase_seconds
    expect = Expectations()
    cluster = Cluster()
    seeded = {}
    print(f"Starting the cluster in {cluster.folder}")
    begun = time.monotonic()
    try:
        cluster.start(seed=lambda c: seeded.update(world_command(c, "seed")))
        startup = time.monotonic() - begun
        front = "Varnish" if cluster.varnish else "nginx"
        print(f"  front: {front} at {cluster.base_url}")
        world = World(
            **{k: v for k, v in seeded.items() if k in World.__dataclass_fields__},
        )
        recorder = Recorder()
        load = Load(cluster.base_url, world, recorder)
        recorder.phase = "0 normal"
        load.start()
        time.sleep(seconds)
        at, times = {"start": 0.0}, {}

        # 1. kill one app instance ------------------------------------------------------
        recorder.phase = "1 app killed"
        at["killed"] = time.monotonic()
        cluster.parts["gunicorn0"].kill()
        time.sleep(seconds)
        at["app restart"] = time.monotonic()
        cluster.parts["gunicorn0"].start()
        times["app instance back"] = time.monotonic() - at["app restart"]

        # 2. Redis stopped --------------------------------------------------------------
        recorder.phase = "2 Redis stopped"
        at["redis stopped"] = time.monotonic()
        cluster.parts["redis"].kill()
        time.sleep(1.0)
        login = log_in_once(cluster.base_url, *world.residents[-1])
        expect.check(login == 302, f"Redis down: a login answered {login}, not a redirect")
        time.sleep(max(seconds - 1.0, 1.0))
        cluster.parts["redis"].start()
        at["redis back"] = time.monotonic()
        recorder.phase = "2b Redis back"
        time.sleep(min(seconds, 4.0))
        keys = redis_keys(cluster.ports["redis"])
        expect.check(keys > 0, "Redis back: the cache holds nothing (not used again)")
        expect.notes["Redis keys after its return"] = keys

        # 3. object store stopped -------------------------------------------------------
        recorder.phase = "3 S3 stopped"
        at["s3 stopped"] = time.monotonic()
        cluster.parts["weed"].kill()
        time.sleep(seconds)
        at["s3 restart"] = time.monotonic()
        cluster.parts["weed"].start()
        times["object store back"] = time.monotonic() - at["s3 restart"]
        at["s3 back"] = time.monotonic()

        # 4. database connections terminated --------------------------------------------
        recorder.phase = "4 DB conns killed"
        time.sleep(1.0)
        at["db terminated"] = time.monotonic()
        expect.notes["database connections terminated"] = cluster.terminate_connections()
        time.sleep(seconds)
        at["db phase end"] = time.monotonic()
        # A task worker whose connection was terminated ends (django-tasks' db_worker does
        # not reconnect); its supervisor (systemd Restart=always) starts it again.
        restarted = [name for name, moment in cluster.worker_restarts]
        expect.notes["task workers restarted by the supervisor"] = ", ".join(restarted) or "none"
        for index in range(cluster.task_workers):
            expect.check(cluster.parts[f"worker{index}"].running, f"db_worker {index} is down")

        # 5. publish a page -------------------------------------------------------------
        recorder.phase = "5 publish"
        reader = Browser(cluster.base_url)
        app = Browser(cluster.nginx_url)
        path = seeded["page_path"]
        for browser in (reader, reader, app):
            browser.get(path)  # in the caches now
        published = world_command(cluster, "publish", str(seeded["page_id"]))
        done = time.monotonic()
        for name, browser in ((front, reader), ("app", app)):
            answer = browser.get(path)
            expect.check(
                published["title"] in answer.text,
                f"publish: {name} served the old version of {path}",
            )
        times["new version served after publish"] = time.monotonic() - done

        recorder.phase = "6 normal"
        at["after"] = time.monotonic()
        time.sleep(min(seconds, 4.0))
        at["end"] = time.monotonic()
        load.stop()
        evaluate(recorder.records, recorder.refusals, at, times, expect)

        # lost writes -------------------------------------------------------------------
        writes_file = cluster.folder / "writes.json"
        writes_file.write_text(
            json.dumps([{"kind": w.kind, "key": w.key, "phase": w.phase} for w in recorder.writes])
        )
        verified = world_command(cluster, "verify", str(writes_file))
        expect.check(not verified["lost"], f"lost writes: {verified['lost'][:5]}")
        expect.check(not verified["half_written"], f"half-written: {verified['half_written'][:5]}")
        report(recorder, verified, times, expect, startup, time.monotonic() - begun)
    finally:
        if options.keep:
            import os

            os.environ["CLUSTER_KEEP_FILES"] = "1"
        cluster.stop()
    if expect.broken:
        print("\nFAILED:")
        for message in expect.broken:
            print(f"  - {message}")
        return 1
    print("\nAll expectations held.")
    return 0


def report(recorder, verified, times, expect, startup, total):
    phases = list(dict.fromkeys(r.phase for r in recorder.records))
    print(f"\n{'phase':<22}{'requests':>9}{'errors':>8}{'refused':>9}{'writes ok':>11}")
    writes_by_phase = {}
    for write in recorder.writes:
        writes_by_phase[write.phase] = writes_by_phase.get(write.phase, 0) + 1
    for phase in phases:
        requests, errors, refused = phase_stats(recorder.records, phase)
        print(f"{phase:<22}{requests:>9}{errors:>8}{refused:>9}{writes_by_phase.get(phase, 0):>11}")
    total_requests = len(recorder.records)
    total_errors = sum(1 for r in recorder.records if r.status in FAILED_STATUSES and not r.refused)
    total_refused = sum(1 for r in recorder.records if r.refused)
    print(
        f"{'total':<22}{total_requests:>9}{total_errors:>8}{total_refused:>9}"
        f"{len(recorder.writes):>11}"
    )
    kinds = {}
    for write in recorder.writes:
        kinds[write.kind] = kinds.get(write.kind, 0) + 1
    print("\nwrites answered with success: " + ", ".join(f"{k} {v}" for k, v in kinds.items()))
    print(f"lost writes: {len(verified['lost'])}")
    print(f"rows naming a missing file: {len(verified['half_written'])}")
    print(
        f"in the database: {verified['ballots']} ballots, {verified['proposals']} proposals, "
        f"{verified['documents']} documents"
    )
    for name, seconds in times.items():
        print(f"{name}: {seconds:.2f} s")
    for name, value in expect.notes.items():
        print(f"{name}: {value}")
    errors = {}
    for r in recorder.records:
        if r.status in FAILED_STATUSES and not r.refused:
            key = (r.phase, r.kind, r.status, r.error[:60])
            errors[key] = errors.get(key, 0) + 1
    if errors:
        print("\nerrors (phase, request, status, reason): count")
        for key, count in sorted(errors.items()):
            print(f"  {key}: {count}")
    print(f"\nstart-up {startup:.0f} s, whole run {total:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
