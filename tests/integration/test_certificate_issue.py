"""TrainingCompleted -> certificate on the real broker with two certificate replicas: exactly once,
gap-free numbers, a signed PDF pdfsig accepts, public verification, upload check, revocation."""
from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import httpx
import pytest

from services.certificate.tests.support import (
    API,
    JATIM,
    admin_headers,
    completed,
    issued,
    new_participant,
    publish,
    second_instance,
    seq_of,
    wait_for,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def replica(balai_stack):
    with second_instance(balai_stack) as (proc, log):
        yield proc, log


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60) as c:
        yield c


async def _mine(client, headers) -> list[dict]:
    r = await client.get(f"{API}/certificates/mine", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def _until_replica_consumes(stack, log: Path, pid) -> None:
    """The replica joins the consumer group some seconds after it is healthy (group joins are slow on
    the dev broker, slower under load): send warm-up completions of another organisation, spread over
    the partitions by their keys, until the replica's log shows it consumed one."""
    warm_org = uuid.uuid4()
    for _ in range(40):
        await publish(stack.kafka_bootstrap, [completed(pid, org_id=warm_org) for _ in range(12)])
        await asyncio.sleep(3)
        text = log.read_text(errors="replace")
        if "certificate_reserved" in text or "event_consumed" in text:
            return
    raise AssertionError("the second certificate replica never received a partition")


def _pdfsig(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(["pdfsig", f.name], capture_output=True, text=True).stdout


async def test_three_deliveries_give_one_signed_verifiable_certificate(balai_stack, replica, client):
    pid, h = await new_participant(client)
    env = completed(pid, participant_name="Çağrı Öztürk Rahayu")
    await publish(balai_stack.kafka_bootstrap, [env, env, env])

    async def one_issued():
        items = await _mine(client, h)
        return items if items and items[0]["status"] == "issued" else None

    [cert] = await wait_for(one_issued, timeout=120)
    await asyncio.sleep(2)  # late duplicates would have landed by now
    assert len(await _mine(client, h)) == 1
    assert cert["holder_name"] == "Çağrı Öztürk Rahayu"
    assert re.fullmatch(r"\d{3}/BALATKOP-UKM/[IVX]+/\d{4}", cert["number"]), cert["number"]
    r = await client.get(f"{API}/certificates/{cert['id']}/pdf", headers=h)
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    pdf = r.content
    if shutil.which("pdfsig"):
        out = _pdfsig(pdf)
        assert "Signature Validation: Signature is Valid." in out, out
    if shutil.which("pdftotext"):
        with tempfile.TemporaryDirectory() as d:
            Path(d, "c.pdf").write_bytes(pdf)
            text = subprocess.run(["pdftotext", str(Path(d, "c.pdf")), "-"], capture_output=True, text=True).stdout
        assert "Çağrı Öztürk Rahayu" in text and "Pengelolaan Keuangan Koperasi" in text

    code = cert["verification_url"].rsplit("/", 1)[1]
    assert cert["verification_url"] == f"{balai_stack.gateway_url}/verifikasi/{code}"
    facts = (await client.get(f"{API}/public/verify/{code}")).json()
    assert facts["status"] == "valid" and facts["holder_name"] == "Çağrı Öztürk Rahayu"
    assert facts["issuer"] == "Balatkop UKM Provinsi Jawa Tengah" and facts["number"] == cert["number"]

    ok = await client.post(f"{API}/public/verify/{code}/check", files={"berkas": ("s.pdf", pdf, "application/pdf")})
    assert ok.status_code == 200 and ok.json()["result"] == "cocok", ok.text
    changed = bytearray(pdf)
    changed[len(changed) // 3] ^= 0x01
    bad = await client.post(f"{API}/public/verify/{code}/check",
                            files={"berkas": ("s.pdf", bytes(changed), "application/pdf")})
    assert bad.json() == {"code": code, "status": "valid", "match": False, "result": "tidak cocok"}
    if shutil.which("pdfsig"):
        assert "Signature is Valid" not in _pdfsig(bytes(changed))

    # another participant cannot download it; a Jatim admin cannot revoke it; Jateng's can
    _, other = await new_participant(client)
    assert (await client.get(f"{API}/certificates/{cert['id']}/pdf", headers=other)).status_code == 404
    jatim = await admin_headers(client, "admin.jatim")
    r = await client.post(f"{API}/admin/certificates/{cert['id']}/revoke", json={"reason": "Data tidak benar"},
                          headers=jatim)
    assert r.status_code == 403
    jateng = await admin_headers(client, "admin.jateng")
    r = await client.post(f"{API}/admin/certificates/{cert['id']}/revoke",
                          json={"reason": "Peserta tidak memenuhi kehadiran"}, headers=jateng)
    assert r.status_code == 200, r.text
    facts = (await client.get(f"{API}/public/verify/{code}")).json()
    assert facts["status"] == "dicabut" and facts["revoke_reason"] == "Peserta tidak memenuhi kehadiran"
    assert (await client.get(f"{API}/certificates/{cert['id']}/pdf", headers=h)).status_code == 409


async def test_two_hundred_completions_give_gap_free_numbers_across_two_replicas(balai_stack, replica, client):
    org = uuid.uuid4()  # a fresh organisation: its numbering starts at 1 (default template and key)
    training = uuid.uuid4()
    pid, _ = await new_participant(client)
    await _until_replica_consumes(balai_stack, replica[1], pid)
    envs = [completed(pid, org_id=org, training_id=training, participant_name=f"Peserta {i:03d}") for i in range(200)]
    await publish(balai_stack.kafka_bootstrap, envs + envs[:20])  # and 20 redeliveries
    sa = await admin_headers(client)
    items = await wait_for(lambda: issued(client, sa, training_id=training, want=200), timeout=240)
    assert len(items) == 200
    assert sorted(seq_of(i["number"]) for i in items) == list(range(1, 201))
    assert len({i["number"] for i in items}) == 200
    assert {i["holder_name"] for i in items} == {f"Peserta {i:03d}" for i in range(200)}
    log = replica[1].read_text(errors="replace")
    assert "certificate_reserved" in log or "event_consumed" in log  # the replica took part


async def test_reissue_after_name_correction_points_old_to_new(balai_stack, replica, client):
    pid, h = await new_participant(client)
    env = completed(pid, org_id=JATIM, participant_name="Budi Santosa")
    await publish(balai_stack.kafka_bootstrap, [env])

    async def issued_one():
        items = await _mine(client, h)
        return items[0] if items and items[0]["status"] == "issued" else None

    old = await wait_for(issued_one, timeout=120)
    jatim = await admin_headers(client, "admin.jatim")
    r = await client.post(f"{API}/admin/certificates/{old['id']}/reissue", json={"holder_name": "Budi Santoso"},
                          headers=jatim)
    assert r.status_code == 201, r.text
    new_id = r.json()["id"]

    async def corrected():
        items = {i["id"]: i for i in await _mine(client, h)}
        return items if items.get(new_id, {}).get("status") == "issued" else None

    items = await wait_for(corrected, timeout=60)
    assert items[old["id"]]["status"] == "revoked" and items[old["id"]]["replaced_by"] == new_id
    assert items[new_id]["holder_name"] == "Budi Santoso" and items[new_id]["number"] != old["number"]
    code = old["verification_url"].rsplit("/", 1)[1]
    facts = (await client.get(f"{API}/public/verify/{code}")).json()
    assert facts["status"] == "dicabut" and facts["replaced_by_code"] == items[new_id]["verification_url"][-16:]
    r = await client.get(f"{API}/admin/trainings/{env.data['training_id']}/certificates.zip", headers=jatim)
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
