"""Demo data: two organisations, their admins, a superadmin and one participant."""
from __future__ import annotations

import uuid

from sqlalchemy import select

from balai_platform.logging import configure_logging, get_logger

from .adapters.security import hash_password
from .adapters.tables import accounts, organisations
from .domain.service_standards import validate_deadlines, validate_services
from .main import build_context
from .seed_standards import DEMO_APPS, demo_services
from .service.errors import InvalidInput
from .service.registration import register_participant
from .settings import Settings

log = get_logger("seed")
ORGS = [
    (uuid.UUID("0b0a1a10-0000-4000-8000-000000000001"), "balatkop-jateng", "Balatkop UKM Provinsi Jawa Tengah"),
    (uuid.UUID("0b0a1a10-0000-4000-8000-000000000002"), "upt-kukm-jatim", "UPT Pelatihan KUKM Provinsi Jawa Timur"),
]


def demo_photo() -> bytes:
    """A small blue-background portrait placeholder (PNG)."""
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGB", (240, 320), (30, 90, 200))
    ImageDraw.Draw(img).ellipse((70, 60, 170, 170), fill=(240, 200, 160))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


async def _ensure_account(s, username: str, role: str, org_id, full_name: str, pw_hash: str) -> None:
    if await s.scalar(select(accounts.c.id).where(accounts.c.username == username)):
        return
    await s.execute(accounts.insert().values(id=uuid.uuid4(), username=username, role=role, org_id=org_id,
                                             full_name=full_name, password_hash=pw_hash))


async def seed_demo(settings: Settings, admin_username: str, admin_password: str) -> None:
    configure_logging("identity-seed", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    pw_hash = await hash_password(admin_password)
    async with ctx.sessionmaker() as s, s.begin():
        for org_id, code, name in ORGS:
            if not await s.scalar(select(organisations.c.id).where(organisations.c.id == org_id)):
                await s.execute(organisations.insert().values(id=org_id, code=code, name=name))
        await _ensure_account(s, admin_username, "superadmin", None, "Super Admin Balai", pw_hash)
        await _ensure_account(s, "admin.jateng", "admin", ORGS[0][0], "Petugas Balatkop Jateng", pw_hash)
        await _ensure_account(s, "admin.jatim", "admin", ORGS[1][0], "Petugas UPT KUKM Jatim", pw_hash)
    demo = dict(full_name="Rossy Contoh Peserta", nik="3374015507920003", kk="3374010101010001",
                phone="081234567890", birth_place="Semarang", birth_date="1992-07-15",
                regency_code="33.74", district_code="33.74.01", village_code="33.74.01.1001",
                address="Jl. Pemuda No. 1, Semarang", marital_status="belum_menikah", npwp="",
                username="rossy", password=admin_password, password_confirm=admin_password)
    for org_id, code, _ in ORGS:  # published once; an admin's later edits are kept
        async with ctx.uow() as uow:
            std = await uow.service_standards.get(org_id, lock=True)
            if std.version == 0:
                std.publish(validate_services(demo_services(DEMO_APPS[code])), validate_deadlines({}), ctx.now())
                await uow.service_standards.save(std)
            await uow.commit()
    try:
        await register_participant(ctx, demo, demo_photo())
    except InvalidInput as exc:
        log.info("seed_participant_skipped", fields=sorted(exc.errors))
    await engine.dispose()
    log.info("seed_done")
