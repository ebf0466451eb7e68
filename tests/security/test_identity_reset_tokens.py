"""L1: once a reset link was used, the account's older links no longer work."""
from __future__ import annotations

import pytest

from tests.factories import participant_form, register
from tests.security.helpers import client_from, login

pytestmark = pytest.mark.integration


async def _request_link(client, username: str) -> str:
    r = await client.post("/api/identity/auth/password-reset/request", json={"login": username})
    assert r.status_code == 202
    mails = (await client.get("/api/identity/dev/mailbox")).json()  # newest first
    return next(m for m in mails if m["to"] == username)["link"].split("token=")[1]


async def _confirm(client, token: str, password: str):
    return await client.post("/api/identity/auth/password-reset/confirm",
                             json={"token": token, "password": password, "password_confirm": password})


async def test_older_link_is_refused_after_a_newer_one_was_used(balai_stack):
    form = participant_form()
    async with client_from(balai_stack.gateway_url) as c:
        assert (await register(c, form)).status_code == 201
        older = await _request_link(c, form["username"])
        newer = await _request_link(c, form["username"])
        assert older != newer
        assert (await _confirm(c, newer, "Boyolali-Susu-31")).status_code == 204
        stale = await _confirm(c, older, "Penyerang-Masuk-66")
        assert stale.status_code == 400 and stale.json()["detail"]
        assert (await login(c, form["username"], "Boyolali-Susu-31")).status_code == 200
        assert (await login(c, form["username"], "Penyerang-Masuk-66")).status_code == 401
        # a link asked for after the reset is a new one and works
        assert (await _confirm(c, await _request_link(c, form["username"]), "Klaten-Lurik-42")).status_code == 204

