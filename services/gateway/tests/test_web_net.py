"""Pages on slow networks: gzip for text, hashed static files cached a year, meta descriptions,
WebP thumbnails with srcset in the gallery (against the fake services on real sockets)."""
from __future__ import annotations

import gzip
import re

import httpx
import pytest
from test_web_ukm import participant, register_business

from gateway.compression import accepts_gzip, compressible
from gateway.web.static_files import DIGESTS, IMMUTABLE, static_url

IDENTITY = {"Accept-Encoding": "identity"}


@pytest.fixture
def ukm_store(ukm_server):
    return ukm_server.app.state.store


def _description(html: str) -> str:
    match = re.search(r'<meta name="description" content="([^"]*)">', html)
    assert match, "no meta description"
    return match.group(1)


async def _raw(client: httpx.AsyncClient, path: str, **headers: str) -> httpx.Response:
    """The answer as sent on the wire (httpx would decode gzip)."""
    async with client.stream("GET", path, headers=headers) as r:
        r.wire = b"".join([chunk async for chunk in r.aiter_raw()])
    return r


async def test_text_answers_are_gzipped_images_and_small_ones_are_not(client):
    page = await _raw(client, "/", **{"Accept-Encoding": "gzip, deflate, br"})
    assert page.status_code == 200 and page.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in page.headers["vary"].lower()
    html = gzip.decompress(page.wire)
    assert b"<!doctype html>" in html and int(page.headers["content-length"]) == len(page.wire) < len(html) / 2
    plain = await _raw(client, "/", **IDENTITY)
    assert "content-encoding" not in plain.headers and plain.wire.startswith(b"<!doctype html>")
    assert "accept-encoding" in plain.headers["vary"].lower()
    refused = await _raw(client, "/", **{"Accept-Encoding": "gzip;q=0, br"})
    assert "content-encoding" not in refused.headers
    small = await _raw(client, "/healthz", **{"Accept-Encoding": "gzip"})
    assert small.status_code == 200 and "content-encoding" not in small.headers


def test_what_is_compressible():
    assert all(compressible(t) for t in ("text/html; charset=utf-8", "text/css", "application/json",
                                         "application/problem+json", "image/svg+xml",
                                         "application/javascript", "text/javascript"))
    assert not any(compressible(t) for t in ("image/webp", "image/jpeg", "image/png", "application/pdf",
                                             "application/zip", ""))
    assert accepts_gzip({"type": "http", "headers": [(b"accept-encoding", b"br, gzip;q=0.8")]})
    assert not accepts_gzip({"type": "http", "headers": [(b"accept-encoding", b"br")]})
    assert not accepts_gzip({"type": "http", "headers": []})


async def test_static_files_have_hashed_names_and_a_years_cache(client):
    page = (await client.get("/")).text
    css = static_url("app.css")
    assert re.fullmatch(r"/static/app\.[0-9a-f]{10}\.css", css) and css in page
    assert static_url("app.js") in page and "?v=" not in page
    hashed = await _raw(client, css, **{"Accept-Encoding": "gzip"})
    assert hashed.status_code == 200 and hashed.headers["cache-control"] == IMMUTABLE
    assert hashed.headers["content-encoding"] == "gzip" and hashed.headers["content-type"].startswith("text/css")
    assert hashed.headers["etag"].startswith('W/"')
    again = await client.get(css, headers={"If-None-Match": hashed.headers["etag"], "Accept-Encoding": "gzip"})
    assert again.status_code == 304 and again.headers["cache-control"] == IMMUTABLE
    for stale in ("/static/app.css", "/static/app.0000000000.css"):
        r = await client.get(stale)
        assert r.status_code == 200 and r.headers["cache-control"] == "public, no-cache", stale
        assert r.text == (await client.get(css)).text
    assert (await client.get("/static/nope.0123456789.css")).status_code == 404
    assert set(DIGESTS) >= {"app.css", "app.js", "ukm.css"}


async def test_public_pages_have_their_own_meta_description(client):
    descriptions = {}
    for path in ("/", "/daftar", "/lupa-password", "/galeri"):
        r = await client.get(path)
        assert r.status_code == 200, path
        descriptions[path] = _description(r.text)
        assert 50 <= len(descriptions[path]) <= 170, (path, descriptions[path])
    assert len(set(descriptions.values())) == len(descriptions)
    assert "Galeri E-Dukasi" in descriptions["/galeri"] and "NIK" in descriptions["/daftar"]


async def test_gallery_serves_webp_thumbnails_lazily_and_the_original_on_detail(gateway_server, ukm_store):
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as owner:
        await participant(owner)
        made = await register_business(owner, name="Keripik Tempe Sari", brand="Sari Rasa")
        ukm_store.publish(made.headers["location"].rsplit("/", 1)[1])
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as visitor:
        listing = (await visitor.get("/galeri")).text
        imgs = re.findall(r"<img [^>]*>", listing)
        assert imgs and all('srcset="' in i and "?w=320 320w" in i and "?w=640 640w" in i for i in imgs)
        assert all('width="320" height="240"' in i and 'sizes="' in i for i in imgs)
        assert 'fetchpriority="high"' in imgs[0] and 'loading="lazy"' not in imgs[0]
        assert all('loading="lazy"' in i for i in imgs[2:])
        product_id = re.search(r'href="/galeri/([0-9a-f-]+)"', listing).group(1)
        detail = (await visitor.get(f"/galeri/{product_id}")).text
        original = f'href="/api/ukm/products/{product_id}/photos/1"'
        assert original in detail and "Lihat foto ukuran asli" in detail
        assert f"/api/ukm/products/{product_id}/photos/1?w=640 640w" in detail
        assert "Sari Rasa" in _description(detail) or "Keripik" in _description(detail)
