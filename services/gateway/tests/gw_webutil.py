"""Helpers for driving the web pages with httpx."""
from __future__ import annotations

import io
import random
import re
import uuid

from PIL import Image

NIK, BIRTH = "3374014101900001", "1990-01-01"


def unique_person() -> tuple[str, str]:
    """A valid NIK of Semarang Tengah (33.74.01) and its matching birth date, random enough."""
    r = random.Random()
    year, month, day = r.randint(1960, 2004), r.randint(1, 12), r.randint(1, 28)
    female = r.random() < 0.5
    nik = f"337401{day + 40 if female else day:02d}{month:02d}{year % 100:02d}{r.randint(1, 9999):04d}"
    return nik, f"{year}-{month:02d}-{day:02d}"


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 0, 0)).save(buf, "PNG")
    return buf.getvalue()


def registration(**overrides) -> dict:
    nik, birth = unique_person()
    data = {"full_name": "Ani Lestari", "nik": nik, "kk": "3374010101900002",
            "phone": "081234567890", "birth_place": "Semarang", "birth_date": birth,
            "province": "33", "regency_code": "33.74", "district_code": "33.74.01",
            "village_code": "33.74.01.1001", "address": "Jl. Pemuda 1",
            "marital_status": "belum_menikah", "npwp": "",
            "username": "ani" + uuid.uuid4().hex[:6], "password": "Kopi-Susu-Enak-2026",
            "password_confirm": "Kopi-Susu-Enak-2026"}
    data.update(overrides)
    return data


async def register(client, data: dict, photo: bytes | None = None):
    page = await client.get("/daftar")
    files = {"photo": ("foto.png", photo if photo is not None else png_bytes(), "image/png")}
    return await client.post("/daftar", data={**data, "csrf_token": csrf(page.text)}, files=files)


async def login(client, login_value: str, password: str):
    page = await client.get("/")
    return await client.post("/masuk", data={"login": login_value, "password": password,
                                             "csrf_token": csrf(page.text)})
