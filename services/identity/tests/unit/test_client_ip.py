"""X-Forwarded-For counts only when the peer is a trusted proxy."""
from __future__ import annotations

from starlette.requests import Request

from identity.entrypoints.client_ip import client_ip

TRUSTED = ["127.0.0.1", "::1", "10.0.0.0/8"]


def _request(peer: str, forwarded: str | None = None) -> Request:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded is not None else []
    return Request({"type": "http", "client": (peer, 5000), "headers": headers})


def test_header_from_an_untrusted_peer_is_ignored():
    assert client_ip(_request("203.0.113.9", "198.51.100.1"), TRUSTED) == "203.0.113.9"


def test_header_from_the_gateway_names_the_client():
    assert client_ip(_request("127.0.0.1", "198.51.100.1"), TRUSTED) == "198.51.100.1"
    assert client_ip(_request("10.1.2.3", "198.51.100.1"), TRUSTED) == "198.51.100.1"


def test_forged_entries_left_of_the_trusted_chain_do_not_count():
    # the client sent "1.2.3.4" itself; the gateway appended the address it really saw
    assert client_ip(_request("10.1.2.3", "1.2.3.4, 198.51.100.1, 10.9.9.9"), TRUSTED) == "198.51.100.1"


def test_no_header_or_garbage_falls_back_sensibly():
    assert client_ip(_request("127.0.0.1"), TRUSTED) == "127.0.0.1"
    assert client_ip(_request("garbage", "1.2.3.4"), TRUSTED) == "garbage"
