"""The Certificate aggregate: reserved (pending), issued once its signed PDF is stored, revoked.

Concurrency rules held by the database (adapters/tables.py):
- one original certificate per enrollment: partial unique index `uq_certificates_enrollment_original`
  (a redelivered TrainingCompleted, or a second replica, inserts nothing);
- numbers gap-free per organisation and year: the counter row of `number_counters` is incremented
  in the transaction that inserts the certificate (a rollback returns the number), and
  `(org_id, year, seq)` / `(org_id, number)` are unique;
- one correction per certificate: `replaces` is unique; revoke and reissue load the row FOR UPDATE.
"""
from __future__ import annotations

import secrets
import uuid
from base64 import b32encode
from dataclasses import dataclass, field
from datetime import date, datetime

from balai_contracts.certificate import CertificateIssuedV1, CertificateRevokedV1
from balai_platform.aggregate import Aggregate
from balai_platform.errors import Conflict, InvalidInput

from .document import SyllabusItem

PENDING, ISSUED, REVOKED = "pending", "issued", "revoked"
REASON_MIN, REASON_MAX = 5, 500


def new_code() -> str:
    """The public verification code: 16 characters of base32 (80 random bits), easy to read aloud."""
    return b32encode(secrets.token_bytes(10)).decode()


@dataclass(eq=False)
class Certificate(Aggregate):
    id: uuid.UUID
    code: str
    org_id: uuid.UUID
    enrollment_id: uuid.UUID
    training_id: uuid.UUID
    participant_id: uuid.UUID
    holder_name: str
    training_title: str
    batch: int
    kind: str
    level: str
    start_date: date
    end_date: date
    hours: int
    score: int | None
    issued_on: date
    created_at: datetime
    syllabus: tuple[SyllabusItem, ...] = ()
    # reserved in the transaction that inserts the row, right after the insert (see module docstring)
    year: int | None = None
    seq: int | None = None
    number: str | None = None
    status: str = PENDING
    sha256: str | None = None
    issued_at: datetime | None = None
    revoked_at: datetime | None = None
    revoke_reason: str | None = None
    replaces: uuid.UUID | None = None
    replaced_by: uuid.UUID | None = None
    verification_url: str = field(default="", compare=False)

    def assign_number(self, year: int, seq: int, number: str) -> None:
        self.year, self.seq, self.number = year, seq, number

    def stored(self, sha256: str, at: datetime) -> None:
        """The signed PDF is stored: the certificate is issued (CertificateIssued, once)."""
        if self.status != PENDING:
            raise Conflict("Sertifikat sudah diterbitkan")
        self.status, self.sha256, self.issued_at = ISSUED, sha256, at
        self.record(CertificateIssuedV1(
            **self._base(), holder_name=self.holder_name, training_title=self.training_title,
            verification_url=self.verification_url, sha256=sha256, replaces=self.replaces,
            issued_on=self.issued_on, issued_at=at))

    def revoke(self, reason: str, at: datetime, replaced_by: uuid.UUID | None = None) -> None:
        """Dicabut with a reason shown on the public page (CertificateRevoked)."""
        reason = " ".join(reason.split())
        if not REASON_MIN <= len(reason) <= REASON_MAX:
            raise InvalidInput({"reason": f"Alasan pencabutan {REASON_MIN}-{REASON_MAX} karakter"})
        if self.status == REVOKED:
            raise Conflict("Sertifikat sudah dicabut")
        if self.status != ISSUED:
            raise Conflict("Sertifikat masih diproses, coba lagi sebentar lagi")
        self.status, self.revoked_at, self.revoke_reason, self.replaced_by = REVOKED, at, reason, replaced_by
        self.record(CertificateRevokedV1(**self._base(), reason=reason, replaced_by=replaced_by, revoked_at=at))

    def correction(self, holder_name: str, *, new_id: uuid.UUID, issued_on: date, at: datetime) -> Certificate:
        """A new pending certificate with the corrected name; this one is revoked once it exists."""
        name = " ".join(holder_name.split())
        if not 3 <= len(name) <= 150:
            raise InvalidInput({"holder_name": "Nama 3-150 karakter"})
        if self.status != ISSUED:
            raise Conflict("Hanya sertifikat yang berlaku yang dapat diterbitkan ulang")
        if name == self.holder_name:
            raise InvalidInput({"holder_name": "Nama sama dengan sertifikat lama"})
        return Certificate(
            id=new_id, code=new_code(), org_id=self.org_id, enrollment_id=self.enrollment_id,
            training_id=self.training_id, participant_id=self.participant_id, holder_name=name,
            training_title=self.training_title, batch=self.batch, kind=self.kind, level=self.level,
            start_date=self.start_date, end_date=self.end_date, hours=self.hours, score=self.score,
            issued_on=issued_on, created_at=at, syllabus=self.syllabus, replaces=self.id)

    def _base(self) -> dict:
        assert self.number is not None, "a certificate has its number before any event"
        return dict(certificate_id=self.id, org_id=self.org_id, enrollment_id=self.enrollment_id,
                    training_id=self.training_id, participant_id=self.participant_id, number=self.number)
