"""Events published by the lodging service (dormitory stays). Subject/key: stay_id."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from .envelope import EventData
from .topics import LODGING_STAY


class _StayData(EventData):
    """Fields every stay event carries, so consumers need not call back."""

    topic: ClassVar[str] = LODGING_STAY
    stay_id: uuid.UUID = Field(description="Stay id; the event subject and Kafka key")
    org_id: uuid.UUID = Field(description="Organisation (balai/UPT) owning the dormitory")
    enrollment_id: uuid.UUID = Field(description="Enrollment the stay belongs to")
    training_id: uuid.UUID = Field(description="Training (jadwal) id")
    training_title: str = Field(description="Judul pelatihan")
    participant_id: uuid.UUID = Field(description="Participant (account) id")
    first_night: date = Field(description="First night of the stay (WIB date)")
    last_night: date = Field(description="Last night of the stay (WIB date, inclusive)")


class _RoomData(_StayData):
    building_name: str = Field(description="Wisma/gedung, e.g. 'Wisma Melati'")
    room_id: uuid.UUID = Field(description="Room id")
    room_code: str = Field(description="Room code, e.g. 'K01' or 'M-204'")
    floor: int = Field(description="Lantai")
    bed_id: uuid.UUID = Field(description="Bed id")
    bed_label: str = Field(description="Bed label within the room, e.g. 'A'")


class RoomAssignedV1(_RoomData):
    """A bed was assigned to the participant for the nights of the training (automatically or by an admin)."""

    event_type: ClassVar[str] = "RoomAssigned"
    reassigned: bool = Field(description="True when this replaces an earlier bed of the same stay")
    assigned_at: datetime = Field(description="UTC time of the assignment")


class RoomWaitlistedV1(_StayData):
    """No bed was free: the stay waits for a room and the admin sees it at the top of the board."""

    event_type: ClassVar[str] = "RoomWaitlisted"
    waitlisted_at: datetime = Field(description="UTC time the stay started waiting")


class RoomReleasedV1(_StayData):
    """The stay ended before use (enrollment cancelled or rejected, or released by an admin)."""

    event_type: ClassVar[str] = "RoomReleased"
    reason: str = Field(description="Why: cancelled, rejected or released by admin")
    released_at: datetime = Field(description="UTC time of the release")


class CheckedInV1(_RoomData):
    """The participant (or the front desk) confirmed check-in ("Konfirmasi Check In Kamar" → Proses)."""

    event_type: ClassVar[str] = "CheckedIn"
    by_front_desk: bool = Field(description="True when the front desk checked the guest in")
    checked_in_at: datetime = Field(description="UTC time of check-in")


class CheckedOutV1(_RoomData):
    """The guest left; the bed is free for the remaining nights."""

    event_type: ClassVar[str] = "CheckedOut"
    by_front_desk: bool = Field(description="True when the front desk checked the guest out")
    checked_out_at: datetime = Field(description="UTC time of check-out")
