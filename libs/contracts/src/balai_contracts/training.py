"""Events published by the training service (the service itself is being built; until it
exists, tests publish these on their documented topic)."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar, Literal

from pydantic import Field

from .envelope import EventData
from .topics import TRAINING_ENROLLMENT


class AttendanceConfirmedV1(EventData):
    """A verified participant confirmed attendance ("Konfirmasi Pelatihan") with a blue-background photo.

    Subject/key: enrollment_id. The gallery publishes the business's products; lodging assigns a
    room when `residential` is true."""

    event_type: ClassVar[str] = "AttendanceConfirmed"
    topic: ClassVar[str] = TRAINING_ENROLLMENT
    enrollment_id: uuid.UUID = Field(description="Enrollment id; the event subject")
    org_id: uuid.UUID = Field(description="Organisation (balai/UPT) running the training")
    training_id: uuid.UUID = Field(description="Training (jadwal) id")
    training_title: str = Field(description="Judul pelatihan, with batch, e.g. 'Koperasi Modern Angkatan 2'")
    start_date: date = Field(description="First day of the training")
    end_date: date = Field(description="Last day of the training")
    mode: Literal["residential", "regional", "online"] = Field(
        description="residential at the balai / di daerah / online asynchronous class")
    residential: bool = Field(description="True when the participant stays in the balai's dorm")
    participant_id: uuid.UUID = Field(description="Participant (account) id")
    participant_name: str = Field(description="Nama lengkap")
    sex: Literal["L", "P"] = Field(description="L or P, for dorm room assignment")
    business_id: uuid.UUID = Field(description="The UKM/Koperasi the participant brings to the training")
    business_name: str = Field(description="Nama usaha")
    confirmed_at: datetime = Field(description="UTC time of the confirmation")
