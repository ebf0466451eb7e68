"""L3: the gateway hides the services' internals (metrics, API docs, probes) and their addresses."""
from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.security.support import raw_request

pytestmark = pytest.mark.integration

SERVICES = ("identity", "ukm", "training", "lodging")
INTERNAL = ("/metrics", "/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json", "/readyz", "/healthz",
            "/metrics/", "/%6detrics", "/openapi%2Ejson")


async def test_internal_paths_of_every_service_are_404(balai_stack):
    for service in SERVICES:
        for path in INTERNAL:
            status, content, _ = await asyncio.to_thread(raw_request, balai_stack.gateway_url, "GET",
                                                         f"/api/{service}{path}")
            assert status == 404, (service, path, status)
            assert b"http_requests_total" not in content and b"openapi" not in content.lower()
            assert b"swagger" not in content.lower() and b"database" not in content


async def test_trailing_slash_is_no_redirect_to_an_internal_address(balai_stack, client):
    for path in ("/api/ukm/gallery/", "/api/ukm/reference/", "/api/identity/auth/login/"):
        r = await client.get(path)
        assert r.status_code == 404, (path, r.status_code)
        assert "location" not in r.headers
        assert all("127.0.0.1" not in v for v in r.headers.values())


async def test_services_themselves_do_not_redirect_slashes(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.service_url("ukm"), timeout=30) as direct:
        r = await direct.get("/gallery/")
    assert r.status_code == 404 and "location" not in r.headers


async def test_the_gateways_own_probes_still_answer(client):
    assert (await client.get("/healthz")).status_code == 200
    assert (await client.get("/api/ukm/gallery")).status_code == 200
