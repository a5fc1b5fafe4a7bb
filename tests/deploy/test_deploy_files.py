"""The deployment files in deploy/ hang together (offline): systemd units verified by
`systemd-analyze verify` where it exists, every command they and the compose file run
exists, every environment variable the compose file sets is read by the application, the
Containerfile builds from the lock file and runs as a non-root user."""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"
UNITS = DEPLOY / "systemd"
SERVICES = sorted(UNITS.glob("*.service"))
TIMERS = sorted(UNITS.glob("*.timer"))
COMPOSE = DEPLOY / "compose.yaml"
CONTAINERFILE = DEPLOY / "Containerfile"


def unit(path):
    """A unit file as {section: [(key, value), ...]} (systemd syntax, no continuation)."""
    sections, current = {}, None
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        key, _, value = line.partition("=")
        current.append((key.strip(), value.strip()))
    return sections


def values(path, section, key):
    return [value for name, value in unit(path).get(section, []) if name == key]


def manage_commands(command_line):
    """Names of the management commands a command line runs (`manage.py NAME …`)."""
    return re.findall(r"manage\.py\s+([a-z_]+)", command_line)


def timer_targets():
    return {timer.name: values(timer, "Timer", "Unit")[0] for timer in TIMERS}


def test_there_are_units_for_web_worker_and_the_periodic_jobs():
    names = {path.name for path in SERVICES}
    assert {"quartier-web.service", "quartier-worker.service"} <= names
    assert timer_targets(), "no timers for the periodic jobs"


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: p.name)
def test_services_are_hardened_and_read_the_env_file(path):
    service = dict(unit(path)["Service"])
    assert service["User"] == "quartier"
    assert service["EnvironmentFile"] == "/etc/quartier/env"
    assert service["NoNewPrivileges"] == "yes"
    assert service["ProtectSystem"] == "strict"
    assert service["PrivateTmp"] == "yes"
    assert service["CapabilityBoundingSet"] == ""
    assert service["SystemCallFilter"] == "@system-service"
    # The only writable places: the two file folders (and /run/quartier, /tmp).
    assert service.get("ReadWritePaths", "").split() == [
        "/srv/quartier/media",
        "/srv/quartier/private",
    ]


def test_timers_start_existing_units_and_commands():
    names = {path.name for path in SERVICES}
    commands = get_commands()
    for timer, target in timer_targets().items():
        template = re.sub(r"@[^.]+\.", "@.", target)
        assert target in names or template in names, f"{timer} starts {target}, which is missing"
        if "@" in target:  # quartier-job@NAME.service runs manage.py NAME
            assert target.split("@")[1].rsplit(".", 1)[0] in commands, timer


def test_every_command_the_units_run_exists():
    commands = get_commands()
    for path in SERVICES:
        for line in values(path, "Service", "ExecStart"):
            for name in manage_commands(line):
                assert name in commands, f"{path.name}: manage.py {name} does not exist"
            program = line.lstrip("-@+!:").split()[0]
            assert program.startswith("/srv/quartier/.venv/bin/"), line
            installed = ROOT / ".venv" / "bin" / Path(program).name
            assert installed.exists(), f"{path.name} runs {program}, not installed"
    web = values(UNITS / "quartier-web.service", "Service", "ExecStart")[0]
    assert web.endswith("gunicorn -c /srv/quartier/deploy/gunicorn.conf.py")
    # The daily jobs of docs/operations.md ("Cron") all have a timer.
    daily = " ".join(values(UNITS / "quartier-daily.service", "Service", "ExecStart"))
    for job in ("purge_expired", "intranet_daily", "fund_daily", "prune_db_task_results"):
        assert job in daily
    targets = set(timer_targets().values())
    for job in ("publish_scheduled", "send_digests", "update_index"):
        assert f"quartier-job@{job}.service" in targets


def test_systemd_analyze_verify(tmp_path):
    """The real checker: syntax, known keys, executables present (paths rewritten to this
    checkout, which must hold .venv)."""
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        pytest.skip("systemd-analyze is not installed (Debian package systemd)")
    env_file = tmp_path / "env"
    env_file.write_text("SECRET_KEY=x\n")
    folder = tmp_path / "units"
    folder.mkdir()
    for path in [*SERVICES, *TIMERS]:
        text = path.read_text().replace("/etc/quartier/env", str(env_file))
        (folder / path.name).write_text(text.replace("/srv/quartier", str(ROOT)))
    instances = []
    for target in timer_targets().values():
        if "@" in target:
            template = folder / re.sub(r"@[^.]+\.", "@.", target)
            (folder / target).write_text(template.read_text())
            instances.append(folder / target)
    files = [
        *(folder / p.name for p in SERVICES if "@." not in p.name),
        *instances,
        *(folder / p.name for p in TIMERS),
    ]
    result = subprocess.run(
        [analyze, "verify", "--man=no", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=folder,
    )
    # Lines about our units (not about the machine's own, or a systemd not running here).
    complaints = [
        line for line in (result.stdout + result.stderr).splitlines() if "quartier" in line
    ]
    assert result.returncode == 0 and not complaints, result.stdout + result.stderr


# --- Compose -----------------------------------------------------------------------


def compose():
    return yaml.safe_load(COMPOSE.read_text())


APP_SERVICES = ("setup", "web1", "web2", "worker")


def read_variables():
    """Every environment variable the application, its settings and gunicorn read."""
    pattern = re.compile(
        r"""(?:env|env_bool|env_list|_int|environ\.get|getenv|environ\.setdefault)\(\s*["']([A-Z][A-Z0-9_]*)["']"""
        r"""|environ\[["']([A-Z][A-Z0-9_]*)["']\]"""
    )
    names = set()
    sources = [*ROOT.glob("portal/settings/*.py"), DEPLOY / "gunicorn.conf.py"]
    sources += [*ROOT.glob("core/**/*.py")]
    for path in sources:
        for match in pattern.finditer(path.read_text()):
            names.add(match[1] or match[2])
    return names


def test_the_stack_has_every_part():
    services = compose()["services"]
    assert set(services) == {
        "postgres",
        "redis",
        "seaweedfs",
        "setup",
        "web1",
        "web2",
        "worker",
        "nginx",
        "varnish",
    }
    # Only Varnish and the public bucket are published, on loopback only.
    published = {name: s["ports"] for name, s in services.items() if s.get("ports")}
    assert set(published) == {"varnish", "seaweedfs"}
    for ports in published.values():
        assert all(str(port).startswith("127.0.0.1:") for port in ports)
    # The metrics listen inside the network only; never published.
    for name in ("web1", "web2"):
        assert services[name]["environment"]["METRICS_BIND"] == "0.0.0.0:9191"
        assert "ports" not in services[name]


def test_app_services_run_existing_commands():
    services, commands = compose()["services"], get_commands()
    for name in APP_SERVICES:
        command = services[name].get("command")
        if command is None:  # the image's CMD: gunicorn with deploy/gunicorn.conf.py
            continue
        line = " ".join(command)
        for manage in manage_commands(line):
            assert manage in commands, f"{name}: manage.py {manage} does not exist"
    assert services["worker"]["command"] == ["python", "manage.py", "db_worker"]
    assert 'CMD ["gunicorn", "-c", "/app/deploy/gunicorn.conf.py"]' in CONTAINERFILE.read_text()
    assert (DEPLOY / "gunicorn.conf.py").exists()


def compose_variables():
    services = compose()["services"]
    names = set()
    for name in APP_SERVICES:
        names |= set(services[name].get("environment", {}))
    return sorted(names)


@pytest.mark.parametrize("name", compose_variables())
def test_every_variable_the_compose_file_sets_is_read(name):
    if name in read_variables():
        return
    pytest.fail(f"deploy/compose.yaml sets {name}, which nothing reads")


def test_mounted_files_exist_and_their_placeholders_are_filled():
    services = compose()["services"]
    nginx = services["nginx"]
    conf = DEPLOY / "nginx" / "quartier.conf"
    assert "./nginx/quartier.conf:/etc/nginx/templates/default.conf.template:ro" in nginx["volumes"]
    placeholders = set(re.findall(r"\$\{(QUARTIER_[A-Z_]+)\}", conf.read_text()))
    assert placeholders and placeholders <= set(nginx["environment"])
    vcl = DEPLOY / "varnish" / "quartier.vcl"
    assert (
        "./varnish/quartier.vcl:/etc/varnish/quartier.vcl.template:ro"
        in services["varnish"]["volumes"]
    )
    if not vcl.exists():
        pytest.skip("deploy/varnish/quartier.vcl comes with the page cache (pagecache branch)")
    command = " ".join(services["varnish"]["command"])
    for placeholder in set(re.findall(r"\$\{(QUARTIER_VARNISH_[A-Z_]+)\}", vcl.read_text())):
        assert f"$${{{placeholder}}}" in command, f"{placeholder} is not filled in"


def test_docker_compose_config_accepts_it():
    docker = shutil.which("docker") or shutil.which("podman")
    if not docker:
        pytest.skip("no docker or podman CLI")
    probe = subprocess.run([docker, "compose", "version"], capture_output=True, timeout=30)
    if probe.returncode != 0:
        pytest.skip(f"{docker} has no compose command")
    env = {"SECRET_KEY": "x" * 50, "POSTGRES_PASSWORD": "pw", "S3_SECRET_KEY": "s3"}
    result = subprocess.run(
        [docker, "compose", "-f", str(COMPOSE), "config", "--quiet"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )
    assert result.returncode == 0, result.stderr


# --- Containerfile -------------------------------------------------------------------


def test_containerfile_builds_from_the_lock_file_and_runs_unprivileged():
    text = CONTAINERFILE.read_text()
    stages = re.findall(r"^FROM\s+(\S+)", text, re.MULTILINE)
    assert stages[-1] == "python:3.11-slim", "the runtime image is python:3.11-slim"
    assert "COPY requirements.lock ./" in text
    assert "pip install -r requirements.lock" in text
    assert "collectstatic --noinput" in text
    users = re.findall(r"^USER\s+(\S+)", text, re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}
    runtime = text[text.rindex("\nFROM ") :]
    assert "chromium" not in runtime.lower()
    assert "playwright" not in runtime.lower()
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", "node_modules", ".env", ".git"} <= set(ignored)


def test_the_vcl_as_compose_fills_it_compiles():
    vcl = DEPLOY / "varnish" / "quartier.vcl"
    if not vcl.exists():
        pytest.skip("deploy/varnish/quartier.vcl comes with the page cache (pagecache branch)")
    varnishd = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
    )
    if not varnishd:
        pytest.skip("varnishd is not installed (Debian package varnish)")
    # varnishd reads the file as its own unprivileged user: a folder others may read.
    folder = Path(tempfile.mkdtemp(prefix="quartier-vcl-"))
    folder.chmod(0o755)
    filled = folder / "filled.vcl"
    try:
        command = compose()["services"]["varnish"]["command"][0].replace("$$", "$")
        fill = command.split(" && ")[0]
        fill = fill.replace("/etc/varnish/quartier.vcl.template", str(vcl))
        fill = fill.replace("> /etc/varnish/quartier.vcl", f"> {filled}")
        subprocess.run(["/bin/sh", "-c", fill], check=True, timeout=30)
        # The service name resolves only inside the compose network.
        filled.write_text(filled.read_text().replace('"nginx"', '"127.0.0.1"'))
        filled.chmod(0o644)
        result = subprocess.run(
            [varnishd, "-C", "-f", str(filled), "-n", str(folder / "vn")],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-3000:]
