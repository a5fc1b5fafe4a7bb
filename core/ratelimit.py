"""A small fixed-window rate limit for our own public forms (allauth has its own)."""

import time

from django.core.cache import cache


def client_address(request):
    """The client's address; in production the proxy must pass it as REMOTE_ADDR."""
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(request, scope, limit, period_seconds):
    """Count one attempt; False once `limit` attempts were made in the current window."""
    window = int(time.time() // period_seconds)
    key = f"quartier:rl:{scope}:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=period_seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=period_seconds + 1)
        count = 1
    return count <= limit
