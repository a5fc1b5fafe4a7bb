"""`manage.py ensure_buckets` creates missing buckets once (used by deploy/compose.yaml)."""

import io
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from core.files import s3_storages
from tests.s3server import ACCESS_KEY, SECRET_KEY


def test_without_object_storage_there_is_nothing_to_do():
    out = io.StringIO()
    call_command("ensure_buckets", stdout=out)
    assert "nothing" in out.getvalue() or "no buckets" in out.getvalue()


def test_missing_buckets_are_created_once(s3_server):
    private, public = f"p-{uuid.uuid4().hex[:10]}", f"o-{uuid.uuid4().hex[:10]}"
    storages = s3_storages(
        endpoint_url=s3_server.endpoint,
        access_key=ACCESS_KEY,
        secret_key=SECRET_KEY,
        region="us-east-1",
        private_bucket=private,
        public_bucket=public,
        expiry=300,
    )
    names = {b["Name"] for b in s3_server.client.list_buckets()["Buckets"]}
    assert not {private, public} & names
    with override_settings(STORAGES={**settings.STORAGES, **storages}, MEDIA_STORAGE="s3"):
        out = io.StringIO()
        call_command("ensure_buckets", stdout=out)
        assert out.getvalue().count("Created bucket") == 2
        again = io.StringIO()
        call_command("ensure_buckets", stdout=again)
        assert again.getvalue().count("exists") == 2
    names = {b["Name"] for b in s3_server.client.list_buckets()["Buckets"]}
    assert {private, public} <= names
    for bucket in (private, public):
        s3_server.client.delete_bucket(Bucket=bucket)


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
