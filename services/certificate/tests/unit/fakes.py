"""In-memory fakes for the certificate service's unit tests: repositories in dicts whose writes become
visible on commit, a context whose unit of work is the fake, and a signer that only marks the PDF."""
from __future__ import annotations

import copy
import uuid
from datetime import UTC, date, datetime
from typing import Any

from balai_platform.auth import Claims
from balai_platform.clock import Clock
from balai_platform.errors import NotFound
from balai_platform.testing import FakeUnitOfWork, FrozenClock
from certificate.domain.certificate import Certificate
from certificate.domain.template import OrgTemplate
from certificate.service.context import CertificateContext
from certificate.settings import Settings

JATENG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
JATIM = uuid.UUID("0b0a1a10-0000-4000-8000-000000000002")
AT = datetime(2026, 6, 28, 3, 0, tzinfo=UTC)


class FakeCertificates:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self.uow = uow
        self.rows: dict[uuid.UUID, Certificate] = {}
        self.pdfs: dict[uuid.UUID, bytes] = {}
        self.counters: dict[tuple[uuid.UUID, int], int] = {}
        self.staged: dict[uuid.UUID, Certificate] = {}
        self.staged_counters: dict[tuple[uuid.UUID, int], int] = {}
        self.staged_pdfs: dict[uuid.UUID, bytes] = {}
        self.trainings: dict[uuid.UUID, uuid.UUID] = {}

    def _all(self) -> dict[uuid.UUID, Certificate]:
        return {**self.rows, **self.staged}

    async def add_original(self, cert: Certificate) -> bool:
        if any(c.enrollment_id == cert.enrollment_id and c.replaces is None for c in self._all().values()):
            return False
        await self.add(cert)
        return True

    async def remember_training(self, training_id: uuid.UUID, org_id: uuid.UUID) -> None:
        self.trainings.setdefault(training_id, org_id)

    async def add(self, cert: Certificate) -> None:
        if cert.replaces is not None and any(c.replaces == cert.replaces for c in self._all().values()):
            raise RuntimeError("unique violation: replaces")
        self.uow.track(cert)
        self.staged[cert.id] = cert

    async def next_seq(self, org_id: uuid.UUID, year: int) -> int:
        key = (org_id, year)
        value = self.staged_counters.get(key, self.counters.get(key, 0)) + 1
        self.staged_counters[key] = value
        return value

    async def set_number(self, cert: Certificate) -> None:
        self.staged[cert.id] = cert

    async def get(self, cert_id: uuid.UUID, *, lock: bool = False) -> Certificate:
        if cert_id not in self.rows:
            raise NotFound("Sertifikat tidak ditemukan")
        return self.uow.track(copy.deepcopy(self.rows[cert_id]))

    async def claim_pending(self, skip: set[uuid.UUID]) -> Certificate | None:
        pending = sorted((c for c in self.rows.values() if c.status == "pending" and c.id not in skip),
                         key=lambda c: c.created_at)
        return self.uow.track(copy.deepcopy(pending[0])) if pending else None

    async def save(self, cert: Certificate, *, pdf: bytes | None = None) -> None:
        self.staged[cert.id] = cert
        if pdf is not None:
            self.staged_pdfs[cert.id] = pdf

    def apply(self) -> None:
        for key, cert in self.staged.items():
            stored = copy.deepcopy(cert)
            stored.pull_events()
            self.rows[key] = stored
        self.counters.update(self.staged_counters)
        self.pdfs.update(self.staged_pdfs)
        self.discard()

    def discard(self) -> None:
        self.staged, self.staged_counters, self.staged_pdfs = {}, {}, {}


class FakeTemplates:
    def __init__(self) -> None:
        self.rows: dict[tuple[uuid.UUID, str], OrgTemplate] = {}

    async def find(self, org_id: uuid.UUID, kind: str) -> OrgTemplate | None:
        return self.rows.get((org_id, kind)) or self.rows.get((org_id, "*"))

    async def kinds(self, org_id: uuid.UUID) -> list[str]:
        return sorted(k for o, k in self.rows if o == org_id)

    async def save(self, org_id: uuid.UUID, kind: str, template: OrgTemplate, at: datetime) -> None:
        self.rows[(org_id, kind)] = template


class FakeCertificateUow(FakeUnitOfWork):
    def __init__(self) -> None:
        super().__init__()
        self.certificates = FakeCertificates(self)
        self.templates = FakeTemplates()
        self.session = object()

    async def __aenter__(self):
        await super().__aenter__()
        return self

    async def commit(self) -> None:
        await super().commit()
        self.certificates.apply()

    async def rollback(self) -> None:
        await super().rollback()
        self.certificates.discard()


class FakeSigner:
    signer_name = "Kepala Balai (uji)"

    def __init__(self) -> None:
        self.signed = 0

    async def sign(self, pdf: bytes, *, location: str, reason: str) -> bytes:
        self.signed += 1
        return pdf + f"%signed {location} {reason}\n".encode()


class FakeContext(CertificateContext):
    def __init__(self, clock: FrozenClock | None = None, **settings: Any) -> None:
        super().__init__(settings=Settings(**settings), sessionmaker=None, outbox=None,  # type: ignore[arg-type]
                         clock=Clock(clock or FrozenClock(AT)))
        self.unit = FakeCertificateUow()
        self.fake_signer: FakeSigner | None = FakeSigner()
        self.woken = 0

    def uow(self, session: Any = None) -> FakeCertificateUow:  # type: ignore[override]
        return self.unit

    def wake_after_commit(self, session: Any) -> None:
        self.woken += 1

    def signer(self, org_id: uuid.UUID):
        if self.fake_signer is None:
            raise RuntimeError("no signing key")
        return self.fake_signer


def claims(role: str = "peserta", org: uuid.UUID | None = None, sub: uuid.UUID | None = None) -> Claims:
    return Claims(sub=str(sub or uuid.uuid4()), role=role, username="u", org=str(org) if org else None,
                  exp=2_000_000_000)


def start_end() -> tuple[date, date]:
    return date(2026, 6, 24), date(2026, 6, 28)
