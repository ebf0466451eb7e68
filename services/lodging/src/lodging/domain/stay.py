"""The Stay aggregate: one participant in one bed for a range of nights.

Concurrency (held in the database, not here): `stays.enrollment_id` is unique, so one enrollment
has one stay however often AttendanceConfirmed arrives; `EXCLUDE USING gist (bed_id WITH =,
held WITH &&)` makes two stays holding one bed on one night impossible. `held` is the range of
nights a stay holds its bed (NULL while waiting or after a release); a save that would break the
constraint fails and the caller picks another bed. Putting a stay on the waiting list and serving
that list run under a per-organisation advisory transaction lock, so a bed freed at that moment is
never left empty; a placement share-locks its open room, so closing or changing the room waits.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from balai_contracts.lodging import (
    CheckedInV1,
    CheckedOutV1,
    RoomAssignedV1,
    RoomReleasedV1,
    RoomWaitlistedV1,
)
from balai_platform.aggregate import Aggregate

from .errors import Conflict, Forbidden, InvalidInput

WAITING, ASSIGNED, CHECKED_IN, CHECKED_OUT, RELEASED = "waiting", "assigned", "checked_in", "checked_out", "released"
LABELS = {WAITING: "Menunggu kamar", ASSIGNED: "Sudah dapat kamar", CHECKED_IN: "Sudah check-in",
          CHECKED_OUT: "Sudah check-out", RELEASED: "Dilepas"}
HOLDING = (ASSIGNED, CHECKED_IN, CHECKED_OUT)
MAX_NEED = 300


@dataclass(frozen=True)
class Bed:
    """Where a stay sleeps: what RoomAssigned, CheckedIn and CheckedOut tell the world."""

    bed_id: uuid.UUID
    bed_label: str
    room_id: uuid.UUID
    room_code: str
    floor: int
    building_name: str


@dataclass(frozen=True)
class Guest:
    """The facts of an AttendanceConfirmed a stay starts from."""

    enrollment_id: uuid.UUID
    org_id: uuid.UUID
    training_id: uuid.UUID
    training_title: str
    participant_id: uuid.UUID
    participant_name: str
    sex: str
    business_id: uuid.UUID
    first_night: date
    last_night: date


def nights_of(start: date, end: date, *, arrive_evening_before: bool) -> tuple[date, date]:
    """First and last night (inclusive) for a training from `start` to `end`."""
    return (start - timedelta(days=1) if arrive_evening_before else start), max(end, start)


@dataclass(eq=False)
class Stay(Aggregate):
    id: uuid.UUID
    guest: Guest
    status: str
    created_at: datetime
    bed: Bed | None = None
    held: tuple[date, date] | None = None  # [from, to) nights holding the bed
    waiting_since: datetime | None = None
    checked_in_at: datetime | None = None
    checked_out_at: datetime | None = None
    need: str = ""
    history: list[str] = field(default_factory=list)

    @classmethod
    def start(cls, guest: Guest, at: datetime, stay_id: uuid.UUID | None = None) -> Stay:
        """A new stay, not yet placed (the caller assigns a bed or puts it on the waiting list)."""
        return cls(id=stay_id or uuid.uuid4(), guest=guest, status=WAITING, created_at=at, waiting_since=at)

    @property
    def nights(self) -> tuple[date, date]:
        return self.guest.first_night, self.guest.last_night + timedelta(days=1)

    def assign(self, bed: Bed, at: datetime) -> None:
        """Put the stay in `bed` for all its nights (first time, from the waiting list, or moved)."""
        if self.status not in (WAITING, ASSIGNED, CHECKED_IN):
            raise Conflict("Status menginap tidak dapat dipindahkan kamar")
        reassigned = self.bed is not None
        self.__dict__["_before_assign"] = (self.bed, self.held, self.status, self.waiting_since)
        self.bed, self.held = bed, self.nights
        if self.status == WAITING:
            self.status, self.waiting_since = ASSIGNED, None
        self.record(RoomAssignedV1(reassigned=reassigned, assigned_at=at, **self._room_fields()))

    def revert_assign(self) -> None:
        """The database refused the bed (someone took it meanwhile): back to before `assign`, event dropped."""
        self.bed, self.held, self.status, self.waiting_since = self.__dict__.pop("_before_assign")
        pending = self.__dict__.get("_pending_events", [])
        if pending and isinstance(pending[-1][1], RoomAssignedV1):
            pending.pop()

    def wait(self, at: datetime) -> None:
        """No bed is free: the stay waits for a room (oldest first)."""
        self.status, self.bed, self.held, self.waiting_since = WAITING, None, None, at
        self.record(RoomWaitlistedV1(waitlisted_at=at, **self._stay_fields()))

    def release(self, reason: str, at: datetime) -> bool:
        """Free the bed (or leave the waiting list); False when there was nothing to release."""
        if self.status in (RELEASED, CHECKED_OUT):
            return False
        self.status, self.bed, self.held, self.waiting_since = RELEASED, None, None, None
        self.record(RoomReleasedV1(reason=reason, released_at=at, **self._stay_fields()))
        return True

    def check_in(self, today: date, at: datetime, *, by_front_desk: bool) -> None:
        """Confirm check-in; a participant only from the first night until the last (WIB)."""
        if self.status == CHECKED_IN:
            raise Conflict("Anda sudah check-in di kamar ini")
        if self.status != ASSIGNED or self.bed is None:
            raise Conflict("Belum ada kamar yang dapat di-check-in")
        if not by_front_desk and not (self.guest.first_night <= today <= self.guest.last_night):
            raise Conflict(f"Check-in hanya dapat dilakukan mulai {self.guest.first_night:%d-%m-%Y} "
                           f"sampai {self.guest.last_night:%d-%m-%Y}")
        self.status, self.checked_in_at = CHECKED_IN, at
        self.record(CheckedInV1(by_front_desk=by_front_desk, checked_in_at=at, **self._room_fields()))

    def check_out(self, today: date, at: datetime, *, by_front_desk: bool) -> None:
        """The guest leaves: the bed stays held only for the nights already slept."""
        if self.status != CHECKED_IN or self.bed is None:
            raise Conflict("Check-out hanya untuk tamu yang sudah check-in")
        first, end = self.nights
        self.held = (first, max(first, min(end, today)))
        self.status, self.checked_out_at = CHECKED_OUT, at
        self.record(CheckedOutV1(by_front_desk=by_front_desk, checked_out_at=at, **self._room_fields()))

    def note_need(self, text: str) -> None:
        """The participant notes a need (e.g. an accessible room) the admin sees on the board."""
        text = " ".join(text.split())
        if len(text) > MAX_NEED:
            raise InvalidInput({"need": f"Catatan kebutuhan maksimal {MAX_NEED} karakter"})
        self.need = text

    def ensure_owner(self, participant_id: uuid.UUID) -> None:
        if self.guest.participant_id != participant_id:
            raise Forbidden("Data menginap ini bukan milik Anda")

    def _stay_fields(self) -> dict:
        g = self.guest
        return dict(stay_id=self.id, org_id=g.org_id, enrollment_id=g.enrollment_id, training_id=g.training_id,
                    training_title=g.training_title, participant_id=g.participant_id,
                    first_night=g.first_night, last_night=g.last_night)

    def _room_fields(self) -> dict:
        assert self.bed is not None
        b = self.bed
        return dict(building_name=b.building_name, room_id=b.room_id, room_code=b.room_code, floor=b.floor,
                    bed_id=b.bed_id, bed_label=b.bed_label, **self._stay_fields())
