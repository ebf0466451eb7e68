"""Placing guests in beds: a new stay, the waiting list served when beds free up, an admin's move.

The assignment rules choose from a snapshot; the exclusion constraint decides. When another replica
took the chosen bed meanwhile, the save fails inside a savepoint and the next choice is tried. The
chosen room is share-locked while open, so closing or changing it (FOR UPDATE) cannot cross a placement.
"""
from __future__ import annotations

import uuid
from datetime import datetime

from balai_platform.logging import get_logger

from ..adapters.uow import LodgingUnitOfWork
from ..domain.assignment import choose_bed
from ..domain.errors import BedTaken
from ..domain.stay import WAITING, Stay

log = get_logger("placing")


class _RoomChanged(Exception):
    """The chosen room was closed or changed after the snapshot."""


async def place(uow: LodgingUnitOfWork, stay: Stay, at: datetime, *, max_attempts: int = 30) -> bool:
    """Give `stay` the best free bed for all its nights; False when none is free (state unchanged)."""
    g = stay.guest
    first, end = stay.nights
    exclude: set[uuid.UUID] = set()
    for _ in range(max_attempts):
        rooms = await uow.dormitory.snapshot(g.org_id, g.sex, first, end)
        bed = choose_bed(rooms, sex=g.sex, training_id=g.training_id, business_id=g.business_id, exclude=exclude)
        if bed is None:
            return False
        try:
            # one savepoint: a refused bed also drops the room's share lock (no lock kept while waiting)
            async with uow.savepoint():
                if not await uow.dormitory.hold_room_open(bed.room_id, g.sex, first, end):
                    raise _RoomChanged()
                stay.assign(bed, at)
                try:
                    await uow.stays.save(stay)
                except BedTaken:
                    stay.revert_assign()
                    raise
            return True
        except BedTaken:
            exclude.add(bed.bed_id)
            log.info("bed_taken_meanwhile", stay_id=str(stay.id), bed_id=str(bed.bed_id))
        except _RoomChanged:
            exclude.add(bed.bed_id)  # closed or changed meanwhile: the next snapshot no longer offers it
    raise BedTaken()


async def place_or_wait(uow: LodgingUnitOfWork, stay: Stay, at: datetime, *, max_attempts: int = 30) -> bool:
    """Place the stay, else put it on the waiting list; under the organisation's waiting-list lock
    the second look sees every bed freed by a transaction that served the list before us."""
    if await place(uow, stay, at, max_attempts=max_attempts):
        return True
    await uow.lock_waiting_list(stay.guest.org_id)
    if await place(uow, stay, at, max_attempts=max_attempts):
        return True
    stay.wait(at)
    await uow.stays.save(stay)
    return False


async def serve_waiting_list(uow: LodgingUnitOfWork, org_id: uuid.UUID, at: datetime, *,
                             batch: int = 500) -> int:
    """Beds freed or added: the waiting stays of the organisation, oldest first, get the ones that
    fit their nights. Returns how many were placed."""
    await uow.lock_waiting_list(org_id)
    placed = 0
    full: set[tuple] = set()  # (sex, nights) known to have no bed: skip the next ones without a query
    for stay_id, key in await uow.stays.oldest_waiting(org_id, batch):
        if key in full:
            continue
        stay = await uow.stays.get(stay_id, lock=True)
        if stay.status != WAITING:
            continue
        if await place(uow, stay, at):
            placed += 1
        else:
            full.add(key)
    if placed:
        log.info("waiting_list_served", org_id=str(org_id), placed=placed)
    return placed
