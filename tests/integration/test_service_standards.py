"""Issue 15 on the real stack: the Standar Pelayanan are published per organisation; saving one with a
custom limit emits ServiceStandardsPublished on identity.organisation and reaches survey's copy."""
from __future__ import annotations

import httpx
import pytest

from balai_contracts.topics import IDENTITY_ORGANISATION
from services.survey.tests.support import JATENG, JATIM
from services.ukm.tests.support import login, wait_for
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration
ID = "/api/identity"
SV = "/api/survey"
PASSWORD = "Admin-Test-2026"


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


async def test_demo_standards_are_public_with_the_six_components(client):
    r = await client.get(f"{ID}/public/service-standards")
    assert r.status_code == 200, r.text
    orgs = {o["org_code"]: o for o in r.json()["items"]}
    jatim = orgs["upt-kukm-jatim"]
    assert [s["name"] for s in jatim["services"]] == [
        "Penyelenggaraan Pelatihan", "Bimbingan dan Konsultasi", "Pengoperasian Aplikasi Si-Jawara+"]
    consult = jatim["services"][1]
    assert consult["time_limit"] == "3 jam" and consult["cost"] == "Tidak Ada Biaya"
    assert "SP4N-LAPOR!" in consult["complaints"]
    assert {d["key"] for d in jatim["deadlines"]} == {"enrollment_verification", "consultation_first_answer",
                                                      "complaint_verification", "complaint_follow_up"}
    one = await client.get(f"{ID}/public/orgs/{JATENG}/service-standards")
    assert one.status_code == 200 and "Si Pentol" in one.json()["services"][2]["name"]
    assert (await client.get(f"{ID}/public/orgs/00000000-0000-4000-8000-000000000009/service-standards")).status_code == 404


async def test_a_custom_limit_reaches_surveys_copy_and_admins_stay_in_their_organisation(balai_stack, client):
    jatim = await login(client, "admin.jatim", PASSWORD)
    current = (await client.get(f"{ID}/admin/orgs/{JATIM}/service-standards", headers=jatim)).json()
    body = {"services": current["services"], "deadlines": {
        "complaint_verification": {"amount": 1, "unit": "working_days"},
        "complaint_follow_up": {"amount": 7, "unit": "working_days"}}}

    # another organisation's admin, a participant and nobody are refused
    jateng = await login(client, "admin.jateng", PASSWORD)
    assert (await client.put(f"{ID}/admin/orgs/{JATIM}/service-standards", json=body, headers=jateng)).status_code == 403
    assert (await client.put(f"{ID}/admin/orgs/{JATIM}/service-standards", json=body)).status_code == 401

    bad = await client.put(f"{ID}/admin/orgs/{JATIM}/service-standards", headers=jatim, json={
        "services": [{**current["services"][0], "cost": ""}],
        "deadlines": {"complaint_follow_up": {"amount": 0, "unit": "working_days"}}})
    assert bad.status_code == 422 and "services.0.cost" in bad.json()["errors"]

    saved = await client.put(f"{ID}/admin/orgs/{JATIM}/service-standards", json=body, headers=jatim)
    assert saved.status_code == 200, saved.text
    assert saved.json()["version"] > current["version"]

    envs = await read_topic(balai_stack.kafka_bootstrap, IDENTITY_ORGANISATION, timeout=60, until=lambda out: any(
        e["subject"] == str(JATIM) and {"key": "complaint_follow_up", "amount": 7, "unit": "working_days"}
        in e["data"]["deadlines"] for e in out))
    event = [e for e in envs if e["subject"] == str(JATIM)][-1]
    assert event["type"] == "ServiceStandardsPublished" and event["data"]["org_code"] == "upt-kukm-jatim"
    assert len(event["data"]["deadlines"]) == 4

    async def copied():
        form = (await client.get(f"{SV}/public/orgs/{JATIM}/complaint-form")).json()
        limits = {d["key"]: (d["amount"], d["unit"]) for d in form["limits"]}
        return limits if limits["complaint_follow_up"] == (7, "working_days") else None
    limits = await wait_for(copied, timeout=60)
    assert limits["complaint_verification"] == (1, "working_days")
