"""Identity events on the real broker: envelope, payload, no NIK/KK on the wire."""
from __future__ import annotations

import uuid
from datetime import datetime

import httpx
import pytest

from balai_contracts.topics import IDENTITY_PARTICIPANT
from tests.factories import participant_form, register
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration


async def test_registration_emits_participant_registered(balai_stack):
    form = participant_form()
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as client:
        r = await register(client, form, prefix="/api/identity")
        assert r.status_code == 201, r.text
        pid = r.json()["id"]
        tokens = (await client.post("/api/identity/auth/login",
                                    json={"login": form["username"], "password": form["password"]})).json()
        r = await client.patch("/api/identity/me", data={"address": "Jl. Baru No. 2", "phone": "0857 1234 5678"},
                               headers={"Authorization": f"Bearer {tokens['access_token']}",
                                        "X-Request-ID": "req-edit-123"})
        assert r.status_code == 200, r.text
    envs = await read_topic(balai_stack.kafka_bootstrap, IDENTITY_PARTICIPANT,
                            until=lambda out: sum(e["subject"] == pid for e in out) >= 2)
    mine = [e for e in envs if e["subject"] == pid]
    assert [e["type"] for e in mine] == ["ParticipantRegistered", "ParticipantUpdated"]
    reg, upd = mine
    assert set(reg) >= {"id", "type", "version", "source", "occurred_at", "correlation_id", "subject", "data"}
    uuid.UUID(reg["id"])
    assert reg["version"] == 1 and reg["source"] == "identity" and reg["_key"] == pid.encode()
    assert datetime.fromisoformat(reg["occurred_at"]).utcoffset().total_seconds() == 0
    data = reg["data"]
    assert data["participant_id"] == pid and data["full_name"] == form["full_name"]
    assert data["birth_date"] == form["birth_date"] and data["sex"] == "P"
    assert data["regency_code"] == "33.74" and data["regency_name"] == "Kota Semarang"
    assert upd["data"]["phone_wa"] == "6285712345678" and upd["correlation_id"] == "req-edit-123"
    for e in mine:
        assert form["nik"].encode() not in e["_raw"] and form["kk"].encode() not in e["_raw"]
        assert "nik" not in e["data"] and "kk" not in e["data"]
    assert mine[0]["_partition"] == mine[1]["_partition"]
