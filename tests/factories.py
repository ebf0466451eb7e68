"""Valid, unique test data for participants (NIK consistent with birth date)."""
from __future__ import annotations

import io
import itertools
import random
from datetime import date

from PIL import Image

_serial = itertools.count(random.randint(1, 5000))


def png_photo(color=(30, 90, 200), size=(120, 160)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


def nik_for(birth: date, female: bool = False, serial: int | None = None) -> str:
    day = birth.day + (40 if female else 0)
    serial = serial if serial is not None else next(_serial) % 9999 + 1
    return f"337401{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def _letters(n: int) -> str:
    out = ""
    n += 26 * 26
    while n:
        n, r = divmod(n, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
    return out.capitalize()


def participant_form(username: str | None = None, *, birth: date = date(1990, 1, 1), female: bool = True,
                     password: str = "Semarang-Sehat-2026", **over) -> dict[str, str]:
    n = next(_serial)
    username = username or f"peserta{n}{random.randint(100, 999)}"
    data = dict(
        full_name=f"Siti Rahayu {_letters(n)}", nik=nik_for(birth, female), kk=f"3374010101{n % 1000000:06d}",
        phone="081234567890", birth_place="Semarang", birth_date=birth.isoformat(),
        regency_code="33.74", district_code="33.74.01", village_code="33.74.01.1001",
        address="Jl. Pandanaran No. 10", marital_status="menikah", npwp="",
        username=username, password=password, password_confirm=password,
    )
    data.update(over)
    return data


async def register(client, form: dict[str, str], photo: bytes | None = None, prefix: str = "/api/identity"):
    files = {"photo": ("foto.png", photo if photo is not None else png_photo(), "image/png")}
    return await client.post(f"{prefix}/participants", data=form, files=files)


def phone_photo(seed: int = 0, size=(4000, 3000), target_bytes: int = 2_900_000) -> bytes:
    """A JPEG like a phone camera's: 12 MP, shapes and smooth tones with sensor-like grain, just under 3 MB."""
    import io
    import random

    from PIL import Image, ImageDraw

    rnd = random.Random(seed)
    small = Image.effect_noise((size[0] // 40, size[1] // 40), 60).convert("RGB").resize(
        (size[0] // 8, size[1] // 8), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(small)
    for _ in range(40):
        x, y = rnd.randrange(small.width), rnd.randrange(small.height)
        draw.ellipse((x, y, x + rnd.randrange(20, 200), y + rnd.randrange(20, 200)),
                     fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    picture = Image.blend(small.resize(size, Image.Resampling.BICUBIC),
                          Image.effect_noise(size, 30).convert("RGB"), 0.25)
    for quality in (90, 85, 80, 75, 70, 60, 50):
        out = io.BytesIO()
        picture.save(out, "JPEG", quality=quality)
        if out.tell() <= target_bytes:
            return out.getvalue()
    return out.getvalue()
