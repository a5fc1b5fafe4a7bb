"""Servers, load and process readings for the ratio figures of `make bench`.

Everything here runs real programs on this machine: gunicorn with the project's own
deploy/gunicorn.conf.py, a private redis-server, varnishd, PostgreSQL's pgbench. The load
generator is small and honest: `processes` forked processes with threads, one HTTP/1.1
connection per thread, kept alive whenever the server allows it (gunicorn's sync workers
close every connection; Varnish keeps them open).
"""

import glob
import http.client
import multiprocessing
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- process readings (/proc) ----------------------------------------------------------


def cpu_seconds(pid):
    """User plus system CPU time a process has used so far, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def memory_mib(pid):
    """(resident now, peak resident) of a process in MiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _sep, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


# --- servers -------------------------------------------------------------------------


def _wait_for(url, timeout=90, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{url}: the server stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def _stop(process, timeout=30):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Gunicorn:
    def __init__(self, process, port):
        self.process = process
        self.port = port
        self.base = f"http://127.0.0.1:{port}"

    def workers(self):
        return children(self.process.pid)

    def cpu(self):
        """CPU seconds used so far by each worker: {pid: seconds}."""
        return {pid: cpu_seconds(pid) for pid in self.workers()}


@contextmanager
def gunicorn(workers, env=None, settings="portal.settings.bench"):
    """gunicorn with deploy/gunicorn.conf.py and `workers` sync workers on a free port.
    No worker is recycled during the run (GUNICORN_MAX_REQUESTS=0), so CPU time and
    memory belong to the same processes from start to end."""
    port = free_port()
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": settings,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_MAX_REQUESTS": "0",
        "GUNICORN_LOG_LEVEL": "warning",
        "BENCH_SERVER": "1",
    }
    environment.update(env or {})
    process = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", str(ROOT / "deploy/gunicorn.conf.py")],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,  # the access log: written, as in production, then dropped
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz", process=process)
        deadline = time.monotonic() + 60
        while len(children(process.pid)) < workers and time.monotonic() < deadline:
            time.sleep(0.2)
        yield Gunicorn(process, port)
    finally:
        _stop(process)


@contextmanager
def task_worker(env=None, settings="portal.settings.bench"):
    """`manage.py db_worker`, the task worker of production, beside the web workers."""
    environment = os.environ | {"DJANGO_SETTINGS_MODULE": settings, "BENCH_SERVER": "1"}
    environment.update(env or {})
    process = subprocess.Popen(
        [str(ROOT / ".venv/bin/python"), "manage.py", "db_worker"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield process
    finally:
        _stop(process)


@contextmanager
def redis_server():
    """A private redis-server on a free port (never the shared one); None without Redis."""
    binary = shutil.which("redis-server")
    if binary is None:
        yield None
        return
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="quartier-bench-redis-") as directory:
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", directory],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            _stop(process)


VARNISH_VCL = ROOT / "deploy/varnish/quartier.vcl"


def varnish_available():
    return shutil.which("varnishd") is not None or Path("/usr/sbin/varnishd").exists()


@contextmanager
def varnish(backend_port):
    """varnishd with deploy/varnish/quartier.vcl in front of 127.0.0.1:backend_port."""
    binary = shutil.which("varnishd") or "/usr/sbin/varnishd"
    port = free_port()
    # A short path that varnishd can still read after it drops root (its socket lives there).
    with tempfile.TemporaryDirectory(prefix="qbv", dir="/tmp") as directory:
        Path(directory).chmod(0o755)
        vcl = Path(directory) / "quartier.vcl"
        vcl.write_text(render_vcl(backend_port))
        process = subprocess.Popen(
            [
                binary,
                "-F",
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                str(vcl),
                "-n",
                str(Path(directory) / "work"),
                "-s",
                "malloc,64m",
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_for(f"http://127.0.0.1:{port}/healthz", timeout=30, process=process)
            yield f"http://127.0.0.1:{port}"
        finally:
            _stop(process)


def render_vcl(backend_port):
    """The shipped VCL with its backend pointed at the benchmark's gunicorn."""
    text = VARNISH_VCL.read_text()
    for name, value in {
        "QUARTIER_VARNISH_BACKEND_HOST": "127.0.0.1",
        "QUARTIER_VARNISH_BACKEND_PORT": str(backend_port),
        "QUARTIER_VARNISH_PURGERS": '"127.0.0.1";',
        "QUARTIER_VARNISH_GRACE": "1h",
    }.items():
        text = text.replace("${" + name + "}", value)
    return text


# --- load ----------------------------------------------------------------------------


def _client(base, index, make_request, total, counter, deadline, out):
    """One thread: requests over one kept-alive connection until `total` requests were
    taken from the shared counter or the deadline passed."""
    host = urlsplit(base)
    connection = None
    statuses, timings = {}, []
    number = index
    while time.monotonic() < deadline:
        if counter is not None:
            with counter.get_lock():
                number = counter.value
                counter.value += 1
            if number >= total:
                break
        method, path, body, headers = make_request(number)
        begin = time.perf_counter()
        try:
            if connection is None:
                connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
            connection.request(method, path, body=body, headers={"Host": "localhost", **headers})
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.will_close:
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            status = 0
            if connection is not None:
                connection.close()
            connection = None
        timings.append((time.perf_counter() - begin) * 1000)
        statuses[status] = statuses.get(status, 0) + 1
        number += 1 if counter is not None else 0
    if connection is not None:
        connection.close()
    out.append((statuses, timings))


def _process(base, first, threads, make_request, total, counter, seconds, queue):
    out = []
    start = time.monotonic()
    deadline = start + seconds
    pool = [
        threading.Thread(
            target=_client,
            args=(base, first + n, make_request, total, counter, deadline, out),
        )
        for n in range(threads)
    ]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.monotonic() - start
    statuses, timings = {}, []
    for part_statuses, part_timings in out:
        timings.extend(part_timings)
        for status, count in part_statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    queue.put((elapsed, statuses, timings))


def run_load(base, make_request, concurrency, seconds=10.0, total=None, processes=2):
    """`concurrency` clients (threads spread over `processes` forked processes) send
    `make_request(number) -> (method, path, body, headers)` for `seconds`, or until `total`
    requests were sent (each number once). Returns requests/s, latencies and statuses."""
    context = multiprocessing.get_context("fork")
    processes = max(1, min(processes, concurrency))
    counter = context.Value("q", 0) if total is not None else None
    queue = context.Queue()
    limit = seconds if total is None else 3600
    workers = []
    per_process = [
        concurrency // processes + (n < concurrency % processes) for n in range(processes)
    ]
    first = 0
    for threads in per_process:
        worker = context.Process(
            target=_process,
            args=(base, first, threads, make_request, total, counter, limit, queue),
        )
        first += threads
        worker.start()
        workers.append(worker)
    parts = [queue.get() for _worker in workers]
    for worker in workers:
        worker.join()
    elapsed = max(part[0] for part in parts)
    statuses, timings = {}, []
    for _elapsed, part_statuses, part_timings in parts:
        timings.extend(part_timings)
        for status, count in part_statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    return summarise(timings, statuses, elapsed)


def summarise(timings, statuses, elapsed):
    timings = sorted(timings)
    count = len(timings)

    def percentile(share):
        return timings[max(0, min(count - 1, int(count * share) - 1))] if timings else 0.0

    return {
        "requests": count,
        "rps": count / elapsed if elapsed else 0.0,
        "p50": percentile(0.5),
        "p95": percentile(0.95),
        "p99": percentile(0.99),
        "max": timings[-1] if timings else 0.0,
        "statuses": statuses,
        "seconds": elapsed,
    }


# --- PostgreSQL's own benchmark --------------------------------------------------------


def pgbench_binary():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pgbench"), key=_version_key)
    return found[-1] if found else shutil.which("pgbench")


def _version_key(path):
    match = re.search(r"/postgresql/(\d+)/", path)
    return int(match.group(1)) if match else 0


def pgbench_tps(settings_dict, clients=16, threads=2, seconds=10):
    """TPC-B transactions per second of `pgbench -c clients -j threads -T seconds` on a
    scratch database (`<bench database>_pgbench`, scale 1 as `pgbench -i` makes it) on the
    same server. The scratch database is dropped afterwards."""
    import psycopg

    binary = pgbench_binary()
    if binary is None:
        return None
    scratch = f"{settings_dict['NAME']}_pgbench"
    admin = {
        "host": settings_dict.get("HOST") or "127.0.0.1",
        "port": settings_dict.get("PORT") or 5432,
        "user": settings_dict.get("USER") or "postgres",
        "password": settings_dict.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**admin) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
        connection.execute(f'CREATE DATABASE "{scratch}"')
    environment = os.environ | {
        "PGHOST": str(admin["host"]),
        "PGPORT": str(admin["port"]),
        "PGUSER": admin["user"],
    }
    if admin["password"]:
        environment["PGPASSWORD"] = admin["password"]
    try:
        subprocess.run(
            [binary, "-i", "-q", scratch], env=environment, check=True, capture_output=True
        )
        result = subprocess.run(
            [binary, "-c", str(clients), "-j", str(threads), "-T", str(seconds), scratch],
            env=environment,
            check=True,
            capture_output=True,
            text=True,
        )
    finally:
        with psycopg.connect(**admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
    return parse_pgbench(result.stdout)


def parse_pgbench(output):
    match = re.search(r"^tps = ([\d.]+)", output, re.MULTILINE)
    if match is None:
        raise RuntimeError(f"pgbench printed no tps:\n{output}")
    return float(match.group(1))
