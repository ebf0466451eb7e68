"""M2/M3: uploaded pictures cost bounded memory, and only re-encoded bytes are served (no EXIF GPS,
no polyglot payload). Memory is read from /proc/<pid>/status of the service process itself."""
from __future__ import annotations

import io

import pytest
from PIL import ExifTags, Image

from services.training.tests.support import enroll, new_training, synced_participants
from services.training.tests.support import login as admin_login
from services.ukm.tests.support import business_form, new_participant
from tests.factories import participant_form, register
from tests.security.support import memory_kib, palette_png, reset_peak

pytestmark = pytest.mark.integration

MAX_GROWTH_MB = 60
BOMB = palette_png(8000, 8000)  # ~62 KB on disk, 64 megapixels decoded


class Peak:
    """Peak RSS growth of a service process over a block (VmHWM after minus VmRSS before)."""

    def __init__(self, stack, service: str) -> None:
        self.pid = stack.procs[service].pid
        self.service = service

    def __enter__(self) -> Peak:
        reset_peak(self.pid)
        self.before = memory_kib(self.pid)["VmRSS"]
        return self

    def __exit__(self, *exc) -> None:
        self.growth_mb = (memory_kib(self.pid)["VmHWM"] - self.before) / 1024
        print(f"\n{self.service}: peak RSS growth {self.growth_mb:.1f} MB")


def jpeg(img: Image.Image, **params) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", **params)
    return buf.getvalue()


def gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCam"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({1: "S", 2: (6.0, 59.0, 12.5), 3: "E", 4: (110.0, 25.0, 7.5)})
    return jpeg(Image.new("RGB", (400, 300), (200, 120, 40)), exif=exif, quality=90)


async def product_photo_of(client, auth, photo: bytes, name: str = "roti.jpg") -> tuple[int, bytes | str]:
    r = await client.post("/api/ukm/businesses", data=business_form(),
                          files=[("photo_1", (name, photo, "image/jpeg"))], headers=auth)
    if r.status_code != 201:
        return r.status_code, r.text
    served = await client.get(r.json()["products"][0]["photo_urls"][0])
    assert served.status_code == 200
    return 201, served.content


async def test_pixel_bomb_as_confirmation_photo_is_refused_cheaply(balai_stack, client):
    admin = await admin_login(client, "admin.jateng")
    training = await new_training(client, admin)
    [(_, bid, me)] = await synced_participants(balai_stack, client, 1)
    eid = (await enroll(client, training["id"], bid, me)).json()["id"]
    assert (await client.post(f"/api/training/admin/enrollments/{eid}/verify", headers=admin)).status_code == 200
    with Peak(balai_stack, "training") as peak:
        r = await client.post(f"/api/training/enrollments/{eid}/confirm",
                              files={"photo": ("biru.png", BOMB, "image/png")}, headers=me)
    assert r.status_code == 422, r.text
    assert peak.growth_mb < MAX_GROWTH_MB


async def test_pixel_bomb_as_product_photo_is_refused_cheaply(balai_stack, client):
    _, auth = await new_participant(client)
    with Peak(balai_stack, "ukm") as peak:
        status, body = await product_photo_of(client, auth, BOMB, "bom.png")
    assert status == 422 and "megapiksel" in body
    assert peak.growth_mb < MAX_GROWTH_MB


async def test_pixel_bomb_as_profile_photo_is_refused_cheaply(balai_stack, client):
    with Peak(balai_stack, "identity") as peak:
        r = await register(client, participant_form(), photo=BOMB)
    assert r.status_code == 422 and "photo" in r.json()["errors"]
    assert peak.growth_mb < MAX_GROWTH_MB


async def test_a_huge_jpeg_is_accepted_downscaled_with_bounded_memory(balai_stack, client):
    _, auth = await new_participant(client)
    big = jpeg(Image.new("RGB", (8000, 6000), (200, 120, 40)), quality=40)
    assert len(big) < 3 * 1024 * 1024
    with Peak(balai_stack, "ukm") as peak:
        status, served = await product_photo_of(client, auth, big)
    assert status == 201
    assert max(Image.open(io.BytesIO(served)).size) <= 2048
    assert peak.growth_mb < MAX_GROWTH_MB


async def test_product_photo_is_served_without_exif_gps(balai_stack, client):
    _, auth = await new_participant(client)
    original = gps_jpeg()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    status, served = await product_photo_of(client, auth, original)
    assert status == 201
    img = Image.open(io.BytesIO(served))
    assert not img.getexif() and "exif" not in img.info
    assert b"Exif" not in served and b"PhoneCam" not in served and served != original


async def test_jpeg_html_polyglot_is_served_without_the_payload(balai_stack, client):
    _, auth = await new_participant(client)
    payload = b"<html><body><script>alert(document.cookie)</script></body></html>"
    status, served = await product_photo_of(client, auth, gps_jpeg() + payload)
    assert status == 201
    assert payload not in served and b"<script" not in served and served.endswith(b"\xff\xd9")
