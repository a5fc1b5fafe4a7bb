"""A real redis-server behind the cache: pages, logins, forms and our rate limits keep
working when it stops, and the cache is used again when it comes back (core/cache.py)."""

import logging
import shutil
import socket
import subprocess
import threading
import time
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone

from core import ratelimit
from core.cache import SafeRedisCache
from core.models import RateLimitCounter

pytestmark = pytest.mark.django_db

REDIS_SERVER = shutil.which("redis-server")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """redis-server on a free port, without persistence; stop() and start() it at will."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture(scope="module")
def redis_server():
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(redis_server):
    """The default cache is a SafeRedisCache on the test server (running at the start of
    each test), sessions are cached_db, as in production with REDIS_URL."""
    if redis_server.process is None:
        redis_server.start()
    caches = {
        "default": {
            "BACKEND": "core.cache.SafeRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {
                "socket_connect_timeout": 0.25,
                "socket_timeout": 0.25,
                "retry_after": 0,
            },
        }
    }
    with override_settings(
        CACHES=caches, SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
    ):
        # override_settings(CACHES=…) drops the cache connections: `cache` is new.
        cache.clear()
        yield cache
    if redis_server.process is None:
        redis_server.start()


def redis_keys(redis_server):
    import redis

    return redis.Redis.from_url(redis_server.url).dbsize()


def test_the_cache_is_redis_and_stores(redis_server, redis_cache):
    from django.core.cache import caches

    assert isinstance(caches["default"], SafeRedisCache)
    assert cache.set("quartier:test", {"a": 1}) is True
    assert cache.get("quartier:test") == {"a": 1}
    assert redis_keys(redis_server) == 1
    assert Client().get("/de/").status_code == 200


def test_a_dead_redis_answers_like_an_empty_cache_quickly_and_logs_once(
    redis_server, redis_cache, caplog
):
    cache.set("kept", 1)
    redis_server.stop()
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        assert cache.get("kept") is None
        assert cache.get("kept", "default") == "default"
        assert cache.set("kept", 2) is False
        assert cache.add("new", 1) is True  # as DummyCache: nothing holds a lock
        assert cache.delete("kept") is False
        assert cache.touch("kept") is False
        assert cache.has_key("kept") is False
        assert cache.get_many(["kept", "new"]) == {}
        assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
        assert cache.get_or_set("computed", lambda: 42) == 42
        with pytest.raises(ValueError):
            cache.incr("kept")
        with pytest.raises(ValueError):
            cache.decr("kept")
        cache.delete_many(["a", "b"])
        cache.clear()
    elapsed = time.monotonic() - started
    assert elapsed < 3, f"{elapsed:.2f} s for 15 operations on a dead Redis"
    warnings = [r for r in caplog.records if r.name == "core.cache"]
    assert len(warnings) == 1 and "unreachable" in warnings[0].getMessage()


def test_the_cache_recovers_without_a_restart(redis_server, redis_cache):
    redis_server.stop()
    assert cache.set("back", 1) is False
    redis_server.start()
    assert cache.set("back", 1) is True
    assert cache.get("back") == 1
    assert redis_keys(redis_server) == 1


def test_after_an_error_redis_is_left_alone_for_retry_after(redis_server, redis_cache):
    from django.core.cache import caches

    safe = caches["default"]
    safe.retry_after = 0.5
    redis_server.stop()
    assert safe.get("x") is None
    assert not safe.available()
    redis_server.start()
    assert safe.set("x", 1) is False  # not asked: still waiting
    time.sleep(0.6)
    assert safe.available()
    assert safe.set("x", 1) is True


def test_pages_login_and_forms_answer_while_redis_is_down(redis_server, redis_cache):
    from tests.portal.factories import ContactPageFactory, OfficeSettingsFactory, UserFactory

    OfficeSettingsFactory(email="buero@example.org")
    ContactPageFactory(slug="kontakt", to_address="buero@example.org")
    user = UserFactory(email="kim@example.org")
    user.set_password("ein-langes-Passwort-1")
    user.save()
    signed_in = Client()
    signed_in.force_login(user)  # session in the database and in Redis
    redis_server.stop()

    visitor = Client()
    assert visitor.get("/de/").status_code == 200
    assert visitor.get("/de/accounts/login/").status_code == 200
    wrong = visitor.post(
        "/de/accounts/login/", {"login": "kim@example.org", "password": "falsch-falsch"}
    )
    assert wrong.status_code == 200
    right = visitor.post(
        "/de/accounts/login/", {"login": "kim@example.org", "password": "ein-langes-Passwort-1"}
    )
    assert right.status_code == 302
    contact = {
        "ihr_name": "Kim",
        "ihre_e_mail_adresse": "kim@example.org",
        "ihre_nachricht": "Geht das Portal auch ohne Redis?",
    }
    assert Client().post("/de/kontakt/", contact).status_code == 200
    # Nobody was logged out: the session comes from the database.
    assert signed_in.get("/de/accounts/me/").status_code == 200
    assert Session.objects.exists()


def test_our_contact_limit_still_limits_while_redis_is_down(redis_server, redis_cache):
    from tests.portal.factories import ContactPageFactory, OfficeSettingsFactory

    OfficeSettingsFactory(email="buero@example.org")
    ContactPageFactory(slug="kontakt", to_address="buero@example.org")
    contact = {"ihr_name": "Kim", "ihre_e_mail_adresse": "k@example.org", "ihre_nachricht": "Hallo"}
    redis_server.stop()
    client = Client()
    statuses = [client.post("/de/kontakt/", contact).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert RateLimitCounter.objects.filter(key__startswith="contact:").get().count == 6


def test_the_code_vote_limit_counts_in_the_database_while_redis_is_down(redis_server, redis_cache):
    from participation.voting import codes
    from participation.voting.views import CODE_ATTEMPTS
    from tests.participation.factories import make_vote_process

    process, _proposals = make_vote_process(slug="redis-down", participants="code")
    codes.create_batch(process=process, size=2, label="T", user=None)
    url = process.url + "abstimmen/"
    client = Client()
    # Two attempts counted in Redis before it stops; those are forgotten with it.
    for n in range(2):
        client.post(url, {"code": f"AAAA-BBBB-{n:04d}", "redeem": "1"})
    redis_server.stop()
    limit = CODE_ATTEMPTS[0]
    statuses = [
        client.post(url, {"code": f"AAAA-CCCC-{n:04d}", "redeem": "1"}).status_code
        for n in range(limit + 1)
    ]
    assert statuses == [400] * limit + [429]
    counted = RateLimitCounter.objects.filter(key__startswith=f"vote-code:{process.pk}:")
    assert counted.get().count == limit
    # Only keyed hashes of typed codes are stored, never a code.
    assert not RateLimitCounter.objects.filter(key__contains="CCCC").exists()

    # Redis is back: counting there again (a fresh window in the cache).
    redis_server.start()
    assert client.post(url, {"code": "AAAA-DDDD-0001", "redeem": "1"}).status_code == 400
    assert redis_keys(redis_server) > 0
    assert counted.get().count == limit


# --- the database counter on its own --------------------------------------------------


class DownCache:
    """A stand-in for SafeRedisCache during an outage."""

    def strict(self, *args, **kwargs):
        from core.cache import CacheUnavailable

        raise CacheUnavailable


def test_database_counter_counts_per_window_and_scope(monkeypatch):
    monkeypatch.setattr(ratelimit, "cache", DownCache())
    assert [ratelimit.record("s", "who", 60) for _ in range(3)] == [1, 2, 3]
    assert ratelimit.attempts("s", "who", 60) == 3
    assert ratelimit.attempts("s", "other", 60) == 0
    assert ratelimit.exceeded("s", "who", 3, 60)
    assert not ratelimit.exceeded("t", "who", 1, 60)
    counter = RateLimitCounter.objects.get()
    assert counter.expires_at > timezone.now()
    assert counter.expires_at <= timezone.now() + timedelta(seconds=61)


def test_old_database_counters_are_purged():
    from core import privacy

    now = timezone.now()
    RateLimitCounter.objects.create(key="a", window=1, count=3, expires_at=now - timedelta(days=2))
    recent = RateLimitCounter.objects.create(
        key="b", window=2, count=3, expires_at=now - timedelta(hours=1)
    )
    assert privacy.purge_expired(now)["ratelimit.counters"] == 1
    assert list(RateLimitCounter.objects.all()) == [recent]


def test_with_other_cache_backends_the_cache_counts():
    assert [ratelimit.record("s", "who", 60) for _ in range(2)] == [1, 2]
    assert not RateLimitCounter.objects.exists()


def test_a_second_factor_login_works_while_redis_is_down(redis_server, redis_cache):
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    from tests.portal.factories import UserFactory

    user = UserFactory(email="mfa@example.org")
    user.set_password("ein-langes-Passwort-1")
    user.save()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    redis_server.stop()
    client = Client()
    response = client.post(
        "/de/accounts/login/", {"login": "mfa@example.org", "password": "ein-langes-Passwort-1"}
    )
    assert response.status_code == 302
    assert "/2fa/authenticate/" in response["Location"]
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    done = client.post(response["Location"], {"code": code})
    assert done.status_code == 302, done.content.decode()[:500]
    assert "/2fa/" not in done["Location"]
    assert client.get("/de/accounts/me/").status_code == 200


# --- Redis that hangs, or something else on the port (no redis-server needed) ----------


@pytest.fixture
def silent_port():
    """A port that accepts connections and never answers, like a hung Redis."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(50)
        yield sock.getsockname()[1]


def safe_cache(url, retry_after):
    options = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25, "retry_after": retry_after}
    return SafeRedisCache(url, {"OPTIONS": options})


def test_a_hung_redis_costs_one_timeout_then_is_left_alone(silent_port):
    hung = safe_cache(f"redis://127.0.0.1:{silent_port}/0", retry_after=2)
    started = time.monotonic()
    for _ in range(10):
        assert hung.get("k", "miss") == "miss"
        assert hung.set("k", 1) is False
    elapsed = time.monotonic() - started
    assert 0.2 <= elapsed < 1, f"{elapsed:.2f} s for 20 operations"


def test_a_hung_redis_times_out_on_each_try_without_retry_after(silent_port):
    hung = safe_cache(f"redis://127.0.0.1:{silent_port}/0", retry_after=0)
    started = time.monotonic()
    assert hung.get("k") is None
    assert hung.get_many(["k"]) == {}
    assert time.monotonic() - started < 1.5


def test_something_else_on_the_redis_port_is_no_error_page():
    """A server answering something that is not Redis (here: an HTTP reply)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        port = listener.getsockname()[1]

        def answer():
            for _ in range(2):
                conn, _addr = listener.accept()
                with conn:
                    conn.recv(1024)
                    conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        other = safe_cache(f"redis://127.0.0.1:{port}/0", retry_after=0)
        assert other.get("k", "miss") == "miss"
        assert other.add("k", 1) is True
        thread.join(timeout=5)


def test_failed_logins_are_still_limited_while_redis_is_down(redis_server, redis_cache):
    from tests.portal.factories import UserFactory

    user = UserFactory(email="ziel@example.org")
    user.set_password("ein-langes-Passwort-1")
    user.save()
    redis_server.stop()
    client = Client()

    def login(password):
        return client.post(
            "/de/accounts/login/", {"login": "ziel@example.org", "password": password}
        )

    # allauth's own limit counts nothing now; ours (5 per login name in 5 minutes) does.
    statuses = [login(f"falsch-{n}").status_code for n in range(5)]
    assert statuses == [200] * 5
    refused = login("ein-langes-Passwort-1")
    assert refused.status_code == 200
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in refused.content.decode()
    assert RateLimitCounter.objects.filter(key__startswith="login-failed:key:300:").get().count == 5
    # Another person is not locked out.
    other = UserFactory(email="andere@example.org")
    other.set_password("ein-langes-Passwort-2")
    other.save()
    response = Client().post(
        "/de/accounts/login/", {"login": "andere@example.org", "password": "ein-langes-Passwort-2"}
    )
    assert response.status_code == 302


def test_with_redis_up_failed_logins_are_left_to_allauth(redis_server, redis_cache):
    from tests.portal.factories import UserFactory

    UserFactory(email="ziel@example.org")
    Client().post("/de/accounts/login/", {"login": "ziel@example.org", "password": "falsch"})
    assert not RateLimitCounter.objects.exists()
    assert redis_keys(redis_server) > 0  # allauth's history


def test_redis_url_selects_the_safe_cache_and_cached_db_sessions():
    import json
    import os
    import sys
    from pathlib import Path

    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps([s.CACHES, s.SESSION_ENGINE]))"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.base"}
    with_redis = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env={**env, "REDIS_URL": "redis://127.0.0.1:6379/1", "REDIS_SOCKET_TIMEOUT": "0.5"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    caches, engine = json.loads(with_redis.stdout)
    assert caches["default"]["BACKEND"] == "core.cache.SafeRedisCache"
    assert caches["default"]["OPTIONS"]["socket_timeout"] == 0.5
    assert caches["default"]["OPTIONS"]["socket_connect_timeout"] == 0.5
    assert engine == "django.contrib.sessions.backends.cached_db"
    without = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env={k: v for k, v in env.items() if k != "REDIS_URL"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    caches, engine = json.loads(without.stdout)
    assert caches["default"]["BACKEND"].endswith("DatabaseCache")
    assert engine == "django.contrib.sessions.backends.db"
