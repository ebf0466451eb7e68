"""Request and response schemas of the lodging API."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from balai_platform.responses import PublicModel


class StayPublic(PublicModel):
    """A stay as its participant sees it (roommates by first name only)."""

    stay_id: uuid.UUID
    training_id: uuid.UUID
    training_title: str
    first_night: date
    last_night: date
    status: Literal["waiting", "assigned", "checked_in", "checked_out", "released"]
    status_label: str
    need: str
    building_name: str | None
    room_id: uuid.UUID | None
    room_code: str | None
    floor: int | None
    bed_id: uuid.UUID | None
    bed_label: str | None
    accessible: bool | None
    facilities: list[str]
    checked_in_at: datetime | None
    checked_out_at: datetime | None


class MyStayPublic(StayPublic):
    roommates: list[str]


class MyStays(PublicModel):
    items: list[MyStayPublic]
    today: date


class StayAdmin(StayPublic):
    org_id: uuid.UUID
    enrollment_id: uuid.UUID
    participant_id: uuid.UUID
    participant_name: str
    username: str
    sex: Literal["L", "P"]
    waiting_since: datetime | None


class BedPublic(PublicModel):
    bed_id: uuid.UUID
    label: str
    stays: list[StayAdmin]


class RoomPublic(PublicModel):
    room_id: uuid.UUID
    building_id: uuid.UUID
    building_name: str
    code: str
    floor: int
    sex: Literal["L", "P"]
    accessible: bool
    facilities: list[str]
    notes: str
    closed_from: date | None
    closed_until: date | None
    bed_count: int
    beds: list[BedPublic]


class BuildingPublic(PublicModel):
    building_id: uuid.UUID
    name: str
    notes: str


class BuildingSaved(BuildingPublic):
    org_id: uuid.UUID


class OrganisationPublic(PublicModel):
    org_id: uuid.UUID


class DormitoryPublic(PublicModel):
    org_id: uuid.UUID
    arrive_evening_before: bool
    buildings: list[BuildingPublic]
    rooms: list[RoomPublic]


class BoardPublic(PublicModel):
    org_id: uuid.UUID
    start: date
    end: date
    nights: list[date]
    free_beds: list[int]
    rooms: list[RoomPublic]
    waiting: list[StayAdmin]
    q: str
    training: str


class TrainingRoomList(PublicModel):
    training_id: uuid.UUID
    training_title: str
    items: list[StayAdmin]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NeedIn(_In):
    need: str = Field("", max_length=300)


class ReassignIn(_In):
    bed_id: uuid.UUID


class BuildingIn(_In):
    name: str = Field(max_length=200)
    notes: str = Field("", max_length=1000)


class RoomIn(_In):
    building_id: uuid.UUID
    code: str = Field(max_length=50)
    floor: int = Field(ge=-100, le=100)
    beds: int = Field(ge=-100, le=100)
    sex: str = Field(max_length=2)
    accessible: bool = False
    facilities: list[str] = Field(default_factory=list, max_length=20)
    notes: str = Field("", max_length=1000)


class RoomPatch(RoomIn):
    building_id: uuid.UUID | None = None  # a room stays in its building


class ClosureIn(_In):
    closed_from: date
    closed_until: date


class SettingsIn(_In):
    arrive_evening_before: bool
