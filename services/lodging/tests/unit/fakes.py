"""In-memory fakes for lodging's service-layer unit tests: stays in a dict, a dormitory of rooms
whose taken beds come from the stored stays, the exclusion constraint checked on save."""
from __future__ import annotations

import contextlib
import copy
import uuid
from datetime import UTC, date, datetime
from types import SimpleNamespace

from balai_platform.auth import Claims
from balai_platform.clock import Clock
from balai_platform.testing import FakeUnitOfWork, FrozenClock
from lodging.domain.assignment import Occupant, RoomSnapshot
from lodging.domain.errors import BedTaken, NotFound
from lodging.domain.stay import Stay
from lodging.settings import Settings

ORG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
OTHER_ORG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000002")
AT = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class FakeStays:
    def __init__(self, uow: FakeLodgingUow) -> None:
        self.uow = uow
        self.rows: dict[uuid.UUID, Stay] = uow.shared["stays"]

    async def get(self, stay_id: uuid.UUID, *, lock: bool = False) -> Stay:
        if stay_id not in self.rows:
            raise NotFound("Data menginap tidak ditemukan")
        return self.uow.track(copy.deepcopy(self.rows[stay_id]))

    async def by_enrollment(self, enrollment_id: uuid.UUID, *, lock: bool = False) -> Stay | None:
        for stay in self.rows.values():
            if stay.guest.enrollment_id == enrollment_id:
                return await self.get(stay.id)
        return None

    async def add(self, stay: Stay) -> bool:
        if any(s.guest.enrollment_id == stay.guest.enrollment_id for s in self.rows.values()):
            return False
        self.uow.track(stay)
        await self.save(stay)
        return True

    async def save(self, stay: Stay) -> None:
        if stay.bed is not None and stay.held is not None:
            for other in self.rows.values():
                if (other.id != stay.id and other.bed is not None and other.held is not None
                        and other.bed.bed_id == stay.bed.bed_id and _overlap(other.held, stay.held)):
                    raise BedTaken()
        stored = copy.deepcopy(stay)
        stored.pull_events()
        self.rows[stay.id] = stored

    async def oldest_waiting(self, org_id: uuid.UUID, limit: int = 500) -> list[uuid.UUID]:
        waiting = [s for s in self.rows.values() if s.guest.org_id == org_id and s.status == "waiting"]
        ordered = sorted(waiting, key=lambda s: s.waiting_since)[:limit]
        return [(s.id, (s.guest.sex, s.guest.first_night, s.guest.last_night)) for s in ordered]


class FakeDormitory:
    def __init__(self, uow: FakeLodgingUow) -> None:
        self.uow = uow
        self.rooms: list[dict] = uow.shared["rooms"]
        self.evening = uow.shared.setdefault("evening", False)

    async def snapshot(self, org_id, sex, first, end) -> list[RoomSnapshot]:
        out = []
        for r in self.rooms:
            if r["org_id"] != org_id or r["sex"] != sex:
                continue
            snap = RoomSnapshot(room_id=r["room_id"], code=r["code"], floor=r["floor"], building_name=r["building"],
                                sex=sex, closed=r.get("closed", False), beds=list(r["beds"]))
            ids = {b[0] for b in r["beds"]}
            for s in self.uow.shared["stays"].values():
                if s.bed and s.held and s.bed.bed_id in ids and _overlap(s.held, (first, end)):
                    snap.taken.add(s.bed.bed_id)
                    snap.occupants.append(Occupant(s.guest.training_id, s.guest.business_id))
            out.append(snap)
        return out

    async def hold_room_open(self, room_id, sex, first, end) -> bool:
        return any(r["room_id"] == room_id and r["sex"] == sex and not r.get("closed") for r in self.rooms)

    async def arrive_evening_before(self, org_id) -> bool:
        return self.uow.shared["evening"]

    async def bed(self, bed_id):
        for r in self.rooms:
            for bid, label in r["beds"]:
                if bid == bed_id:
                    return SimpleNamespace(bed_id=bid, bed_label=label, room_id=r["room_id"], room_code=r["code"],
                                           floor=r["floor"], building_name=r["building"], org_id=r["org_id"],
                                           sex=r["sex"], closed_from=None, closed_until=None)
        return None


class FakeLodgingUow(FakeUnitOfWork):
    def __init__(self, shared: dict) -> None:
        super().__init__()
        self.shared = shared
        self.locks = 0

    async def __aenter__(self):
        await super().__aenter__()
        self.stays = FakeStays(self)
        self.dormitory = FakeDormitory(self)
        return self

    async def lock_waiting_list(self, org_id) -> None:
        self.locks += 1

    def savepoint(self):
        return contextlib.AsyncExitStack()



class FakeContext:
    def __init__(self) -> None:
        self.shared: dict = {"stays": {}, "rooms": []}
        self.unit = FakeLodgingUow(self.shared)
        self.settings = Settings()
        self.clock = Clock(FrozenClock(AT))

    def uow(self, session=None) -> FakeLodgingUow:
        return self.unit

    def add_room(self, code: str, sex: str = "L", beds: int = 2, org: uuid.UUID = ORG, floor: int = 1) -> dict:
        room = dict(room_id=uuid.uuid4(), org_id=org, code=code, sex=sex, floor=floor, building="Wisma Melati",
                    beds=[(uuid.uuid4(), chr(65 + i)) for i in range(beds)])
        self.shared["rooms"].append(room)
        return room


def claims(role: str = "peserta", org: uuid.UUID | None = None, sub: uuid.UUID | None = None) -> Claims:
    return Claims(sub=str(sub or uuid.uuid4()), role=role, username="u", org=str(org) if org else None, exp=0)
