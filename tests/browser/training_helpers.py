"""Participants and trainings the browser tests share (demo trainings of the seed, a participant
with a business whose copies reached the training service)."""
from __future__ import annotations

import io
import random
import time
import uuid

import httpx
import pytest
from browser_helpers import PASSWORD, person, register_over_http
from PIL import Image

from services.ukm.tests.support import business_form, photo_files

ORG_JATENG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
OPEN_TRAINING = str(uuid.uuid5(ORG_JATENG, "koperasi-modern"))  # age ≤ 50, assets ≥ 10 jt, NIB
ONLINE_TRAINING = str(uuid.uuid5(ORG_JATENG, "pemasaran-digital"))


def image(color) -> dict:
    buf = io.BytesIO()
    Image.new("RGB", (200, 240), color).save(buf, "PNG")
    return {"name": "foto.png", "mimeType": "image/png", "buffer": buf.getvalue()}


def young_person() -> dict:
    """A participant born 1985-2000 (the demo training admits ages up to 50)."""
    data = person()
    r = random.Random()
    year, month, day = r.randint(1985, 2000), r.randint(1, 12), r.randint(1, 28)
    data["nik"] = f"337401{day:02d}{month:02d}{year % 100:02d}{r.randint(1, 9999):04d}"
    data["birth_date"] = f"{year}-{month:02d}-{day:02d}"
    return data


def participant_with_business(base_url: str) -> dict:
    """Account through the pages, a business through the ukm API, then wait for training's copy."""
    data = young_person()
    register_over_http(base_url, data)
    with httpx.Client(base_url=base_url, timeout=20) as c:
        token = c.post("/api/identity/auth/login",
                       json={"login": data["username"], "password": PASSWORD}).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        r = c.post("/api/ukm/businesses", data=business_form(), files=photo_files(1), headers=auth)
        assert r.status_code == 201, r.text
        business = r.json()
        # both local copies (participant and business) must have reached the training service:
        # an eligibility check answers 409 "Data Anda sedang diproses" until they have
        open_ids = [t["id"] for t in c.get("/api/training/trainings", params={"open_only": "true"}).json()["items"]]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            r = c.get(f"/api/training/trainings/{open_ids[0]}/eligibility",
                      params={"business_id": business["id"]}, headers=auth)
            if r.status_code == 200:
                break
            time.sleep(0.3)
        else:
            pytest.fail("the training service never received the participant and the business")
    return {**data, "business": business["name"]}
