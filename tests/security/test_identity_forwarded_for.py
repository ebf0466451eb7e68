"""L2: identity believes X-Forwarded-For only from its trusted proxies (the gateway)."""
from __future__ import annotations

import uuid

import pytest

from tests.security.helpers import client_from, fresh_loopback, login

pytestmark = pytest.mark.integration
IP_LIMIT = 30  # IDENTITY_LOGIN_IP_MAX_FAILURES default


def _unknown_login() -> str:
    return f"tebak{uuid.uuid4().hex[:12]}"


async def test_forged_forwarded_for_straight_to_identity_does_not_dodge_the_ip_throttle(balai_stack):
    attacker_ip = fresh_loopback()
    async with client_from(balai_stack.service_url("identity"), ip=attacker_ip) as direct:
        codes = []
        for _ in range(IP_LIMIT + 2):
            # a new forged address and an unknown login each time: only the real peer is constant
            r = await direct.post("/auth/login", json={"login": _unknown_login(), "password": "tebakan-1"},
                                  headers={"X-Forwarded-For": fresh_loopback()})
            codes.append(r.status_code)
    assert codes[:IP_LIMIT] == [401] * IP_LIMIT, codes
    assert codes[IP_LIMIT:] == [429, 429], codes
    # through the gateway (a trusted proxy) the header still names the real client: the same
    # address stays blocked, another client of the same gateway does not
    async with client_from(balai_stack.gateway_url, ip=attacker_ip) as via_gateway:
        assert (await login(via_gateway, _unknown_login(), "tebakan-1")).status_code == 429
    async with client_from(balai_stack.gateway_url) as other:
        assert (await login(other, _unknown_login(), "tebakan-1")).status_code == 401
