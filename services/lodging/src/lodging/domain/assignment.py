"""Choosing a bed for a guest: pure rules over a snapshot of the dormitory for the guest's nights.

Rules, in order: a room of the guest's sex that is not closed on any of the nights; then a room
already holding someone of the same business, then someone of the same training; then an empty
room before a room of other trainings' guests; among equals, the fullest room first (fill rooms
before opening new ones), then building, floor, room code and bed label. The snapshot may be stale
under concurrency: the database's exclusion constraint is the final word and the caller retries
with the next choice (`exclude`).
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from .stay import Bed


@dataclass(frozen=True)
class Occupant:
    training_id: uuid.UUID
    business_id: uuid.UUID


@dataclass
class RoomSnapshot:
    """A room with its beds; `taken` are the beds held on at least one of the nights."""

    room_id: uuid.UUID
    code: str
    floor: int
    building_name: str
    sex: str
    closed: bool
    beds: list[tuple[uuid.UUID, str]]
    taken: set[uuid.UUID] = field(default_factory=set)
    occupants: list[Occupant] = field(default_factory=list)

    def free_beds(self, exclude: set[uuid.UUID]) -> list[tuple[uuid.UUID, str]]:
        return [(bid, label) for bid, label in self.beds if bid not in self.taken and bid not in exclude]


def _rank(room: RoomSnapshot, training_id: uuid.UUID, business_id: uuid.UUID, free: int) -> tuple:
    same_business = any(o.business_id == business_id for o in room.occupants)
    same_training = any(o.training_id == training_id for o in room.occupants)
    # 0: guests of this training here, 1: empty room, 2: only other trainings' guests
    mix = 0 if same_training else (1 if not room.occupants else 2)
    return (not same_business, mix, free, room.building_name, room.floor, room.code)


def choose_bed(rooms: Iterable[RoomSnapshot], *, sex: str, training_id: uuid.UUID, business_id: uuid.UUID,
               exclude: set[uuid.UUID] | None = None) -> Bed | None:
    """The best free bed for the guest, or None when every fitting room is full."""
    exclude = exclude or set()
    best: tuple | None = None
    for room in rooms:
        if room.sex != sex or room.closed:
            continue
        free = room.free_beds(exclude)
        if not free:
            continue
        bed_id, label = min(free, key=lambda b: b[1])
        key = (_rank(room, training_id, business_id, len(free)), label)
        if best is None or key < best[0]:
            best = (key, Bed(bed_id=bed_id, bed_label=label, room_id=room.room_id, room_code=room.code,
                             floor=room.floor, building_name=room.building_name))
    return None if best is None else best[1]
