"""Demo data: each demo organisation's dormitory (two buildings, rooms for men and women).

Ids are stable, so re-running changes nothing. Guests who confirmed before the rooms existed (the
stack seeds training before lodging) get their beds at once: adding rooms serves the waiting list."""
from __future__ import annotations

import uuid

from sqlalchemy.dialects.postgresql import insert

from balai_platform.logging import configure_logging, get_logger

from .adapters.tables import buildings, rooms
from .main import build_context
from .service.placing import serve_waiting_list
from .settings import Settings

log = get_logger("seed")
ORGS = [uuid.UUID("0b0a1a10-0000-4000-8000-000000000001"), uuid.UUID("0b0a1a10-0000-4000-8000-000000000002")]
# building, sex, [(code, floor, beds, accessible, facilities)]
PLAN = [
    ("Wisma Melati", "L", [("K01", 1, 4, True, ["ac", "kamar_mandi_dalam"]), ("K02", 1, 4, False, ["ac"]),
                           ("K03", 2, 4, False, ["kipas"]), ("K04", 2, 4, False, ["kipas", "lemari"]),
                           ("K05", 2, 2, False, ["ac", "kamar_mandi_dalam", "meja_belajar"])]),
    ("Wisma Mawar", "P", [("M-101", 1, 4, True, ["ac", "kamar_mandi_dalam"]), ("M-102", 1, 4, False, ["ac"]),
                          ("M-201", 2, 4, False, ["kipas", "lemari"]), ("M-202", 2, 2, False, ["ac", "air_panas"])]),
]


async def seed_demo(settings: Settings) -> None:
    configure_logging("lodging-seed", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    placed = 0
    for org_id in ORGS:
        async with ctx.uow() as uow:
            s = uow.session
            await uow.lock_waiting_list(org_id)
            for name, sex, room_plan in PLAN:
                building_id = uuid.uuid5(org_id, f"building-{name}")
                await s.execute(insert(buildings).values(id=building_id, org_id=org_id, name=name,
                                                         notes="Asrama peserta pelatihan").on_conflict_do_nothing())
                for code, floor, beds, accessible, facilities in room_plan:
                    room_id = uuid.uuid5(org_id, f"room-{name}-{code}")
                    await s.execute(insert(rooms).values(
                        id=room_id, org_id=org_id, building_id=building_id, code=code, floor=floor, beds=beds,
                        sex=sex, accessible=accessible, facilities=facilities, notes="").on_conflict_do_nothing())
                    await uow.dormitory.set_beds(room_id, beds)
            placed += await serve_waiting_list(uow, org_id, ctx.clock.now())
            await uow.commit()
    await engine.dispose()
    log.info("seed_done", organisations=len(ORGS), placed=placed)
