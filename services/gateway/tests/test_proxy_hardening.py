"""The /api proxy against fakes: bad paths 400, internals 404, no-store for personal answers.
(The chunked body cap is tested in tests/security/test_upload_limits.py with a raw socket:
httpx does not read an answer that arrives before its request body is sent.)"""
from __future__ import annotations

import asyncio
import http.client
from urllib.parse import urlsplit

from balai_platform.auth import TokenSigner


def raw_get(base_url: str, target: str) -> int:
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.putrequest("GET", target, skip_accept_encoding=True)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


async def test_encoded_slash_in_the_service_part_is_400(gateway_server):
    for target in ("/api/identity%2F@127.0.0.1:9/x", "/api/identity/..%2Fukm/x", "/api/identity//x"):
        assert await asyncio.to_thread(raw_get, gateway_server.url, target) == 400, target


async def test_service_probes_and_docs_are_404(client):
    for path in ("/api/identity/healthz", "/api/ukm/healthz", "/api/identity/metrics", "/api/identity/openapi.json"):
        assert (await client.get(path)).status_code == 404, path


async def test_answers_to_a_token_or_session_are_no_store(client, keypair):
    token = TokenSigner(keypair[0]).sign(sub="u1", role="peserta", username="ani", org=None)
    anonymous = await client.get("/api/identity/echo/x")
    assert "no-store" not in anonymous.headers.get("cache-control", "")
    bearer = await client.get("/api/identity/echo/x", headers={"Authorization": f"Bearer {token}"})
    assert bearer.headers["cache-control"] == "no-store"
    session = await client.get("/api/identity/echo/x", headers={"Cookie": f"balai_at={token}"})
    assert session.headers["cache-control"] == "no-store"

