from __future__ import annotations

import httpx
from gw_servers import gateway_settings, start_server

from gateway.main import create_app
from gateway.ratelimit import TokenBucketLimiter


async def test_healthz_and_readyz(client, gateway_server):
    assert (await client.get("/healthz")).status_code == 200
    resp = await client.get("/readyz")
    assert resp.status_code == 503
    assert resp.json()["unavailable"] == ["down"]


async def test_readyz_ok_when_all_up(identity_server, keypair):
    settings = gateway_settings(identity_server.url, keypair[1])
    settings.service_urls = {"identity": identity_server.url}
    server = await start_server(create_app(settings))
    try:
        async with httpx.AsyncClient(base_url=server.url) as c:
            assert (await c.get("/readyz")).status_code == 200
    finally:
        await server.stop()


async def test_metrics_use_route_templates(client):
    await client.get("/api/identity/echo/some/secret/path")
    text = (await client.get("/metrics")).text
    assert "gateway_requests_total" in text
    assert 'route="/api/{service}/{path:path}"' in text
    assert "secret" not in text


def test_token_bucket_refills():
    now = [0.0]
    limiter = TokenBucketLimiter(per_minute=2, clock=lambda: now[0])
    assert limiter.hit("a") == 0 and limiter.hit("a") == 0
    wait = limiter.hit("a")
    assert 29 < wait <= 30
    assert limiter.hit("b") == 0  # other clients are not affected
    now[0] += 30
    assert limiter.hit("a") == 0


def test_token_bucket_memory_is_bounded():
    limiter = TokenBucketLimiter(per_minute=5, max_keys=100)
    for i in range(1000):
        limiter.hit(f"ip{i}")
    assert len(limiter._buckets) <= 100


async def test_rate_limit_429_with_retry_after(identity_server, keypair):
    settings = gateway_settings(identity_server.url, keypair[1], rate_limit_per_minute=5,
                                login_rate_limit_per_minute=2)
    server = await start_server(create_app(settings))
    try:
        async with httpx.AsyncClient(base_url=server.url) as c:
            codes = [(await c.post("/api/identity/auth/login", json={})).status_code for _ in range(3)]
            assert codes[-1] == 429
            statuses = [(await c.get("/api/identity/echo/x")).status_code for _ in range(5)]
            resp = await c.get("/api/identity/echo/x")
            assert 429 in statuses or resp.status_code == 429
            assert resp.status_code == 429 and int(resp.headers["retry-after"]) >= 1
            assert "Terlalu banyak" in resp.json()["detail"]
            page = await c.get("/daftar", headers={"Accept": "text/html"})
            assert page.status_code == 429 and "text/html" in page.headers["content-type"]
            assert (await c.get("/healthz")).status_code == 200  # probes are never limited
    finally:
        await server.stop()


async def test_web_login_is_limited_with_a_wait_message(identity_server, keypair):
    settings = gateway_settings(identity_server.url, keypair[1], login_rate_limit_per_minute=2)
    server = await start_server(create_app(settings))
    try:
        async with httpx.AsyncClient(base_url=server.url) as c:
            for _ in range(2):
                await c.post("/masuk", data={"login": "a", "password": "b"})
            resp = await c.post("/masuk", data={"login": "a", "password": "b"})
            assert resp.status_code == 429 and int(resp.headers["retry-after"]) >= 1
            assert "Silakan tunggu" in resp.text and "text/html" in resp.headers["content-type"]
    finally:
        await server.stop()


async def test_unknown_page_is_404_in_bahasa(client):
    resp = await client.get("/tidak-ada", headers={"Accept": "text/html"})
    assert resp.status_code == 404
    assert "Halaman tidak ditemukan" in resp.text and 'lang="id"' in resp.text


async def test_security_headers(client):
    resp = await client.get("/")
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in resp.headers["content-security-policy"]


async def test_while_draining_readyz_is_503_and_every_answer_closes_its_connection(identity_server, keypair):
    # SIGTERM's drain (balai_platform.serve): out of the load balancer, clients drop their
    # keep-alive connections after a complete answer (the proxied ones included)
    from balai_platform.drain import DRAIN

    settings = gateway_settings(identity_server.url, keypair[1])
    settings.service_urls = {"identity": identity_server.url}
    server = await start_server(create_app(settings))
    try:
        async with httpx.AsyncClient(base_url=server.url) as c:
            assert "connection" not in (await c.get("/healthz")).headers
            DRAIN.start()
            try:
                r = await c.get("/readyz")
                assert r.status_code == 503 and r.json() == {"status": "draining"}
                assert r.headers["connection"] == "close"
                r = await c.get("/api/identity/echo/x")
                assert r.headers["connection"] == "close"
            finally:
                DRAIN.reset()
    finally:
        await server.stop()


def test_upstream_connections_idle_for_less_than_the_drain():
    # docs/operations.md "Graceful shutdown": below BALAI_DRAIN_SECONDS and uvicorn's keep-alive
    from balai_platform.serve import DEFAULT_DRAIN_SECONDS, parse_args
    from gateway.settings import Settings

    keepalive = Settings().upstream_keepalive_seconds
    assert keepalive < DEFAULT_DRAIN_SECONDS
    assert keepalive < parse_args(["gateway.main:create_app"]).timeout_keep_alive
