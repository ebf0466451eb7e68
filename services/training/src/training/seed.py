"""Demo data: a living training schedule relative to today for both demo organisations.

Re-running moves the dates along (ids are stable), so the demo always has trainings open for
registration, one whose registration closed, and one that is full."""
from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from balai_platform.logging import configure_logging, get_logger

from .adapters.tables import business_members, businesses, enrollments, participants, trainings
from .adapters.tables_class import modules, quiz_questions
from .main import build_context
from .seed_narasumber import seed_offices
from .settings import Settings

log = get_logger("seed")
ORGS = [uuid.UUID("0b0a1a10-0000-4000-8000-000000000001"), uuid.UUID("0b0a1a10-0000-4000-8000-000000000002")]
WIB = ZoneInfo("Asia/Jakarta")
CHECKLIST = ["NIB", "Usia Maksimal 50 tahun", "Bersedia mengikuti pelatihan sampai selesai"]
# key, title, mode, kind, level, start offset, days, opens offset, closes offset, quota, requirements
PLAN = [
    ("koperasi-modern", "Koperasi Modern", "residential", "Reguler", "Dasar", 14, 4, -3, 10, 30,
     dict(age_max=50, assets_min=10_000_000, turnover_min=10_000_000, workforce_min=1, permits=["nib"])),
    ("pemasaran-digital", "Pemasaran Digital (Kelas Online)", "online", "Reguler", "Dasar", 1, 30, -5, 20, 200,
     dict(age_min=17)),
    ("kewirausahaan-daerah", "Kewirausahaan Pemula di Daerah", "regional", "Reguler", "Dasar", 10, 3, -2, 7, 40,
     dict(age_min=18, age_max=55)),
    ("manajerial-koperasi", "Manajerial Bagi Koperasi", "residential", "Reguler", "Lanjutan", 3, 4, -20, -1, 30,
     dict(age_max=50)),
    ("spi", "Sistem Pengendalian Internal (SPI)", "residential", "Reguler", "Lanjutan", 21, 5, -7, 14, 2,
     dict(age_max=60)),
]


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=WIB)


def _rows(org_id: uuid.UUID, org_no: int, today: date):
    for key, title, mode, kind, level, start, days, opens, closes, quota, req in PLAN:
        start_day = today + timedelta(days=start)
        yield dict(
            id=uuid.uuid5(org_id, key), org_id=org_id, title=title, batch=org_no + 1, kind=kind, level=level,
            mode=mode, venue="" if mode == "online" else ("Balatkop UKM Jawa Tengah, Semarang" if org_no == 0
                                                          else "UPT Pelatihan KUKM Jawa Timur, Surabaya"),
            description=f"Pelatihan {title.lower()} bagi pelaku UKM dan pengurus koperasi.",
            start_date=start_day, end_date=start_day + timedelta(days=days - 1),
            registration_opens_at=_at(today + timedelta(days=opens), 8),
            registration_closes_at=_at(today + timedelta(days=closes), 23),
            quota=quota, hours=days * 8, whatsapp_link=f"https://chat.whatsapp.com/Demo{key.replace('-', '')}{org_no}",
            requirements={**req, "checklist": CHECKLIST if "permits" in req else CHECKLIST[1:]},
            has_evaluation=mode == "online", pass_mark=70 if mode == "online" else None,
        )


MOVING = ("start_date", "end_date", "registration_opens_at", "registration_closes_at")


async def _full_training(s, org_id: uuid.UUID, training_id: uuid.UUID, now: datetime) -> None:
    """Two demo participants hold both seats of the SPI training."""
    biz = uuid.uuid5(org_id, "demo-business")
    await s.execute(insert(businesses).values(
        business_id=biz, kind="koperasi", name="Koperasi Contoh Sejahtera", brand="Sejahtera", assets=250_000_000,
        turnover=900_000_000, workforce_total=6, permits=["nib"], size_class="mikro", regency_code="33.74",
        regency_name="Kota Semarang", changed_at=now).on_conflict_do_nothing())
    for i in (1, 2):
        pid = uuid.uuid5(org_id, f"demo-participant-{i}")
        await s.execute(insert(participants).values(
            participant_id=pid, username=f"contoh{i}", full_name=f"Peserta Contoh {i}", birth_date=date(1985, 5, i),
            sex="L" if i == 1 else "P", regency_code="33.74", regency_name="Kota Semarang", changed_at=now
        ).on_conflict_do_nothing())
        await s.execute(insert(business_members).values(business_id=biz, participant_id=pid, position="anggota")
                        .on_conflict_do_nothing())
        await s.execute(insert(enrollments).values(
            id=uuid.uuid5(org_id, f"demo-enrollment-{i}"), training_id=training_id, participant_id=pid,
            business_id=biz, status="verified", submitted_at=now, verified_at=now, updated_at=now
        ).on_conflict_do_nothing())
    await s.execute(trainings.update().where(trainings.c.id == training_id).values(seats_taken=2))


async def _online_class(s, training_id: uuid.UUID) -> None:
    if await s.scalar(select(modules.c.id).where(modules.c.training_id == training_id).limit(1)):
        return
    for i, (title, content) in enumerate([
            ("Mengenal Pemasaran Digital", "Apa itu pemasaran digital dan mengapa penting bagi UKM."),
            ("Foto Produk dengan Ponsel", "Cahaya, latar, dan sudut pengambilan gambar produk."),
            ("Berjualan di Marketplace", "Membuka toko, menulis deskripsi produk, dan melayani pembeli.")], 1):
        await s.execute(modules.insert().values(id=uuid.uuid5(training_id, f"m{i}"), training_id=training_id,
                                                position=i, title=title, content=content))
    questions = [("Media sosial yang cocok untuk katalog foto produk adalah...", ["Instagram", "Kalkulator", "Email"], 0),
                 ("Cahaya terbaik untuk foto produk adalah...", ["Lampu kilat langsung", "Cahaya alami", "Gelap"], 1),
                 ("Deskripsi produk sebaiknya...", ["Singkat dan jelas", "Kosong", "Hanya harga"], 0)]
    for i, (text, options, correct) in enumerate(questions, 1):
        await s.execute(quiz_questions.insert().values(id=uuid.uuid5(training_id, f"q{i}"), training_id=training_id,
                                                       position=i, text=text, options=options, correct=correct))


async def seed_demo(settings: Settings) -> None:
    configure_logging("training-seed", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    now = ctx.now()
    today = ctx.today()
    async with ctx.sessionmaker() as s, s.begin():
        for org_no, org_id in enumerate(ORGS):
            for row in _rows(org_id, org_no, today):
                stmt = insert(trainings).values(**row, created_at=now, updated_at=now)
                await s.execute(stmt.on_conflict_do_update(index_elements=["id"],
                                                           set_={k: stmt.excluded[k] for k in MOVING}))
            await _full_training(s, org_id, uuid.uuid5(org_id, "spi"), now)
            await _online_class(s, uuid.uuid5(org_id, "pemasaran-digital"))
        await seed_offices(s)  # the narasumber letters' letterheads
    await engine.dispose()
    log.info("seed_done", trainings=len(PLAN) * len(ORGS))
