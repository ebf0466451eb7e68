"""Helpers of the consultation tests (integration and browser): an alumnus of a closed training,
and the Standar Pelayanan event identity publishes."""
from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime

from aiokafka import AIOKafkaProducer

from balai_contracts.envelope import Envelope
from balai_contracts.identity import DEFAULT_DEADLINES, ServiceDeadline, ServiceStandardsPublishedV1
from balai_contracts.topics import IDENTITY_ORGANISATION

from .support import API, ORG1, WIB, enroll, new_training, png, synced_participants


def pdf_bytes(text: str = "Laporan keuangan") -> bytes:
    buf = io.BytesIO()
    buf.write(b"%PDF-1.4\n1 0 obj<<>>endobj\n% " + text.encode() + b"\ntrailer<<>>\n%%EOF\n")
    return buf.getvalue()


async def alumni(stack, client, admin: dict, n: int = 1, **training) -> tuple[dict, list]:
    """A residential training of today, n participants verified, confirmed, present and the training closed:
    each enrollment is `completed`. Returns (training, [(participant_id, business_id, headers)])."""
    t = await new_training(client, admin, **training)
    people = await synced_participants(stack, client, n)
    ids = []
    for _, bid, h in people:
        r = await enroll(client, t["id"], bid, h)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    for eid, (_, _, h) in zip(ids, people, strict=True):
        assert (await client.post(f"{API}/admin/enrollments/{eid}/verify", headers=admin)).status_code == 200
        r = await client.post(f"{API}/enrollments/{eid}/confirm", headers=h,
                              files={"photo": ("hadir.png", png((30, 90, 200)), "image/png")})
        assert r.status_code == 200, r.text
    today = datetime.now(WIB).date().isoformat()
    r = await client.put(f"{API}/admin/trainings/{t['id']}/attendance", headers=admin,
                         json={"day": today, "records": [{"enrollment_id": e, "present": True} for e in ids]})
    assert r.status_code == 200, r.text
    r = await client.post(f"{API}/admin/trainings/{t['id']}/close", headers=admin)
    assert r.status_code == 200 and r.json()["completed"] == n, r.text
    return t, people


async def publish_standards(bootstrap: str, limits: dict[str, tuple[int, str]] | None = None, *,
                            org_id: str = ORG1, org_code: str = "balatkop-jateng") -> None:
    """What identity publishes when the admin saves the Standar Pelayanan (defaults when `limits` is None)."""
    limits = {**DEFAULT_DEADLINES, **(limits or {})}
    e = ServiceStandardsPublishedV1(
        org_id=uuid.UUID(org_id), org_code=org_code, published_at=datetime.now(UTC),
        deadlines=[ServiceDeadline(key=k, amount=a, unit=u) for k, (a, u) in limits.items()])
    env = Envelope.wrap(e, source="identity", subject=org_id)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(IDENTITY_ORGANISATION, env.model_dump_json().encode(), key=org_id.encode())
    finally:
        await producer.stop()
