"""Demo data: each demo organisation's survey settings, its current SKM period (the guide's questions)
and the previous one, with a few hundred demo answers of every channel so the recap is not empty.

Goes through the aggregates and the unit of work (SurveySubmitted events go to the outbox as for real
answers). Running it again adds nothing to a period that already has answers."""
from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import func, select, update

from balai_platform.logging import configure_logging, get_logger

from .adapters.tables import organisations, responses
from .domain.response import Response
from .domain.response_input import EDUCATION, OCCUPATION, Respondent, ResponseInput
from .main import build_context
from .settings import Settings

log = get_logger("seed")
ORGS = [
    (uuid.UUID("0b0a1a10-0000-4000-8000-000000000001"), dict(
        name="Balatkop UKM Provinsi Jawa Tengah", parent="Dinas Koperasi dan UKM Provinsi Jawa Tengah",
        place="Semarang", signatory_position="Kepala Balatkop UKM Provinsi Jawa Tengah",
        signatory_name="Drs. Bambang Setiawan, M.M.", signatory_nip="19700101 199503 1 001")),
    (uuid.UUID("0b0a1a10-0000-4000-8000-000000000002"), dict(
        name="UPT Pelatihan KUKM Provinsi Jawa Timur", parent="Dinas Koperasi dan UKM Provinsi Jawa Timur",
        place="Surabaya", signatory_position="Kepala UPT Pelatihan Koperasi dan UKM",
        signatory_name="Sri Wahyuni, S.E., M.Si.", signatory_nip="19750505 200003 2 002")),
]
SUGGESTIONS = ["Pelayanan sudah baik, pertahankan.", "Mohon informasi jadwal pelatihan diumumkan lebih awal.",
               "Ruang kelas agak panas, mohon AC diperbaiki.", "Petugas ramah dan membantu.",
               "Prosedur pendaftaran online perlu disederhanakan.", "Sediakan kotak pengaduan di lobi."]
NAMES = ["Siti Aminah", "Budi Santoso", "Dewi Lestari", "Agus Salim", "Rina Marlina", "Joko Susilo"]


def demo_answer(rng: random.Random, bias: int) -> ResponseInput:
    anonymous = rng.random() < 0.3
    who = Respondent() if anonymous else Respondent(
        name=rng.choice(NAMES), age=rng.randint(19, 62), sex=rng.choice("LP"),
        education=rng.choice(EDUCATION), occupation=rng.choice(OCCUPATION))
    perf = tuple(max(1, min(4, rng.choice((2, 3, 3, 4, 4)) - (1 if i == bias and rng.random() < 0.5 else 0)))
                 for i in range(9))
    imp = tuple(rng.choice((3, 4, 4)) for _ in range(9))
    return ResponseInput(who, anonymous, perf, imp, rng.choice(SUGGESTIONS) if rng.random() < 0.25 else "")


async def seed_demo(settings: Settings, count: int = 300) -> None:
    configure_logging("survey-seed", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    today = ctx.clock.today()
    for k, (org_id, values) in enumerate(ORGS):
        rng = random.Random(k)
        async with ctx.uow() as uow:
            await uow.periods.ensure_org(org_id, values["name"])
            await uow.session.execute(update(organisations).where(organisations.c.org_id == org_id).values(**values))
            current = await uow.periods.current(org_id, today)
            previous = await uow.periods.current(org_id, current.start - timedelta(days=1))
            for period, n, bias in ((previous, count // 2, 4), (current, count, 2)):
                have = await uow.session.scalar(select(func.count()).where(responses.c.period_id == period.id))
                if have:
                    continue
                last = min(period.end, today)
                days = max(1, (last - period.start).days)
                items = []
                for i in range(n):
                    day = period.start + timedelta(days=rng.randrange(days))
                    at = datetime.combine(day, time(2 + i % 8, i % 60), tzinfo=UTC)
                    channel = rng.choice(("online", "link", "link", "paper"))
                    items.append(Response.submit(
                        org_id=org_id, period_id=period.id, period_start=period.start, period_end=period.end,
                        channel=channel, answers=demo_answer(rng, bias), at=at))
                await uow.responses.add_many(items)
            await uow.commit()
        log.info("survey_seeded", org=values["name"])
    await engine.dispose()
