"""The journey to a certificate with no event published by the test: register, business, enroll,
verify, confirm, presensi, close (training) → TrainingCompleted → a signed certificate the participant
downloads (certificate), CertificateIssued on its topic, the public page says valid."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from datetime import datetime

import httpx
import pytest

from balai_contracts.topics import CERTIFICATE
from services.training.tests.support import WIB, new_training, png
from services.ukm.tests.support import create_business, new_participant, wait_for
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration
TRAINING, CERT = "/api/training", "/api/certificate"


async def test_closing_a_training_gives_the_participant_a_signed_certificate(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60) as client:
        participant_id, me = await new_participant(client)
        business = await create_business(client, me, photos=1)
        r = await client.post("/api/identity/auth/login", json={"login": "admin.jateng",
                                                                "password": balai_stack.admin_password})
        admin = {"Authorization": f"Bearer {r.json()['access_token']}"}
        training = await new_training(client, admin, quota=5)

        async def eligible():
            r = await client.get(f"{TRAINING}/trainings/{training['id']}/eligibility",
                                 params={"business_id": business["id"]}, headers=me)
            return r.status_code == 200
        await wait_for(eligible, timeout=90)
        r = await client.post(f"{TRAINING}/trainings/{training['id']}/enrollments",
                              data={"business_id": business["id"], "ticks": ["0", "1"]}, headers=me)
        assert r.status_code == 201, r.text
        enrollment_id = r.json()["id"]
        assert (await client.post(f"{TRAINING}/admin/enrollments/{enrollment_id}/verify",
                                  headers=admin)).status_code == 200
        r = await client.post(f"{TRAINING}/enrollments/{enrollment_id}/confirm", headers=me,
                              files={"photo": ("biru.png", png((30, 90, 200)), "image/png")})
        assert r.status_code == 200, r.text
        today = datetime.now(WIB).date().isoformat()
        r = await client.put(f"{TRAINING}/admin/trainings/{training['id']}/attendance", headers=admin,
                             json={"day": today, "records": [{"enrollment_id": enrollment_id, "present": True}]})
        assert r.status_code == 200, r.text
        r = await client.post(f"{TRAINING}/admin/trainings/{training['id']}/close", headers=admin)
        assert r.status_code == 200 and r.json()["completed"] == 1, r.text

        async def issued():
            items = (await client.get(f"{CERT}/certificates/mine", headers=me)).json()["items"]
            return items[0] if items and items[0]["status"] == "issued" else None
        cert = await wait_for(issued, timeout=120)
        assert cert["training_id"] == training["id"] and cert["number"].split("/")[1] == "BALATKOP-UKM"
        pdf = (await client.get(f"{CERT}/certificates/{cert['id']}/pdf", headers=me)).content
        code = cert["verification_url"].rsplit("/", 1)[1]
        facts = (await client.get(f"{CERT}/public/verify/{code}")).json()
        assert facts["status"] == "valid" and facts["sha256"] == hashlib.sha256(pdf).hexdigest()
        assert facts["issuer"] == "Balatkop UKM Provinsi Jawa Tengah"
        page = await client.get(f"/verifikasi/{code}")
        assert page.status_code == 200 and "SAH" in page.text and cert["number"] in page.text
    if shutil.which("pdfsig"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(pdf)
            f.flush()
            out = subprocess.run(["pdfsig", f.name], capture_output=True, text=True).stdout
        assert "Signature is Valid" in out and "Dra. Sri Wahyuni" in out  # the Jateng demo signer

    envs = await read_topic(balai_stack.kafka_bootstrap, CERTIFICATE, timeout=60,
                            until=lambda out: any(e["subject"] == cert["id"] for e in out))
    [event] = {e["id"]: e for e in envs if e["subject"] == cert["id"]}.values()
    assert event["type"] == "CertificateIssued" and event["data"]["participant_id"] == participant_id
    assert event["data"]["enrollment_id"] == enrollment_id and event["data"]["sha256"] == facts["sha256"]
