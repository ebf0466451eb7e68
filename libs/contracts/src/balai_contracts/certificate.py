"""Events published by the certificate service. Subject/key: certificate_id."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from .envelope import EventData
from .topics import CERTIFICATE


class _CertificateData(EventData):
    topic: ClassVar[str] = CERTIFICATE
    certificate_id: uuid.UUID = Field(description="Certificate id; the event subject and Kafka key")
    org_id: uuid.UUID = Field(description="Issuing organisation (balai/UPT)")
    enrollment_id: uuid.UUID = Field(description="Enrollment the certificate was issued for")
    training_id: uuid.UUID = Field(description="Training (jadwal) id")
    participant_id: uuid.UUID = Field(description="Holder (participant account) id")
    number: str = Field(description="Nomor sertifikat, e.g. '007/BALATKOP-UKM/VI/2024'")


class CertificateIssuedV1(_CertificateData):
    """A signed e-certificate was issued once for a completed enrollment."""

    event_type: ClassVar[str] = "CertificateIssued"
    holder_name: str = Field(description="Name on the certificate")
    training_title: str = Field(description="Judul pelatihan with batch")
    verification_url: str = Field(description="Public verification page (also in the QR code)")
    sha256: str = Field(description="SHA-256 (hex) of the signed PDF as stored")
    replaces: uuid.UUID | None = Field(description="Certificate this one replaces after a correction, if any")
    issued_on: date = Field(description="Date of issue (WIB)")
    issued_at: datetime = Field(description="UTC time of issue")


class CertificateRevokedV1(_CertificateData):
    """The certificate is no longer valid; the public page says 'dicabut' with the reason."""

    event_type: ClassVar[str] = "CertificateRevoked"
    reason: str = Field(description="Alasan pencabutan")
    replaced_by: uuid.UUID | None = Field(description="The corrected certificate that replaces it, if any")
    revoked_at: datetime = Field(description="UTC time of revocation")
