"""The body limit counts streamed bytes: a chunked body over the limit is cut off with a 413."""
from __future__ import annotations

import httpx
from fastapi import FastAPI, Request

from balai_platform.body_limit import BodyLimitMiddleware, too_large_message

LIMIT = 1000


def make_app() -> tuple[FastAPI, dict]:
    app = FastAPI()
    seen = {"bytes": 0}

    @app.post("/raw")
    async def raw(request: Request):
        async for chunk in request.stream():
            seen["bytes"] += len(chunk)
        return {"ok": True}

    @app.post("/swallows")
    async def swallows(request: Request):
        try:
            await request.body()
        except Exception:  # like a service's read_form turning any parse failure into a 400
            return {"detail": "Format formulir tidak valid"}
        return {"ok": True}

    app.add_middleware(BodyLimitMiddleware, max_bytes=LIMIT)
    return app, seen


def client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


async def chunks(n: int, size: int = 100):
    for _ in range(n):
        yield b"x" * size


async def test_small_bodies_pass():
    app, seen = make_app()
    async with client(app) as c:
        assert (await c.post("/raw", content=b"x" * LIMIT)).status_code == 200
        assert (await c.post("/raw", content=chunks(10))).status_code == 200
    assert seen["bytes"] == 2 * LIMIT


async def test_one_message_over_the_limit_is_refused_unread():
    app, seen = make_app()
    async with client(app) as c:
        resp = await c.post("/raw", content=b"x" * (LIMIT + 1))
    assert resp.status_code == 413 and resp.json()["detail"] == too_large_message(LIMIT)
    assert seen["bytes"] == 0


async def test_chunked_body_is_cut_off_after_the_limit():
    app, seen = make_app()
    async with client(app) as c:
        resp = await c.post("/raw", content=chunks(1000))  # 100 KB, no Content-Length
    assert resp.status_code == 413
    assert seen["bytes"] <= LIMIT


async def test_413_even_when_the_route_swallows_the_error():
    app, _ = make_app()
    async with client(app) as c:
        resp = await c.post("/swallows", content=chunks(50))
    assert resp.status_code == 413 and "terlalu besar" in resp.json()["detail"]


def test_message_is_bahasa_in_megabytes():
    assert too_large_message(10 * 1024 * 1024) == "Ukuran data yang dikirim terlalu besar, maksimal 10 MB"
    assert too_large_message(512 * 1024) == "Ukuran data yang dikirim terlalu besar, maksimal 0,5 MB"
