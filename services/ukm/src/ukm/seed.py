"""Demo data: a few businesses with products already in the gallery, for both demo organisations.

Goes through the service layer; the gallery is filled by the same handler AttendanceConfirmed
reaches, called with synthetic events (nothing is published to Kafka for the training side)."""
from __future__ import annotations

import io
import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from balai_contracts.envelope import Envelope
from balai_contracts.training import AttendanceConfirmedV1
from balai_platform.auth import Claims
from balai_platform.consumer import EventMeta
from balai_platform.logging import configure_logging, get_logger

from .adapters.tables import businesses, participants
from .main import build_context
from .service import reactions
from .service.businesses import register_business
from .settings import Settings

log = get_logger("seed")
ORGS = [uuid.UUID("0b0a1a10-0000-4000-8000-000000000001"), uuid.UUID("0b0a1a10-0000-4000-8000-000000000002")]
DEMO = [  # (owner id, org index, form)
    (0, dict(name="UKM Si Pentol Roti Enak", brand="Roti Enak", owner_name="Rossy Contoh Peserta", kind="ukm",
             permit_kind="nib", permit_number="1234567890123", regency_code="33.74", district_code="33.74.01",
             village_code="33.74.01.1001", category="makanan_minuman", product_type="makanan",
             halal_number="ID33110000123450321", pirt_number="2063374010123-26", sector="industri_pengolahan")),
    (0, dict(name="Lamak Salero", brand="Lamak Salero", owner_name="Siti Aminah", kind="ukm", permit_kind="iumk",
             permit_number="503/123/IUMK/2023", regency_code="33.74", district_code="33.74.01",
             village_code="33.74.01.1001", category="makanan_minuman", product_type="makanan",
             pirt_number="2083374020456-27", sector="akomodasi_makan_minum")),
    (1, dict(name="Batik Tulis Kenanga", brand="Kenanga", owner_name="Sri Wahyuni", kind="ukm", permit_kind="nib",
             permit_number="9120001234567", regency_code="35.78", district_code="35.78.01",
             village_code="35.78.01.1001", category="fashion", product_type="batik", haki_number="IDM000123456",
             sector="industri_pengolahan")),
    (1, dict(name="Koperasi Tani Makmur", brand="Tani Makmur", owner_name="Bambang Susilo", kind="koperasi",
             permit_kind="bh_koperasi", permit_number="AHU-0001234.AH.01.26", regency_code="35.78",
             district_code="35.78.01", village_code="35.78.01.1001", category="pertanian",
             product_type="hasil_tani", bpom_number="MD 224311001234", sector="pertanian")),
]
COMMON = dict(address="Jl. Contoh Produksi No. 7", specification="Produk rumahan berkualitas",
              founded_year="2015", phone="081234567890", social_media="@ukm.demo", legal_form="perorangan",
              capacity="1.000", capacity_unit="pcs", net_profit_month="Rp 5.000.000", workforce_male="2",
              workforce_female="3", assets="Rp 150.000.000", turnover="Rp 600.000.000",
              market_segment="kab_kota", distribution_channel="produsen_konsumen", position="pemilik")
COLORS = [(200, 120, 40), (40, 140, 90), (120, 60, 160), (30, 110, 190), (190, 50, 80), (90, 90, 90)]


def demo_photo(color: tuple[int, int, int], label: int) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (320, 240), color)
    draw = ImageDraw.Draw(img)
    draw.ellipse((100, 60, 220, 180), fill=(250, 235, 200))
    draw.rectangle((10, 10, 10 + 20 * label, 30), fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


async def seed_demo(settings: Settings) -> None:
    configure_logging("ukm-seed", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    async with ctx.sessionmaker() as s:
        rossy = await s.scalar(select(participants.c.participant_id).where(participants.c.username == "rossy"))
    for i, (org_index, form) in enumerate(DEMO):
        async with ctx.sessionmaker() as s:
            if await s.scalar(select(businesses.c.id).where(businesses.c.name == form["name"])):
                continue
        # the demo participant owns the first business when identity's event already arrived
        owner = rossy if (i == 0 and rossy) else uuid.uuid5(uuid.NAMESPACE_URL, f"balai-demo-owner-{i}")
        claims = Claims(sub=str(owner), role="peserta", username="demo", org=None, exp=0)
        photos = {n: demo_photo(COLORS[(i + n) % len(COLORS)], n) for n in (1, 2)}
        created = await register_business(ctx, claims, {**COMMON, **form}, photos)
        start = date.today() - timedelta(days=30 - i)
        event = AttendanceConfirmedV1(
            enrollment_id=uuid.uuid5(uuid.NAMESPACE_URL, f"balai-demo-enrollment-{i}"), org_id=ORGS[org_index],
            training_id=uuid.uuid5(uuid.NAMESPACE_URL, f"balai-demo-training-{org_index}"),
            training_title=["Pemasaran Digital UMKM Angkatan 1", "Koperasi Modern Angkatan 2"][org_index],
            start_date=start, end_date=start + timedelta(days=3), mode="residential", residential=True,
            participant_id=owner, participant_name=form["owner_name"], sex="P",
            business_id=uuid.UUID(created["id"]), business_name=form["name"],
            confirmed_at=datetime.now(UTC))
        env = Envelope.wrap(event, source="seed", subject=str(event.enrollment_id))
        async with ctx.sessionmaker() as s, s.begin():
            await reactions.on_attendance_confirmed(ctx, s, event, EventMeta.of(env))
        log.info("seed_business_created", business_id=created["id"])
    await engine.dispose()
    log.info("seed_done")
