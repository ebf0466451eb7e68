"""Helpers of the ukm integration tests (tests/integration/test_ukm_*.py)."""
from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, date, datetime

from aiokafka import AIOKafkaProducer

from balai_contracts.envelope import Envelope
from balai_contracts.topics import TRAINING_ENROLLMENT
from balai_contracts.training import AttendanceConfirmedV1
from tests.factories import participant_form, png_photo, register

API = "/api/ukm"


async def new_participant(client) -> tuple[str, dict[str, str]]:
    """Register a participant through the gateway and log in: (participant id, auth headers)."""
    form = participant_form()
    r = await register(client, form)
    assert r.status_code == 201, r.text
    return r.json()["id"], await login(client, form["username"], form["password"])


async def login(client, username: str, password: str) -> dict[str, str]:
    r = await client.post("/api/identity/auth/login", json={"login": username, "password": password})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def business_form(**over) -> dict[str, str]:
    n = uuid.uuid4().hex[:6]
    data = dict(
        kind="ukm", permit_kind="nib", permit_number="1234567890123", name=f"Roti Enak {n}",
        owner_name="Siti Rahayu", address="Jl. Pandanaran No. 10", regency_code="33.74",
        district_code="33.74.01", village_code="33.74.01.1001", position="pemilik",
        category="makanan_minuman", specification="Roti manis rumahan", halal_number="ID33110000123450321",
        pirt_number="", bpom_number="", haki_number="", brand=f"Merk {n}", founded_year="2009",
        phone="0812-3456-7890", social_media="@makananenak", legal_form="Perseroan (PT)", capacity="10",
        capacity_unit="Pcs", net_profit_month="100.000.000", product_type="Makanan", workforce_male="1",
        workforce_female="1", sector="Industri Pengolahan", assets="Rp 100.000.000", turnover="100000000",
        market_segment="Tingkat Kab/Kota", distribution_channel="Produsen-Konsumen",
    )
    data.update(over)
    return data


def photo_files(count: int = 2) -> list[tuple[str, tuple[str, bytes, str]]]:
    colors = [(200, 100, 50), (50, 150, 100), (90, 60, 180)]
    return [(f"photo_{i + 1}", (f"roti{i + 1}.png", png_photo(colors[i]), "image/png")) for i in range(count)]


async def create_business(client, headers, photos: int = 2, **over) -> dict:
    r = await client.post(f"{API}/businesses", data=business_form(**over), files=photo_files(photos),
                          headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


def attendance(business_id: str, participant_id: str, **over) -> Envelope:
    enrollment_id = over.pop("enrollment_id", uuid.uuid4())
    data = dict(enrollment_id=enrollment_id, org_id=uuid.UUID("0b0a1a10-0000-4000-8000-000000000001"),
                training_id=uuid.uuid4(), training_title="Pemasaran Digital Angkatan 3",
                start_date=date(2026, 3, 2), end_date=date(2026, 3, 5), mode="residential", residential=True,
                participant_id=uuid.UUID(participant_id), participant_name="Siti Rahayu", sex="P",
                business_id=uuid.UUID(business_id), business_name="Roti", confirmed_at=datetime.now(UTC))
    data.update(over)
    event = AttendanceConfirmedV1(**data)
    return Envelope.wrap(event, source="training", subject=str(event.enrollment_id))


async def publish(bootstrap: str, envs: list[Envelope], topic: str = TRAINING_ENROLLMENT) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for env in envs:
            await producer.send_and_wait(topic, env.model_dump_json().encode(), key=env.subject.encode())
    finally:
        await producer.stop()


async def wait_for(probe, timeout: float = 60.0, interval: float = 0.3):
    """Poll the async `probe` until it returns a truthy value; return it."""
    deadline = time.monotonic() + timeout
    while True:
        value = await probe()
        if value:
            return value
        assert time.monotonic() < deadline, "timed out waiting"
        await asyncio.sleep(interval)
