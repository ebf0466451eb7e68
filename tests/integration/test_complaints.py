"""Issue 15 on the real stack: pengaduan filed anonymously or by name, followed by link, verified,
answered and closed by the organisation, overdue on the dashboard summary (a backdated deadline), kept
in the organisation, and counted next to unsur 8 in the SKM recap."""
from __future__ import annotations

import io
import re
import time
import uuid

import asyncpg
import httpx
import pytest
from PIL import Image

from services.survey.tests.support import JATENG, JATIM
from services.ukm.tests.support import login, new_participant
from survey.domain import form_token

pytestmark = pytest.mark.integration
SV = "/api/survey"
PASSWORD = "Admin-Test-2026"


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


def token(stack, org=JATENG) -> str:
    """A form token served a minute ago (as if someone took that long to write)."""
    return form_token.issue(stack.keys["survey_form"], uuid.uuid5(org, "pengaduan"), time.time() - 60)


def fields(stack, **over) -> dict[str, str]:
    data = {"service": "Penyelenggaraan Pelatihan", "category": "petugas", "anonymous": "1",
            "description": "Petugas pendaftaran tidak membalas pesan saya selama seminggu.",
            "form_token": token(stack), "website": ""}
    data.update(over)
    return data


def png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (120, 90), (10, 120, 200)).save(buf, "PNG")
    return buf.getvalue()


async def _sql(stack, statement: str, *args) -> None:
    conn = await asyncpg.connect(stack.database_url("survey").replace("+asyncpg", ""))
    try:
        await conn.execute(statement, *args)
    finally:
        await conn.close()


async def test_an_anonymous_complaint_is_followed_to_closure(balai_stack, client):
    r = await client.post(f"{SV}/public/orgs/{JATENG}/complaints",
                          data=fields(balai_stack, name="Tidak Disimpan", contact="0812"),
                          files={"evidence": ("bukti.png", png(), "image/png")})
    assert r.status_code == 201, r.text
    filed = r.json()
    assert re.fullmatch(r"ADU-\d{4}-\d{6}", filed["ticket"]) and len(filed["follow_token"]) >= 32
    follow = f"{SV}/public/complaints/{filed['follow_token']}"
    seen = (await client.get(follow)).json()
    assert seen["ticket"] == filed["ticket"] and seen["status"] == "received" and seen["anonymous"]
    assert "name" not in seen and "contact" not in seen and seen["has_evidence"]
    assert seen["lapor_url"] == "https://www.lapor.go.id"
    ev = await client.get(f"{follow}/evidence")
    assert ev.status_code == 200 and ev.headers["content-type"] == "image/png"

    jateng, jatim = await login(client, "admin.jateng", PASSWORD), await login(client, "admin.jatim", PASSWORD)
    cid = seen["id"]
    detail = (await client.get(f"{SV}/admin/complaints/{cid}", headers=jateng)).json()
    assert detail["name"] is None and detail["contact"] is None  # anonymous: nothing was stored
    # admins stay in their organisation
    assert (await client.get(f"{SV}/admin/complaints/{cid}", headers=jatim)).status_code == 403
    assert (await client.post(f"{SV}/admin/complaints/{cid}/verify", data={"note": "bukan milik kami"},
                              headers=jatim)).status_code == 403
    assert (await client.get(f"{SV}/admin/complaints", params={"org_id": str(JATENG)},
                             headers=jatim)).status_code == 403
    mine = (await client.get(f"{SV}/admin/complaints", headers=jatim)).json()
    assert all(i["org_id"] == str(JATIM) for i in mine["items"])

    early = await client.post(f"{SV}/admin/complaints/{cid}/answer", headers=jateng,
                              data={"answer": "Jawaban", "follow_up": "Tindak lanjut"})
    assert early.status_code == 409
    v = await client.post(f"{SV}/admin/complaints/{cid}/verify", headers=jateng,
                          data={"note": "Pengaduan lengkap, diteruskan ke seksi penyelenggaraan"})
    assert v.status_code == 200, v.text
    assert v.json()["status"] == "verified" and v.json()["answer_due"]
    a = await client.post(f"{SV}/admin/complaints/{cid}/answer", headers=jateng, data={
        "answer": "Mohon maaf, pesan Anda terlewat.", "follow_up": "Petugas piket WhatsApp ditambah satu orang."})
    assert a.status_code == 200 and a.json()["status"] == "answered"
    c = await client.post(f"{SV}/admin/complaints/{cid}/close", headers=jateng, data={"note": ""})
    assert c.status_code == 200 and c.json()["status"] == "closed"
    final = (await client.get(follow)).json()
    assert final["submitted_at"] <= final["verified_at"] <= final["answered_at"] <= final["closed_at"]
    assert final["follow_up"].startswith("Petugas piket")


async def test_anti_abuse_and_evidence_checks(balai_stack, client):
    url = f"{SV}/public/orgs/{JATENG}/complaints"
    bot = await client.post(url, data=fields(balai_stack, website="http://spam.example"))
    assert bot.status_code == 422 and "form_token" in bot.json()["errors"]
    fresh = form_token.issue(balai_stack.keys["survey_form"], uuid.uuid5(JATENG, "pengaduan"), time.time())
    assert (await client.post(url, data=fields(balai_stack, form_token=fresh))).status_code == 422
    other_org = await client.post(url, data=fields(balai_stack, form_token=token(balai_stack, JATIM)))
    assert other_org.status_code == 422
    fake = await client.post(url, data=fields(balai_stack), files={"evidence": ("x.pdf", b"MZ\x90 not a pdf", "application/pdf")})
    assert fake.status_code == 422 and "evidence" in fake.json()["errors"]
    big = await client.post(url, data=fields(balai_stack),
                            files={"evidence": ("x.pdf", b"%PDF-" + b"0" * (3 * 1024 * 1024 + 10), "application/pdf")})
    assert big.status_code in (413, 422)
    named = await client.post(url, data=fields(balai_stack, anonymous="", name=""))
    assert named.status_code == 422 and "name" in named.json()["errors"]
    once = fields(balai_stack)
    assert (await client.post(url, data=once)).status_code == 201
    assert (await client.post(url, data=once)).status_code == 409
    assert (await client.get(f"{SV}/public/complaints/{'A' * 32}")).status_code == 404


async def test_own_complaints_stay_private_and_overdue_ones_reach_the_dashboard(balai_stack, client):
    pid, h = await new_participant(client)
    _, other = await new_participant(client)
    r = await client.post(f"{SV}/public/orgs/{JATENG}/complaints", headers=h, data=fields(
        balai_stack, anonymous="", name="Peserta Mengadu", contact="081200000001", category="waktu"))
    assert r.status_code == 201, r.text
    mine = (await client.get(f"{SV}/me/complaints", headers=h)).json()
    assert [i["ticket"] for i in mine["items"]] == [r.json()["ticket"]]
    cid = mine["items"][0]["id"]
    assert (await client.get(f"{SV}/me/complaints/{cid}", headers=h)).status_code == 200
    assert (await client.get(f"{SV}/me/complaints/{cid}", headers=other)).status_code == 404
    assert (await client.get(f"{SV}/me/complaints", headers=other)).json()["items"] == []
    assert (await client.get(f"{SV}/admin/complaints/{cid}", headers=h)).status_code == 403

    jateng = await login(client, "admin.jateng", PASSWORD)
    before = (await client.get(f"{SV}/admin/complaints/summary", headers=jateng)).json()
    await _sql(balai_stack, "UPDATE complaints SET verify_due = now() - interval '1 hour' WHERE id = $1",
               uuid.UUID(cid))
    after = (await client.get(f"{SV}/admin/complaints/summary", headers=jateng)).json()
    assert after["overdue"] == before["overdue"] + 1
    late = (await client.get(f"{SV}/admin/complaints", params={"overdue": "true"}, headers=jateng)).json()
    assert cid in [i["id"] for i in late["items"]] and all(i["overdue"] for i in late["items"])
    detail = (await client.get(f"{SV}/admin/complaints/{cid}", headers=jateng)).json()
    assert detail["name"] == "Peserta Mengadu" and detail["overdue"]

    # the SKM recap of the current period counts the complaints next to unsur 8
    period_id = (await client.get(f"{SV}/admin/periods", headers=jateng)).json()["current_id"]
    recap = (await client.get(f"{SV}/admin/periods/{period_id}/recap", headers=jateng)).json()
    figures = recap["complaints"]
    assert figures["received"] >= 1 and figures["overdue"] >= 1
    assert figures["received"] >= figures["verified"] >= figures["answered"] >= figures["closed"]
    pdf = await client.get(f"{SV}/admin/periods/{period_id}/report.pdf", headers=jateng)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
