"""M1: failed logins slow an account down but never lock its owner out (OWASP ASVS 2.2.1)."""
from __future__ import annotations

import asyncio

import pytest

from tests.factories import participant_form, register
from tests.security.helpers import client_from, login

pytestmark = pytest.mark.integration
WRONG = "bukan-password-ini-9"
MAX_WAIT = 60  # seconds: a short delay is fine, a 15-minute lock is not


async def _registered(balai_stack) -> dict[str, str]:
    form = participant_form()
    async with client_from(balai_stack.gateway_url) as c:
        assert (await register(c, form)).status_code == 201
    return form


def _retry_after(r) -> int:
    assert r.status_code == 429, r.text
    wait = int(r.headers["Retry-After"])
    assert wait <= MAX_WAIT, f"the account is locked for {wait} s"
    return wait


async def _login_after_wait(client, login_name: str, password: str):
    r = await login(client, login_name, password)
    if r.status_code == 429:
        await asyncio.sleep(_retry_after(r))
        r = await login(client, login_name, password)
    return r


async def _fail_until_delayed(client, login_name: str) -> list[int]:
    codes = []
    for _ in range(8):
        codes.append((await login(client, login_name, WRONG)).status_code)
        if codes[-1] == 429:
            break
    return codes


async def test_owner_logs_in_after_20_wrong_attempts_of_an_attacker(balai_stack):
    form = await _registered(balai_stack)
    async with client_from(balai_stack.gateway_url) as attacker:
        codes = [(await login(attacker, form["username"], WRONG)).status_code for _ in range(20)]
    assert set(codes) <= {401, 429} and 429 in codes, codes
    async with client_from(balai_stack.gateway_url) as owner:
        r = await _login_after_wait(owner, form["username"], form["password"])
        assert r.status_code == 200, r.text
        # and the owner's success ends the delay: a typo right after is a plain 401, not 429
        assert (await login(owner, form["username"], WRONG)).status_code == 401


async def test_delay_grows_and_is_short(balai_stack):
    form = await _registered(balai_stack)
    async with client_from(balai_stack.gateway_url) as attacker:
        codes = await _fail_until_delayed(attacker, form["username"])
        assert codes[:5] == [401] * 5 and codes[-1] == 429, codes
        first = _retry_after(await login(attacker, form["username"], WRONG))
        await asyncio.sleep(first)
        assert (await login(attacker, form["username"], WRONG)).status_code == 401
        later = await login(attacker, form["username"], WRONG)
        assert _retry_after(later) > first


async def test_nik_and_username_logins_share_one_counter(balai_stack):
    form = await _registered(balai_stack)
    async with client_from(balai_stack.gateway_url) as attacker:
        codes = [(await login(attacker, form["username"], WRONG)).status_code for _ in range(5)]
        assert codes == [401] * 5
        by_nik = await login(attacker, form["nik"], WRONG)
        assert by_nik.status_code == 429, "a NIK login must not get a fresh counter"
    async with client_from(balai_stack.gateway_url) as owner:
        r = await _login_after_wait(owner, form["nik"], form["password"])
        assert r.status_code == 200, r.text


async def test_completed_reset_clears_the_counters(balai_stack):
    form = await _registered(balai_stack)
    async with client_from(balai_stack.gateway_url) as c:
        assert (await _fail_until_delayed(c, form["username"]))[-1] == 429
        # two more failures after their delays: the account now waits about 8 seconds
        for _ in range(2):
            await asyncio.sleep(_retry_after(await login(c, form["username"], WRONG)))
            assert (await login(c, form["username"], WRONG)).status_code == 401
        assert (await login(c, form["username"], form["password"])).status_code == 429
        assert (await c.post("/api/identity/auth/password-reset/request",
                             json={"login": form["username"]})).status_code == 202
        mails = (await c.get("/api/identity/dev/mailbox")).json()
        token = next(m for m in mails if m["to"] == form["username"])["link"].split("token=")[1]
        new = "Kudus-Kretek-2027"
        r = await c.post("/api/identity/auth/password-reset/confirm",
                         json={"token": token, "password": new, "password_confirm": new})
        assert r.status_code == 204, r.text
        r = await login(c, form["username"], new)
        assert r.status_code == 200, "a completed reset must lift the failed-login delay at once"
