"""Helpers of the training integration tests (tests/integration/test_training_*.py)."""
from __future__ import annotations

import asyncio
import io
import time
import uuid
from datetime import UTC, date, datetime, timedelta, timezone

import asyncpg
from aiokafka import AIOKafkaProducer
from PIL import Image

from balai_contracts.envelope import Envelope
from balai_contracts.identity import ParticipantRegisteredV1
from balai_contracts.topics import IDENTITY_PARTICIPANT, UKM_BUSINESS
from balai_contracts.ukm import BusinessRegisteredV1, BusinessUpdatedV1, Member, Permit
from balai_platform.auth import TokenSigner

API = "/api/training"
ORG1 = "0b0a1a10-0000-4000-8000-000000000001"
ORG2 = "0b0a1a10-0000-4000-8000-000000000002"
WIB = timezone(timedelta(hours=7))


def token(stack, *, sub: str | None = None, role: str = "peserta", org: str | None = None) -> dict[str, str]:
    """A token signed with the stack's identity key (the gateway and the service verify it)."""
    signer = TokenSigner(stack.keys["jwt_private"], 900)
    t = signer.sign(sub=sub or str(uuid.uuid4()), role=role, username="uji", org=org)
    return {"Authorization": f"Bearer {t}"}


async def login(client, username: str, password: str = "Admin-Test-2026") -> dict[str, str]:
    r = await client.post("/api/identity/auth/login", json={"login": username, "password": password})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def png(color=(30, 90, 200), size=(240, 320)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


def participant_event(pid: uuid.UUID, *, name: str = "Siti Rahayu", birth: date = date(1990, 1, 1),
                      sex: str = "P") -> Envelope:
    e = ParticipantRegisteredV1(participant_id=pid, username=f"u{pid.hex[:8]}", full_name=name, birth_date=birth,
                                sex=sex, province_code="33", regency_code="33.74", district_code="33.74.01",
                                village_code="33.74.01.1001", regency_name="Kota Semarang",
                                phone_wa="6281234567890", registered_at=datetime.now(UTC))
    return Envelope.wrap(e, source="identity", subject=str(pid))


def business_event(bid: uuid.UUID, members: list[uuid.UUID], *, updated: bool = False, assets: int = 100_000_000,
                   turnover: int = 100_000_000, workforce: int = 2, name: str = "Roti Enak",
                   at: datetime | None = None, permits=("nib",)) -> Envelope:
    fields = dict(
        business_id=bid, kind="ukm", name=name, brand="Enak", owner_name="Siti", legal_form="perorangan",
        permits=[Permit(kind=k, number="1234567890123") for k in permits], assets=assets, turnover=turnover,
        workforce_male=workforce // 2, workforce_female=workforce - workforce // 2, workforce_total=workforce,
        size_class="mikro", province_code="33", regency_code="33.74", district_code="33.74.01",
        village_code="33.74.01.1001", regency_name="Kota Semarang", sector="industri_pengolahan",
        category="makanan_minuman", founded_year=2015,
        members=[Member(participant_id=m, position="pemilik") for m in members])
    at = at or datetime.now(UTC)
    e = BusinessUpdatedV1(**fields, updated_at=at) if updated else BusinessRegisteredV1(
        **fields, registered_by=members[0], registered_at=at)
    return Envelope.wrap(e, source="ukm", subject=str(bid))


async def publish(bootstrap: str, envs: list[Envelope]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for env in envs:
            topic = UKM_BUSINESS if env.source == "ukm" else IDENTITY_PARTICIPANT
            await producer.send_and_wait(topic, env.model_dump_json().encode(), key=env.subject.encode())
    finally:
        await producer.stop()


async def wait_for(check, timeout: float = 60.0, interval: float = 0.3):
    """Poll `check()` (async) until it returns a truthy value; consumer group joins are slow."""
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(interval)


def training_body(**over) -> dict:
    today = datetime.now(WIB).date()
    body = dict(
        title=f"Pelatihan Uji {uuid.uuid4().hex[:6]}", batch=1, kind="Reguler", level="Dasar", mode="residential",
        venue="Balatkop UKM Jawa Tengah", start_date=today.isoformat(), end_date=today.isoformat(),
        registration_opens_at=(datetime.now(WIB) - timedelta(hours=1)).isoformat(),
        registration_closes_at=datetime.combine(today, datetime.max.time().replace(microsecond=0),
                                                tzinfo=WIB).isoformat(),
        quota=30, hours=32, whatsapp_link="https://chat.whatsapp.com/UjiCoba",
        requirements=dict(age_max=50, assets_min=10_000_000, turnover_min=10_000_000, workforce_min=1,
                          permits=["nib"], checklist=["NIB", "Usia Maksimal 50 tahun"]),
    )
    body.update(over)
    return body


async def new_training(client, headers, **over) -> dict:
    r = await client.post(f"{API}/admin/trainings", json=training_body(**over), headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


async def synced_participants(stack, client, n: int, **business) -> list[tuple[uuid.UUID, uuid.UUID, dict]]:
    """n participants with one business each, published as events; waits until training has them."""
    people = [(uuid.uuid4(), uuid.uuid4()) for _ in range(n)]
    envs = [participant_event(p) for p, _ in people] + [business_event(b, [p], **business) for p, b in people]
    await publish(stack.kafka_bootstrap, envs)
    out = [(p, b, token(stack, sub=str(p))) for p, b in people]

    dsn = stack.database_url("training").replace("postgresql+asyncpg://", "postgresql://", 1)

    async def arrived():
        # every copy, not a sample: the events travel on several partitions of two topics
        conn = await asyncpg.connect(dsn)
        try:
            n_p = await conn.fetchval("SELECT count(*) FROM participants WHERE participant_id = ANY($1::uuid[])",
                                      [p for p, _ in people])
            n_b = await conn.fetchval("SELECT count(*) FROM businesses WHERE business_id = ANY($1::uuid[])",
                                      [b for _, b in people])
        finally:
            await conn.close()
        return n_p == n_b == n
    await wait_for(arrived)
    return out


async def enroll(client, training_id: str, business_id, headers, ticks=(0, 1), photos: int = 0):
    files = [(f"photo_{i + 1}", (f"produk{i + 1}.png", png((200, 120, 40)), "image/png")) for i in range(photos)]
    data = {"business_id": str(business_id), "ticks": [str(t) for t in ticks]}
    return await client.post(f"{API}/trainings/{training_id}/enrollments", data=data, files=files or None,
                             headers=headers)
