"""The micro-cache of public pages: anonymous GETs share an answer for a second; nothing personal is kept."""
from __future__ import annotations

import asyncio

import httpx
import pytest
from gw_webutil import register, registration

from gateway.microcache import MicroCacheMiddleware


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def counting_app(*, headers=(), status=200, delay=0.0):
    calls = {"n": 0}

    async def app(scope, receive, send):
        calls["n"] += 1
        n = calls["n"]
        if delay:
            await asyncio.sleep(delay)
        body = f"render {n}".encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"etag", f'"v{n}"'.encode()),
                                *headers]})
        await send({"type": "http.response.body", "body": body})

    return app, calls


def client_for(app, clock=None, ttl=1.0):
    cache = MicroCacheMiddleware(app, ttl=ttl, **({"clock": clock} if clock else {}))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=cache), base_url="http://gw")


async def test_anonymous_gets_share_one_render_for_ttl_per_url():
    app, calls = counting_app()
    clock = Clock()
    async with client_for(app, clock) as c:
        first, second = await c.get("/galeri"), await c.get("/galeri")
        assert first.headers["x-cache"] == "miss" and second.headers["x-cache"] == "hit"
        assert first.text == second.text == "render 1"
        assert (await c.get("/galeri", params={"page": "2"})).text == "render 2"  # per query string
        assert (await c.get("/galeri", headers={"Accept-Encoding": "identity"})).text == "render 3"  # per encoding
        clock.now += 1.01
        assert (await c.get("/galeri")).text == "render 4"  # expired
        assert (await c.get("/galeri", headers={"If-None-Match": '"v4"'})).status_code == 304
    assert calls["n"] == 4


async def test_logged_in_or_cookie_requests_are_never_served_nor_stored():
    app, calls = counting_app()
    async with client_for(app) as c:
        await c.get("/jadwal")  # an anonymous answer is in the cache
        for headers in ({"Cookie": "balai_at=token"}, {"Cookie": "balai_flash=k"}, {"Cookie": "balai_csrf=x"},
                        {"Authorization": "Bearer x"}):
            r = await c.get("/jadwal", headers=headers)
            assert "x-cache" not in r.headers and r.text != "render 1"
        assert calls["n"] == 5
        assert (await c.get("/jadwal")).text == "render 1"  # their pages did not replace the shared one


@pytest.mark.parametrize("headers,status", [
    ([(b"set-cookie", b"balai_csrf=abc; Path=/")], 200),
    ([(b"cache-control", b"private, no-store")], 200),
    ([(b"vary", b"Cookie")], 200),
    ([], 503),
])
async def test_answers_with_cookies_private_or_errors_are_not_stored(headers, status):
    app, calls = counting_app(headers=headers, status=status)
    async with client_for(app) as c:
        await c.get("/galeri")
        r = await c.get("/galeri")
    assert r.headers.get("x-cache") != "hit" and calls["n"] == 2


async def test_cookies_collected_by_the_session_code_are_not_stored():
    async def app(scope, receive, send):
        scope.setdefault("state", {})["set_cookies"] = ["balai_flash=; Max-Age=0"]
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"flash"})

    async with client_for(app) as c:
        await c.get("/galeri")
        assert (await c.get("/galeri")).headers["x-cache"] == "miss"


async def test_other_paths_methods_and_zero_ttl_pass_through():
    app, calls = counting_app()
    async with client_for(app) as c:
        for _ in range(2):
            await c.get("/")  # the login form: a CSRF token per visitor
            await c.get("/galeri/abc")
            await c.get("/api/ukm/businesses")
            await c.post("/galeri")
    assert calls["n"] == 8
    app, calls = counting_app()
    async with client_for(app, ttl=0) as c:
        await c.get("/galeri")
        assert "x-cache" not in (await c.get("/galeri")).headers


async def test_the_cache_is_bounded_in_entries_and_bytes(monkeypatch):
    from gateway import microcache
    monkeypatch.setattr(microcache, "MAX_ENTRIES", 3)
    app, _ = counting_app()
    cache = MicroCacheMiddleware(app, ttl=60)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=cache), base_url="http://gw") as c:
        for page in range(10):
            await c.get("/galeri", params={"page": page})
        assert len(cache.entries) == 3 and cache.size == sum(len(e.body) for e in cache.entries.values())
        monkeypatch.setattr(microcache, "MAX_BYTES", 20)
        await c.get("/galeri", params={"page": 99})
        assert cache.size <= 20 and len(cache.entries) == 2


async def test_concurrent_misses_render_once():
    app, calls = counting_app(delay=0.05)
    async with client_for(app) as c:
        answers = await asyncio.gather(*(c.get("/galeri") for _ in range(20)))
    assert calls["n"] == 1 and {a.text for a in answers} == {"render 1"}


async def test_writes_to_the_shown_data_drop_the_pages_at_once():
    app, calls = counting_app()
    async with client_for(app) as c:
        await c.get("/galeri")
        await c.get("/api/ukm/gallery")
        await c.get("/jadwal")
        await c.post("/api/training/trainings/abc/enrollments")  # a registration: no seat changes
        await c.post("/lodging/anything")
        assert calls["n"] == 5 and (await c.get("/jadwal")).headers["x-cache"] == "hit"
        await c.post("/api/ukm/products/abc/hide")
        assert (await c.get("/galeri")).headers["x-cache"] == "miss"
        assert (await c.get("/api/ukm/gallery")).headers["x-cache"] == "miss"
        assert (await c.get("/jadwal")).headers["x-cache"] == "hit"
        await c.post("/admin/pendaftaran/abc/verifikasi")
        assert (await c.get("/jadwal")).headers["x-cache"] == "miss"


async def test_a_page_rendered_while_its_data_changed_is_not_stored():
    app, calls = counting_app(delay=0.05)
    async with client_for(app) as c:
        render = asyncio.create_task(c.get("/galeri"))
        await asyncio.sleep(0.01)
        await c.post("/ukm/abc/produk")
        await render
        assert (await c.get("/galeri")).headers["x-cache"] == "miss"


async def test_gateway_never_serves_the_cached_page_to_a_logged_in_user(gateway_server):
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as anonymous, \
            httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as member:
        for path in ("/galeri", "/api/ukm/gallery"):
            await anonymous.get(path)
            assert (await anonymous.get(path)).headers.get("x-cache") == "hit", path
        assert (await register(member, registration())).status_code == 303  # logged in now
        for path in ("/galeri", "/api/ukm/gallery"):
            page = await member.get(path)
            assert page.status_code == 200 and "x-cache" not in page.headers, path
            assert "set-cookie" not in (await anonymous.get(path)).headers
        home = await anonymous.get("/")  # the login form: its CSRF cookie makes it personal
        assert "x-cache" not in home.headers and "balai_csrf" in home.headers["set-cookie"]
