"""Events published by the identity service. Never carries NIK or KK."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from .envelope import EventData
from .topics import IDENTITY_ORGANISATION, IDENTITY_PARTICIPANT


class _ParticipantData(EventData):
    topic: ClassVar[str] = IDENTITY_PARTICIPANT
    participant_id: uuid.UUID = Field(description="Participant (account) id; the event subject")
    username: str = Field(description="Login name")
    full_name: str = Field(description="Nama lengkap")
    birth_date: date = Field(description="Tanggal lahir (for age requirements)")
    sex: Literal["L", "P"] = Field(description="Jenis kelamin derived from the NIK: L (laki-laki) or P (perempuan)")
    province_code: str = Field(description="Kemendagri province code, e.g. 33")
    regency_code: str = Field(description="Kemendagri kota/kabupaten code, e.g. 33.74")
    district_code: str = Field(description="Kemendagri kecamatan code, e.g. 33.74.01")
    village_code: str = Field(description="Kemendagri kelurahan/desa code, e.g. 33.74.01.1001")
    regency_name: str = Field(description="Kota/kabupaten name, e.g. Kota Semarang")
    phone_wa: str = Field(description="Phone in WhatsApp form, e.g. 6281234567890")


class ParticipantRegisteredV1(_ParticipantData):
    """A participant created an account."""

    event_type: ClassVar[str] = "ParticipantRegistered"
    registered_at: datetime = Field(description="UTC time of registration")


class ParticipantUpdatedV1(_ParticipantData):
    """A participant changed profile data other services keep a copy of."""

    event_type: ClassVar[str] = "ParticipantUpdated"
    updated_at: datetime = Field(description="UTC time of the change")


# --- Standar Pelayanan (PermenPAN-RB 15/2014): the time limits other services' overdue lists use ---

DEADLINE_ENROLLMENT_VERIFICATION = "enrollment_verification"
"""Verifikasi pendaftaran pelatihan (training's Verifikasi queue). Default 3 working days."""
DEADLINE_CONSULTATION_ANSWER = "consultation_first_answer"
"""First answer to a post-training consultation (training). Default 3 working hours."""
DEADLINE_COMPLAINT_VERIFICATION = "complaint_verification"
"""Verification of a complaint (pengaduan, survey). Default 3 working days."""
DEADLINE_COMPLAINT_FOLLOW_UP = "complaint_follow_up"
"""Answer with follow-up of a verified complaint (survey). Default 5 working days."""

DEFAULT_DEADLINES: dict[str, tuple[int, str]] = {
    DEADLINE_ENROLLMENT_VERIFICATION: (3, "working_days"),
    DEADLINE_CONSULTATION_ANSWER: (3, "working_hours"),
    DEADLINE_COMPLAINT_VERIFICATION: (3, "working_days"),
    DEADLINE_COMPLAINT_FOLLOW_UP: (5, "working_days"),
}
"""What a service uses for an organisation that has published no standard yet."""


class ServiceDeadline(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    key: str = Field(description="Which deadline: enrollment_verification, consultation_first_answer, "
                                 "complaint_verification or complaint_follow_up (unknown keys are ignored)")
    amount: int = Field(ge=1, description="How many units")
    unit: Literal["working_days", "working_hours"] = Field(
        description="Indonesian working days (Mon-Fri, national holidays excluded) or working hours "
                    "(08:00-16:00 WIB on working days)")


class ServiceStandardsPublishedV1(EventData):
    """An organisation's admin saved its Standar Pelayanan; carries the time limits other services
    enforce. The latest event per organisation is the whole current state (the topic is compacted)."""

    topic: ClassVar[str] = IDENTITY_ORGANISATION
    event_type: ClassVar[str] = "ServiceStandardsPublished"
    org_id: uuid.UUID = Field(description="Organisation id; the event subject")
    org_code: str = Field(description="Organisation code, e.g. jateng")
    deadlines: list[ServiceDeadline] = Field(description="Every time limit of the organisation's standards")
    published_at: datetime = Field(description="UTC time of the change")
