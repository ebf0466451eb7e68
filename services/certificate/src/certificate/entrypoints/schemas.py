"""Response schemas of the certificate API."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from balai_platform.responses import PublicModel


class CertificateListItem(PublicModel):
    id: uuid.UUID
    code: str
    number: str | None
    org_id: uuid.UUID
    training_id: uuid.UUID
    participant_id: uuid.UUID
    holder_name: str
    training_title: str
    start_date: date
    end_date: date
    hours: int
    status: Literal["pending", "issued", "revoked"]
    issued_on: date
    issued_at: datetime | None
    revoked_at: datetime | None
    revoke_reason: str | None
    replaces: uuid.UUID | None
    replaced_by: uuid.UUID | None
    verification_url: str


class MyCertificate(CertificateListItem):
    skm_required: bool


class MyCertificates(PublicModel):
    items: list[MyCertificate]


class TrainingSummary(PublicModel):
    training_id: uuid.UUID
    training_title: str
    count: int
    skm_required: bool


class AdminCertificates(PublicModel):
    items: list[CertificateListItem]
    total: int
    page: int
    per_page: int
    trainings: list[TrainingSummary]


class VerificationPublic(PublicModel):
    code: str
    number: str | None
    holder_name: str
    training_title: str
    start_date: date
    end_date: date
    hours: int
    issued_on: date
    issuer: str
    status: Literal["valid", "dicabut", "diproses"]
    revoked_at: datetime | None
    revoke_reason: str | None
    sha256: str | None
    replaced_by_code: str | None
    verification_url: str


class UploadCheckPublic(PublicModel):
    code: str
    status: Literal["valid", "dicabut", "diproses"]
    match: bool
    result: Literal["cocok", "tidak cocok"]


class RevokedPublic(PublicModel):
    id: uuid.UUID
    status: str
    number: str | None
    revoked_at: datetime | None
    revoke_reason: str | None


class ReissuedPublic(PublicModel):
    id: uuid.UUID
    number: str | None
    status: str
    replaces: uuid.UUID


class TrainingSettingPublic(PublicModel):
    training_id: uuid.UUID
    skm_required: bool


class BadgePublic(PublicModel):
    jwt: str
    credential: dict


class JsonDocument(PublicModel):
    """A JSON document published as is (did:web document, JWKS)."""


class TemplatePublic(PublicModel):
    org_id: uuid.UUID
    kind: str
    kinds: list[str]
    has_logo: bool
    org_code: str
    number_format: str
    org_name: str
    org_parent: str
    place: str
    heading: str
    intro: str
    body: str
    closing: str
    signatory_position: str
    signatory_name: str
    signatory_nip: str
    syllabus_page: bool
