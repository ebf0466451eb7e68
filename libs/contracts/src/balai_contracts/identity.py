"""Events published by the identity service. Never carries NIK or KK."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar, Literal

from pydantic import Field

from .envelope import EventData
from .topics import IDENTITY_PARTICIPANT


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
