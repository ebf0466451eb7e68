"""The whole participant journey across real services, with no event published by the test:
identity → ukm → training (verify, confirm) → ukm gallery, → completion; each event once, in order."""
from __future__ import annotations

from datetime import datetime

import httpx
import pytest

from balai_contracts.topics import TRAINING_ENROLLMENT, UKM_PRODUCT
from services.training.tests.support import WIB, new_training, png
from services.ukm.tests.support import create_business, new_participant, wait_for
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration
TRAINING = "/api/training"


async def test_register_to_gallery_to_completion(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60) as client:
        # a UKM owner registers (identity) and enters her business (ukm)
        participant_id, me = await new_participant(client)
        business = await create_business(client, me, photos=2)
        products = {p["id"] for p in business["products"]}
        # an admin of Balatkop Jateng schedules a training (training)
        r = await client.post("/api/identity/auth/login", json={"login": "admin.jateng",
                                                                "password": balai_stack.admin_password})
        admin = {"Authorization": f"Bearer {r.json()['access_token']}"}
        training = await new_training(client, admin, quota=5)

        async def copies_reached_training():  # ParticipantRegistered and BusinessRegistered consumed
            r = await client.get(f"{TRAINING}/trainings/{training['id']}/eligibility",
                                 params={"business_id": business["id"]}, headers=me)
            assert r.status_code in (200, 409), r.text  # 409: "Data Anda sedang diproses"
            return r if r.status_code == 200 else None
        r = await wait_for(copies_reached_training, timeout=90)
        assert r.json()["eligible"], r.text
        r = await client.post(f"{TRAINING}/trainings/{training['id']}/enrollments",
                              data={"business_id": business["id"], "ticks": ["0", "1"]}, headers=me)
        assert r.status_code == 201 and r.json()["status_label"] == "Belum diverifikasi", r.text
        enrollment_id = r.json()["id"]

        r = await client.post(f"{TRAINING}/admin/enrollments/{enrollment_id}/verify", headers=admin)
        assert r.status_code == 200 and r.json()["status"] == "verified", r.text
        r = await client.post(f"{TRAINING}/enrollments/{enrollment_id}/confirm", headers=me,
                              files={"photo": ("biru.png", png((30, 90, 200)), "image/png")})
        assert r.status_code == 200 and r.json()["whatsapp_link"], r.text

        async def in_gallery():  # AttendanceConfirmed consumed by ukm
            r = await client.get("/api/ukm/gallery", params={"q": business["brand"]})
            return {i["product_id"] for i in r.json()["items"]} == products
        await wait_for(in_gallery, timeout=90)

        today = datetime.now(WIB).date().isoformat()
        r = await client.put(f"{TRAINING}/admin/trainings/{training['id']}/attendance", headers=admin,
                             json={"day": today, "records": [{"enrollment_id": enrollment_id, "present": True}]})
        assert r.status_code == 200, r.text
        r = await client.post(f"{TRAINING}/admin/trainings/{training['id']}/close", headers=admin)
        assert r.status_code == 200 and r.json()["completed"] == 1, r.text
        mine = (await client.get(f"{TRAINING}/enrollments/mine", headers=me)).json()
        assert mine["completed_count"] == 1 and mine["items"][0]["status_label"] == "Lulus"

    chain = await read_topic(balai_stack.kafka_bootstrap, TRAINING_ENROLLMENT, timeout=60,
                             until=lambda out: sum(e["subject"] == enrollment_id for e in out) >= 4)
    mine = sorted((e for e in chain if e["subject"] == enrollment_id), key=lambda e: e["_offset"])
    assert [e["type"] for e in mine] == ["EnrollmentSubmitted", "EnrollmentVerified",
                                         "AttendanceConfirmed", "TrainingCompleted"]
    assert len({e["_partition"] for e in mine}) == 1 and all(e["_key"] == enrollment_id.encode() for e in mine)
    assert mine[2]["data"]["participant_id"] == participant_id and mine[2]["data"]["residential"] is True
    shown = await read_topic(balai_stack.kafka_bootstrap, UKM_PRODUCT, timeout=60,
                             until=lambda out: {e["subject"] for e in out} >= products)
    showcased = [e for e in shown if e["subject"] in products]
    assert sorted(e["subject"] for e in showcased) == sorted(products), "one ProductShowcased per product"
    assert {e["data"]["enrollment_id"] for e in showcased} == {enrollment_id}
