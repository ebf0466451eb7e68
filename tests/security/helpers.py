"""Clients of the security tests: each attacker or owner gets its own loopback address.

Linux answers on all of 127.0.0.0/8, so a client bound to e.g. 127.23.5.9 is a distinct client
IP for the gateway and for identity, while the gateway itself (127.0.0.1) stays identity's only
trusted proxy. Per-IP budgets of one test therefore never spill into another test.
"""
from __future__ import annotations

import random
from contextlib import asynccontextmanager

import httpx


def fresh_loopback() -> str:
    return f"127.{random.randint(2, 254)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


@asynccontextmanager
async def client_from(base_url: str, ip: str | None = None):
    """An HTTP client whose connections come from `ip` (a fresh loopback address by default)."""
    transport = httpx.AsyncHTTPTransport(local_address=ip or fresh_loopback())
    async with httpx.AsyncClient(base_url=base_url, transport=transport, timeout=30) as client:
        yield client


async def login(client: httpx.AsyncClient, login_name: str, password: str) -> httpx.Response:
    return await client.post("/api/identity/auth/login", json={"login": login_name, "password": password})
