"""A small fixed-window rate limit for our own public forms (allauth has its own, and asks
`client_address` for the address too, see portal.accounts.adapter).

Behind a reverse proxy every request comes from the proxy's address. The client's own
address is then read from `X-Forwarded-For`, but only when the request really comes from a
proxy named in `QUARTIER_TRUSTED_PROXIES`: anybody can send that header, so it is ignored on
requests from anywhere else.

The counts live in the cache. When the cache is our SafeRedisCache and Redis cannot be
reached, they are kept in the database instead (`RateLimitCounter`), so the limits still
hold during an outage; old windows are removed by the daily retention run.
"""

import ipaddress
import time
from datetime import UTC, datetime
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

from .cache import CacheUnavailable

UNKNOWN = "unknown"
# IPv6 clients usually hold a whole /64: counting single addresses would let one client
# try 2^64 times as often.
IPV6_PREFIX = 64


@lru_cache(maxsize=8)
def _networks(entries):
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is neither an IP address nor a network ({error})"
            ) from error
    return tuple(networks)


def trusted_networks():
    """The networks of QUARTIER_TRUSTED_PROXIES (addresses and CIDR ranges)."""
    return _networks(tuple(getattr(settings, "QUARTIER_TRUSTED_PROXIES", ()) or ()))


def _parse(text):
    """An address from REMOTE_ADDR or one X-Forwarded-For entry, or None if it is none."""
    text = (text or "").strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    # "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) is the IPv4 address.
    return getattr(address, "ipv4_mapped", None) or address


def _is_trusted(address, networks):
    if address is None:
        return False
    return any(address.version == net.version and address in net for net in networks)


def from_trusted_proxy(request):
    """True when the request comes straight from one of QUARTIER_TRUSTED_PROXIES (so headers
    it set, such as X-Forwarded-For or X-Request-ID, may be believed)."""
    return _is_trusted(_parse(request.META.get("REMOTE_ADDR")), trusted_networks())


def client_address(request):
    """The client's address as a string, or "unknown".

    REMOTE_ADDR, unless it is a trusted proxy: then the right-most address in
    X-Forwarded-For that is not itself a trusted proxy (each proxy appends the address it
    saw; everything left of the first untrusted one may be made up by the client). If the
    header is missing or that entry is not an address, the proxy's address is used, so a
    broken proxy set-up limits too much rather than letting anyone pick their address.
    """
    remote = _parse(request.META.get("REMOTE_ADDR"))
    if remote is None:
        return UNKNOWN
    networks = trusted_networks()
    if not _is_trusted(remote, networks):
        return str(remote)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop for hop in (part.strip() for part in forwarded.split(",")) if hop]
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            return str(remote)
        if not _is_trusted(address, networks):
            return str(address)
    # Every hop is one of our proxies (e.g. a health check from inside): the first one.
    return str(_parse(hops[0])) if hops else str(remote)


def client_key(request):
    """What a limit per client counts: the address, for IPv6 its /64 network."""
    address = client_address(request)
    parsed = _parse(address)
    if parsed is not None and parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False))
    return address


def secret_key(value):
    """A keyed hash that stands for `value` (e.g. a typed voting code) in a cache key: the
    plain value never lands in the cache."""
    return salted_hmac("quartier.ratelimit", value, algorithm="sha256").hexdigest()[:32]


def _window(period_seconds):
    return int(time.time() // period_seconds)


def _key(scope, who, period_seconds):
    window = _window(period_seconds)
    return f"quartier:rl:{scope}:{who}:{window}", period_seconds + 1


def _cache_call(operation, *args, **kwargs):
    """A cache operation that raises CacheUnavailable when the cache server is down (our
    SafeRedisCache would otherwise answer like an empty cache, and nobody would be
    limited); other backends have no such outage and are called as they are."""
    strict = getattr(cache, "strict", None)
    if strict is None:
        return getattr(cache, operation)(*args, **kwargs)
    return strict(operation, *args, **kwargs)


# --- Fallback: counting in the database while the cache is unreachable -----------------


def _db_key(scope, who):
    return f"{scope}:{who}"[:255]


def _db_attempts(scope, who, period_seconds):
    from .models import RateLimitCounter

    counter = RateLimitCounter.objects.filter(
        key=_db_key(scope, who), window=_window(period_seconds)
    ).first()
    return counter.count if counter else 0


def _db_record(scope, who, period_seconds):
    from .models import RateLimitCounter

    window = _window(period_seconds)
    lookup = {"key": _db_key(scope, who), "window": window}
    with transaction.atomic():
        counter, created = RateLimitCounter.objects.get_or_create(
            **lookup,
            defaults={
                "count": 1,
                "expires_at": datetime.fromtimestamp((window + 1) * period_seconds, tz=UTC),
            },
        )
        if created:
            return 1
        RateLimitCounter.objects.filter(**lookup).update(count=F("count") + 1)
        return RateLimitCounter.objects.filter(**lookup).values_list("count", flat=True).get()


def purge_counters(now):
    """Database counters of windows that ended more than RATELIMIT_FALLBACK_RETENTION_DAYS
    ago (a core.privacy purger)."""
    from . import privacy
    from .models import RateLimitCounter

    expired = RateLimitCounter.objects.filter(
        expires_at__lt=privacy.cutoff(now, "RATELIMIT_FALLBACK_RETENTION_DAYS")
    )
    return expired.delete()[0]


# --- Counting -----------------------------------------------------------------------


def cache_available():
    """False while the cache server cannot be reached (only our SafeRedisCache has such
    outages): callers that otherwise rely on limits kept by others (allauth's) then count
    with `record` / `exceeded`, which use the database meanwhile."""
    try:
        _cache_call("has_key", "quartier:rl:probe")
    except CacheUnavailable:
        return False
    return True


def attempts(scope, who, period_seconds):
    """How many attempts `who` made under `scope` in the current window."""
    key, _timeout = _key(scope, who, period_seconds)
    try:
        return _cache_call("get", key, 0)
    except CacheUnavailable:
        return _db_attempts(scope, who, period_seconds)


def record(scope, who, period_seconds):
    """Count one attempt of `who` under `scope`; returns the count in this window. While
    the cache is unreachable the database counts."""
    key, timeout = _key(scope, who, period_seconds)
    try:
        _cache_call("add", key, 0, timeout=timeout)
        try:
            return _cache_call("incr", key)
        except ValueError:  # evicted between add and incr
            _cache_call("set", key, 1, timeout=timeout)
            return 1
    except CacheUnavailable:
        return _db_record(scope, who, period_seconds)


def exceeded(scope, who, limit, period_seconds):
    """True once `limit` attempts of `who` were counted in the current window."""
    return attempts(scope, who, period_seconds) >= limit


def allow(request, scope, limit, period_seconds):
    """Count one attempt of this client; False once `limit` attempts were made in the
    current window."""
    return record(scope, client_key(request), period_seconds) <= limit
