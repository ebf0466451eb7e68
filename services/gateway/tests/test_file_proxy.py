"""File downloads (photos, materials) go through the shared upstream client: headers, ETag, 304."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from fastapi import FastAPI, Request
from gw_servers import free_port, gateway_settings, start_server
from starlette.requests import Request as StarletteRequest
from starlette.responses import Response

from balai_platform.auth import Claims
from gateway.request_id import current_request_id
from gateway.upstream import Upstreams, UpstreamUnavailable
from gateway.web.session import WebUser
from gateway.web.shared.files import proxy_file

PNG = b"\x89PNG\r\n\x1a\n" + b"x" * 100
SEEN: list[dict] = []


def file_service() -> FastAPI:
    app = FastAPI()

    @app.get("/files/{name}")
    async def file(name: str, request: Request) -> Response:
        SEEN.append(dict(request.headers))
        if name != "foto.png":
            return Response(status_code=403)
        headers = {"ETag": '"v1"', "Cache-Control": "public, max-age=9", "X-Internal": "secret"}
        if request.headers.get("if-none-match") == '"v1"':
            return Response(status_code=304, headers=headers)
        return Response(PNG, media_type="image/png", headers=headers)

    return app


@pytest.fixture(scope="module")
async def upstreams():
    server = await start_server(file_service())
    ups = Upstreams(gateway_settings(server.url, "", service_urls={
        "files": server.url, "down": f"http://127.0.0.1:{free_port()}"}))
    await ups.start()
    yield ups
    await ups.close()
    await server.stop()


def request_for(upstreams: Upstreams, user: WebUser | None, if_none_match: str | None = None):
    headers = [(b"if-none-match", if_none_match.encode())] if if_none_match else []
    app = SimpleNamespace(state=SimpleNamespace(upstreams=upstreams))
    return StarletteRequest({"type": "http", "method": "GET", "path": "/berkas", "headers": headers,
                             "query_string": b"", "app": app, "client": ("10.0.0.7", 1234),
                             "state": {"web_user": user}})


USER = WebUser(Claims(sub="u1", role="peserta", username="ani", org=None, exp=0), "tok-1")


async def test_download_keeps_bytes_headers_and_forwards_identity(upstreams) -> None:
    token = current_request_id.set("rid-7")
    try:
        got = await upstreams.download("files", "/files/foto.png", token="tok-1", client_ip="10.0.0.7")
    finally:
        current_request_id.reset(token)
    assert got.status == 200 and got.body == PNG and got.headers["ETag"] == '"v1"'
    sent = SEEN[-1]
    assert sent["authorization"] == "Bearer tok-1" and sent["x-request-id"] == "rid-7"
    assert sent["x-forwarded-for"] == "10.0.0.7"
    with pytest.raises(UpstreamUnavailable):
        await upstreams.download("down", "/files/foto.png")


async def test_proxy_file_serves_the_file_with_content_type_etag_and_our_cache_policy(upstreams) -> None:
    response = await proxy_file(request_for(upstreams, USER), "files", "/files/foto.png")
    assert response.status_code == 200 and response.body == PNG
    assert response.headers["content-type"] == "image/png" and response.headers["etag"] == '"v1"'
    assert response.headers["cache-control"] == "private, max-age=300"
    assert "x-internal" not in response.headers


async def test_proxy_file_answers_304_for_the_version_the_browser_holds(upstreams) -> None:
    response = await proxy_file(request_for(upstreams, USER, '"v1"'), "files", "/files/foto.png",
                                cache="private, max-age=3600")
    assert response.status_code == 304 and response.body == b""
    assert response.headers["etag"] == '"v1"' and response.headers["cache-control"] == "private, max-age=3600"


async def test_proxy_file_hides_everything_else(upstreams) -> None:
    assert (await proxy_file(request_for(upstreams, None), "files", "/files/foto.png")).status_code == 404
    assert (await proxy_file(request_for(upstreams, USER), "files", "/files/lain.png")).status_code == 404
    assert (await proxy_file(request_for(upstreams, USER), "down", "/files/foto.png")).status_code == 503
    assert (await proxy_file(request_for(upstreams, USER), "nope", "/files/foto.png")).status_code == 503
