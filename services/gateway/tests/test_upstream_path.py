"""The /api path normaliser: the upstream URL never leaves the service's scheme, host and port."""
from __future__ import annotations

import pytest

from gateway.upstream_path import BadUpstreamPath, upstream_url

BASE = "http://127.0.0.1:8101"


def url(raw: str, query: str = "", service: str = "identity") -> str:
    return str(upstream_url(BASE, service, raw.encode("latin-1"), query.encode("latin-1")))


@pytest.mark.parametrize("raw,query,expected", [
    ("/api/identity/participants/me", "", "http://127.0.0.1:8101/participants/me"),
    ("/api/identity/a/b/", "", "http://127.0.0.1:8101/a/b/"),
    ("/api/identity/", "", "http://127.0.0.1:8101/"),
    ("/api/identity/search", "q=roti%20manis&page=2", "http://127.0.0.1:8101/search?q=roti%20manis&page=2"),
    ("/api/identity/users/nama@contoh", "", "http://127.0.0.1:8101/users/nama@contoh"),
    ("/api/identity/%61bc", "", "http://127.0.0.1:8101/abc"),  # needless escapes are undone
    ("/api/identity/roti%20bakar", "", "http://127.0.0.1:8101/roti%20bakar"),
    ("/api/identity/kue%C3%A9", "", "http://127.0.0.1:8101/kue%C3%A9"),
])
def test_good_paths_map_onto_the_service(raw, query, expected):
    assert url(raw, query) == expected


@pytest.mark.parametrize("raw", [
    # the service part: must be the plain name followed by a literal '/'
    "/api/identity%2F@127.0.0.1:47811/steal", "/api/identity%2f@127.0.0.1:47811/steal",
    "/api/identity%252F@127.0.0.1:47811/steal", "/api/identity@127.0.0.1:47811/steal",
    "/api/identity%5C@127.0.0.1:47811/x", "/api/identity\\@127.0.0.1:47811/x",
    "/api/%69dentity/x", "/api/identity", "/api/identity.evil/x", "/api/identity:47811/x",
    "/api/identity%2E%2E/ukm/x", "/api/identity%00/x",
    # the rest: dot segments, encoded slashes and backslashes, empty segments, double encoding
    "/api/identity/../ukm/x", "/api/identity/..%2fukm/x", "/api/identity/..%2Fukm/x",
    "/api/identity/%2e%2e/ukm/x", "/api/identity/%2E%2E%2Fukm/x", "/api/identity/./x",
    "/api/identity/%2e/x", "/api/identity/a/..", "/api/identity//127.0.0.1:47811/x",
    "/api/identity/a//b", "/api/identity/%2F%2F127.0.0.1:47811/x", "/api/identity/a%5c..%5cb",
    "/api/identity/a\\..\\b", "/api/identity/%252e%252e/x", "/api/identity/a%252Fb",
    "/api/identity/a%25", "/api/identity/a%zz", "/api/identity/a%2", "/api/identity/a%0d%0aHost:x",
    "/api/identity/a%00b", "/api/identity/\u00e9",
])
def test_tricks_are_refused(raw):
    with pytest.raises(BadUpstreamPath):
        url(raw)


@pytest.mark.parametrize("query", ["a=1#frag", "a=%zz", "a=b c", "x=\u00e9"])
def test_malformed_queries_are_refused(query):
    with pytest.raises(BadUpstreamPath):
        url("/api/identity/x", query)


def test_at_sign_and_colon_in_a_segment_stay_in_the_path():
    target = upstream_url(BASE, "identity", b"/api/identity/@127.0.0.1:47811/steal")
    assert (target.host, target.port, target.user) == ("127.0.0.1", 8101, None)
    assert target.raw_path == "/@127.0.0.1:47811/steal"


def test_base_url_with_a_path_prefix_keeps_it():
    target = upstream_url("http://svc.internal:80/ukm", "ukm", b"/api/ukm/gallery")
    assert str(target) == "http://svc.internal/ukm/gallery"
