"""Wrong voting codes are limited per client and per code, behind a reverse proxy too;
codes that work are never counted, and nobody can lock other voters out."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from participation.voting import codes
from participation.voting.views import CODE_ATTEMPTS, CODE_ATTEMPTS_PER_CODE
from tests.participation.factories import make_vote_process

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


def behind_proxy(client_ip):
    """A browser whose requests reach us through our reverse proxy."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_ip)


def code_process(slug, size=3):
    process, proposals = make_vote_process(slug=slug, participants="code")
    _batch, plain = codes.create_batch(process=process, size=size, label="T", user=None)
    return process, proposals, plain


def vote_url(process):
    return process.url + "abstimmen/"


def wrong(n):
    return f"AAAA-BBBB-{n:04d}"


def redeem(client, process, code):
    return client.post(vote_url(process), {"code": code, "redeem": "1"})


@override_settings(QUARTIER_TRUSTED_PROXIES=[PROXY])
def test_twenty_wrong_codes_from_one_client_do_not_block_another():
    process, (a, *_rest), (code, *_others) = code_process("lim-proxy")
    attacker = behind_proxy("203.0.113.66")
    limit = CODE_ATTEMPTS[0]
    statuses = [redeem(attacker, process, wrong(n)).status_code for n in range(limit)]
    assert statuses == [400] * limit
    assert redeem(attacker, process, wrong(99)).status_code == 429
    # The attacker cannot try even a real code now …
    assert redeem(attacker, process, code).status_code == 429
    # … but a neighbour behind the same proxy votes as usual.
    neighbour = behind_proxy("203.0.113.7")
    assert redeem(neighbour, process, code).status_code == 200
    cast = neighbour.post(vote_url(process), {"code": code, "choose": [a.pk], "cast": "1"})
    assert cast.status_code == 302


@override_settings(QUARTIER_TRUSTED_PROXIES=[])
def test_forwarded_header_from_an_untrusted_sender_cannot_dodge_the_limit():
    process, _proposals, _plain = code_process("lim-spoof")
    limit = CODE_ATTEMPTS[0]
    for n in range(limit):
        # A new made-up X-Forwarded-For each time: without trusted proxies it is ignored.
        assert redeem(behind_proxy(f"198.51.100.{n}"), process, wrong(n)).status_code == 400
    assert redeem(behind_proxy("198.51.100.200"), process, wrong(500)).status_code == 429


def test_successful_codes_are_never_counted():
    limit = CODE_ATTEMPTS[0]
    process, _proposals, plain = code_process("lim-success", size=limit + 5)
    client = Client()
    for code in plain:  # more working codes than the limit allows wrong ones
        assert redeem(client, process, code).status_code == 200
    # Redeeming the same working code again and again is no attempt either.
    for _ in range(limit + 1):
        assert redeem(client, process, plain[0]).status_code == 200
    # Still the whole allowance of wrong attempts is left.
    statuses = [redeem(client, process, wrong(n)).status_code for n in range(limit)]
    assert statuses == [400] * limit


@override_settings(QUARTIER_TRUSTED_PROXIES=[PROXY])
def test_one_code_tried_from_many_clients_is_limited_but_other_codes_are_not():
    process, _proposals, (code, *_others) = code_process("lim-per-code")
    limit = CODE_ATTEMPTS_PER_CODE[0]
    target = wrong(1)
    for n in range(limit):
        assert redeem(behind_proxy(f"203.0.113.{n + 1}"), process, target).status_code == 400
    fresh = behind_proxy("203.0.113.200")
    # The same code, typed differently, is the same code.
    assert redeem(fresh, process, target.lower().replace("-", " ")).status_code == 429
    # Other codes, and the client itself, are not affected.
    assert redeem(fresh, process, wrong(2)).status_code == 400
    assert redeem(fresh, process, code).status_code == 200


def test_the_plain_code_never_appears_in_a_cache_key(monkeypatch):
    process, _proposals, _plain = code_process("lim-hash")
    seen = []
    original = cache.add

    def spy(key, *args, **kwargs):
        seen.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(cache, "add", spy)
    redeem(Client(), process, "QQQQ-RRRR-SSSS")
    assert seen, "the wrong attempt was not counted"
    assert not any("QQQQ" in key or "RRRRSSSS" in key for key in seen)


def test_sending_the_form_without_a_code_is_no_attempt():
    process, _proposals, _plain = code_process("lim-empty")
    client = Client()
    for _ in range(CODE_ATTEMPTS[0] + 1):
        assert redeem(client, process, "").status_code == 400
    assert redeem(client, process, wrong(1)).status_code == 400
