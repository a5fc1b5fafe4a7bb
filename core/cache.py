"""A Redis cache that a Redis outage cannot turn into error pages.

`SafeRedisCache` is Django's `RedisCache` whose operations catch the errors of a lost
connection (`redis.ConnectionError`, `redis.TimeoutError`, and any other `redis.RedisError`)
and answer like a cache that holds nothing: `get` returns the default, `set`/`delete`/
`touch` return False, `incr` raises ValueError as for a missing key, `get_many` returns {}.
A warning goes to the log at most once per `LOG_INTERVAL` seconds per process.

`add` returns True, as Django's DummyCache does (a cache that forgets at once): allauth
takes `add() == False` as "someone else holds the lock" (its rate limits then wait a second
and answer 429 to every login) and as "this TOTP code was used already" (every second
factor would be refused). So during an outage allauth's rate limits do not limit (failed
logins are then counted by portal.accounts.adapter through core.ratelimit) and a TOTP code
could be used twice within its 30 seconds; logging in keeps working.

After an error the cache does not ask Redis again for `retry_after` seconds (OPTIONS key
`retry_after`, default 2): a Redis that does not answer costs each request at most one
socket timeout, not one per cache call. Afterwards the next call tries again; redis-py
reconnects by itself, so the cache is back without a restart.

Who needs to know that an operation did not reach the cache (the rate limits in
core.ratelimit, which then count in the database) calls `strict(operation, ...)`, which
raises `CacheUnavailable` instead of answering like a miss.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

LOG_INTERVAL = 60  # seconds between two warnings about the same cache


class CacheUnavailable(Exception):
    """The cache server could not be reached (raised only by the `strict_*` helpers)."""


def _connection_errors():
    import redis

    # ConnectionError and TimeoutError are the outage; RedisError also covers a Redis that
    # answers but cannot serve (still loading, out of memory, read-only replica, something
    # else on the port): all of them mean "no cache now", none should be an error page.
    return (redis.ConnectionError, redis.TimeoutError, redis.RedisError)


def _safe(miss):
    """Wrap a cache operation: on a connection error, log and return `miss()`."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if not self.available():
                return miss()
            try:
                return method(self, *args, **kwargs)
            except self._errors as error:
                self._failed(method.__name__, error)
                return miss()

        return wrapper

    return decorator


def _raise_missing():
    raise ValueError("Key not found (cache unavailable).")


class SafeRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("retry_after", 2))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._errors = _connection_errors()
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._last_warning = 0.0

    # --- state ------------------------------------------------------------------------

    def available(self):
        """False while we wait after an error before asking Redis again."""
        return time.monotonic() >= self._down_until

    def _failed(self, operation, error):
        now = time.monotonic()
        with self._lock:
            self._down_until = now + self.retry_after
            warn = now - self._last_warning >= LOG_INTERVAL or not self._last_warning
            if warn:
                self._last_warning = now
        if warn:
            logger.warning(
                "Redis cache unreachable (%s: %s); answering as a cache miss, next try in %ss.",
                operation,
                error,
                self.retry_after,
            )

    def reset(self):
        """Forget an outage (tests; after a deliberate restart)."""
        self._down_until = 0.0
        self._last_warning = 0.0

    # --- operations -------------------------------------------------------------------

    @_safe(lambda: True)
    def add(self, *args, **kwargs):
        return super().add(*args, **kwargs)

    def get(self, key, default=None, version=None):
        if not self.available():
            return default
        try:
            return super().get(key, default, version)
        except self._errors as error:
            self._failed("get", error)
            return default

    @_safe(lambda: False)
    def set(self, *args, **kwargs):
        super().set(*args, **kwargs)
        return True

    @_safe(lambda: False)
    def touch(self, *args, **kwargs):
        return super().touch(*args, **kwargs)

    @_safe(lambda: False)
    def delete(self, *args, **kwargs):
        return super().delete(*args, **kwargs)

    @_safe(dict)
    def get_many(self, *args, **kwargs):
        return super().get_many(*args, **kwargs)

    @_safe(lambda: False)
    def has_key(self, *args, **kwargs):
        return super().has_key(*args, **kwargs)

    @_safe(_raise_missing)
    def incr(self, *args, **kwargs):
        return super().incr(*args, **kwargs)

    def set_many(self, data, timeout=None, version=None):
        # Django's contract: the keys that could not be stored.
        if not self.available():
            return list(data)
        try:
            return super().set_many(data, timeout, version)
        except self._errors as error:
            self._failed("set_many", error)
            return list(data)

    @_safe(lambda: None)
    def delete_many(self, *args, **kwargs):
        return super().delete_many(*args, **kwargs)

    @_safe(lambda: False)
    def clear(self):
        return super().clear()

    # --- for callers that must know ---------------------------------------------------

    def strict(self, operation, *args, **kwargs):
        """Run `RedisCache.<operation>` unprotected: CacheUnavailable on a connection
        error (the outage is recorded as by the safe operations)."""
        if not self.available():
            raise CacheUnavailable
        try:
            return getattr(RedisCache, operation)(self, *args, **kwargs)
        except self._errors as error:
            self._failed(operation, error)
            raise CacheUnavailable from error
