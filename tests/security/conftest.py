"""Fixtures of the security tests (issue 8)."""
from __future__ import annotations

import httpx
import pytest


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60) as c:
        yield c
