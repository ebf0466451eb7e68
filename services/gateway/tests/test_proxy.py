from __future__ import annotations

from balai_platform.auth import TokenSigner, generate_keypair


def _token(keypair, role="peserta") -> str:
    return TokenSigner(keypair[0]).sign(sub="u1", role=role, username="ani", org=None)


async def test_proxy_forwards_method_body_and_query(client):
    resp = await client.patch("/api/identity/echo/a/b?x=1&y=dua", content=b'{"k": "v"}',
                              headers={"Content-Type": "application/json"})
    assert resp.status_code == 200
    body = resp.json()
    assert body["method"] == "PATCH"
    assert body["path"] == "a/b"
    assert body["query"] == "x=1&y=dua"
    assert body["body"] == '{"k": "v"}'


async def test_proxy_streams_large_request_and_response(client):
    payload = b"z" * (2 * 1024 * 1024)
    resp = await client.post("/api/identity/echo/upload", content=payload)
    assert resp.status_code == 200 and len(resp.json()["body"]) == len(payload)
    big = await client.get("/api/identity/big")
    assert big.status_code == 200 and len(big.content) == 3 * 1024 * 1024


async def test_request_id_is_generated_and_forwarded(client):
    resp = await client.get("/api/identity/echo/x")
    rid = resp.headers["x-request-id"]
    assert len(rid) == 32
    assert resp.json()["headers"]["x-request-id"] == rid


async def test_request_id_from_client_is_sanitized(client):
    resp = await client.get("/api/identity/echo/x", headers={"X-Request-ID": "abc-123<script>"})
    assert resp.headers["x-request-id"] == "abc-123script"
    assert resp.json()["headers"]["x-request-id"] == "abc-123script"
    long = await client.get("/healthz", headers={"X-Request-ID": "a" * 100})
    assert long.headers["x-request-id"] == "a" * 64


async def test_spoofed_identity_headers_and_hop_by_hop_are_stripped(client):
    resp = await client.get("/api/identity/echo/x", headers={
        "X-User-Id": "admin", "X-User-Role": "superadmin", "Cookie": "balai_at=secret",
        "Connection": "keep-alive, X-Drop-Me", "X-Drop-Me": "1", "X-Keep": "ok"})
    headers = resp.json()["headers"]
    assert not any(h.startswith("x-user-") for h in headers)
    assert "cookie" not in headers and "x-drop-me" not in headers
    assert headers["x-keep"] == "ok"


async def test_unknown_service_is_404_json(client):
    resp = await client.get("/api/nope/x")
    assert resp.status_code == 404
    assert "nope" in resp.json()["detail"]


async def test_upstream_down_is_503_json_without_trace(client):
    resp = await client.get("/api/down/anything")
    assert resp.status_code == 503
    assert resp.json() == {"detail": "Layanan down sedang tidak tersedia, coba lagi sebentar lagi."}


async def test_upstream_timeout_is_503(client):
    resp = await client.get("/api/identity/slow")
    assert resp.status_code == 503
    assert resp.json()["detail"].startswith("Layanan identity sedang tidak tersedia")


async def test_bad_token_is_401(client, keypair):
    for value in ("Bearer nonsense", "Bearer " + _token(generate_keypair()), "Basic abc", "Bearer"):
        resp = await client.get("/api/identity/echo/x", headers={"Authorization": value})
        assert resp.status_code == 401, value
        assert resp.json() == {"detail": "Sesi tidak valid atau kedaluwarsa, silakan masuk lagi."}


async def test_good_token_is_forwarded_unchanged(client, keypair):
    token = _token(keypair)
    resp = await client.get("/api/identity/echo/x", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 200
    assert resp.json()["headers"]["authorization"] == f"Bearer {token}"


async def test_upstream_status_and_errors_pass_through(client):
    resp = await client.post("/api/identity/auth/login", json={"login": "x", "password": "y"})
    assert resp.status_code == 401
    assert resp.json()["detail"] == "Username/NIK atau password salah"
