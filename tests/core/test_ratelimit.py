"""The client address behind reverse proxies, and the counting of our own rate limits."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings

from core import ratelimit

PROXIES = ["10.0.0.0/8", "192.0.2.7", "2001:db8:ffff::/48"]


def request(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_header_is_ignored():
    assert ratelimit.client_address(request("198.51.100.1", "203.0.113.9")) == "198.51.100.1"


@override_settings(QUARTIER_TRUSTED_PROXIES=PROXIES)
@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        # From a trusted proxy: the right-most untrusted hop.
        ("10.1.2.3", "203.0.113.9", "203.0.113.9"),
        ("10.1.2.3", "203.0.113.9, 10.9.9.9", "203.0.113.9"),
        ("192.0.2.7", "203.0.113.9,192.0.2.7", "203.0.113.9"),
        # What the client wrote left of it is never believed.
        ("10.1.2.3", "1.1.1.1, 203.0.113.9", "203.0.113.9"),
        # From anywhere else the header is the client's invention.
        ("198.51.100.1", "203.0.113.9", "198.51.100.1"),
        ("192.0.2.8", "203.0.113.9", "192.0.2.8"),
        # No header, or a broken one: the proxy itself, never a made-up address.
        ("10.1.2.3", None, "10.1.2.3"),
        ("10.1.2.3", "not-an-address", "10.1.2.3"),
        ("10.1.2.3", "1.1.1.1, garbage, 10.0.0.9", "10.1.2.3"),
        # Ports and IPv6, IPv4 on a dual-stack socket.
        ("10.1.2.3", "203.0.113.9:4711", "203.0.113.9"),
        ("2001:db8:ffff::1", "[2001:db8:1::5]:443", "2001:db8:1::5"),
        ("::ffff:10.1.2.3", "203.0.113.9", "203.0.113.9"),
        # Only proxies in the chain: the first of them.
        ("10.1.2.3", "10.0.0.5, 10.0.0.6", "10.0.0.5"),
    ],
)
def test_forwarded_address_only_from_trusted_proxies(remote, forwarded, client):
    assert ratelimit.client_address(request(remote, forwarded)) == client


def test_missing_remote_address_is_unknown():
    assert ratelimit.client_address(request("")) == ratelimit.UNKNOWN


@override_settings(QUARTIER_TRUSTED_PROXIES=["10.0.0.0/8", "proxy.example"])
def test_a_misspelt_proxy_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured, match="proxy.example"):
        ratelimit.client_address(request("10.0.0.1", "203.0.113.9"))


def test_ipv6_clients_are_counted_per_64_network():
    one = ratelimit.client_key(request("2001:db8:1:2::1"))
    other = ratelimit.client_key(request("2001:db8:1:2:ffff::9"))
    assert one == other == "2001:db8:1:2::/64"
    assert ratelimit.client_key(request("198.51.100.1")) == "198.51.100.1"


@override_settings(QUARTIER_TRUSTED_PROXIES=["10.0.0.1"])
def test_allow_counts_each_client_behind_the_proxy_on_its_own():
    a = request("10.0.0.1", "203.0.113.1")
    b = request("10.0.0.1", "203.0.113.2")
    assert [ratelimit.allow(a, "t", 3, 60) for _ in range(4)] == [True, True, True, False]
    assert ratelimit.allow(b, "t", 3, 60)


def test_secret_key_never_contains_the_value():
    hashed = ratelimit.secret_key("ABCDEFGHJKMN")
    assert "ABCDEFGHJKMN" not in hashed and len(hashed) == 32
    assert hashed == ratelimit.secret_key("ABCDEFGHJKMN") != ratelimit.secret_key("ABCDEFGHJKMP")


def test_exceeded_does_not_count():
    for _ in range(5):
        assert not ratelimit.exceeded("t2", "who", 2, 60)
    ratelimit.record("t2", "who", 60)
    ratelimit.record("t2", "who", 60)
    assert ratelimit.exceeded("t2", "who", 2, 60)
    assert not ratelimit.exceeded("t2", "someone-else", 2, 60)
    cache.clear()


def test_system_checks_catch_a_misspelt_proxy_and_a_missing_one():
    from portal import checks

    with override_settings(QUARTIER_TRUSTED_PROXIES=["10.0.0.0/8", "proxy.example"]):
        (error,) = checks.trusted_proxies_are_addresses(None)
        assert error.id == "quartier.E001" and "proxy.example" in error.msg
    with override_settings(QUARTIER_TRUSTED_PROXIES=["10.0.0.0/8"]):
        assert checks.trusted_proxies_are_addresses(None) == []
    behind = ("HTTP_X_FORWARDED_PROTO", "https")
    with override_settings(SECURE_PROXY_SSL_HEADER=behind, QUARTIER_TRUSTED_PROXIES=[]):
        (warning,) = checks.trusted_proxies_behind_a_proxy(None)
        assert warning.id == "quartier.W001"
    with override_settings(SECURE_PROXY_SSL_HEADER=behind, QUARTIER_TRUSTED_PROXIES=["::1"]):
        assert checks.trusted_proxies_behind_a_proxy(None) == []
