"""Certificates in and out of the database; numbers from the per-organisation, per-year counter."""
from __future__ import annotations

import uuid
from dataclasses import fields

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.errors import NotFound
from balai_platform.uow import UnitOfWork

from ..domain.certificate import Certificate
from ..domain.document import SyllabusItem
from .tables import certificates, number_counters, trainings

NOT_FOUND = "Sertifikat tidak ditemukan"
COLUMNS = [f.name for f in fields(Certificate) if f.name != "verification_url"]
MUTABLE = ("status", "sha256", "issued_at", "revoked_at", "revoke_reason", "replaced_by")


def _row(cert: Certificate) -> dict:
    row = {name: getattr(cert, name) for name in COLUMNS}
    row["syllabus"] = [{"title": s.title, "hours": s.hours} for s in cert.syllabus]
    return row


def to_certificate(row) -> Certificate:
    data = {name: row[name] for name in COLUMNS}
    data["syllabus"] = tuple(SyllabusItem(s["title"], int(s["hours"])) for s in row["syllabus"] or ())
    return Certificate(**data)


class CertificateRepository:
    def __init__(self, session: AsyncSession, uow: UnitOfWork) -> None:
        self.session, self.uow = session, uow

    async def add_original(self, cert: Certificate) -> bool:
        """Insert the certificate of an enrollment unless one exists (the partial unique index
        decides; a concurrent insert of the same enrollment waits for the other and then inserts
        nothing). False when it already existed."""
        stmt = insert(certificates).values(**_row(cert)).on_conflict_do_nothing(
            index_elements=["enrollment_id"], index_where=certificates.c.replaces.is_(None)
        ).returning(certificates.c.id)
        inserted = (await self.session.execute(stmt)).first() is not None
        if inserted:
            self.uow.track(cert)
        return inserted

    async def remember_training(self, training_id: uuid.UUID, org_id: uuid.UUID) -> None:
        """Which organisation runs the training (local copy; its settings are that organisation's)."""
        await self.session.execute(insert(trainings).values(training_id=training_id, org_id=org_id)
                                   .on_conflict_do_nothing())

    async def add(self, cert: Certificate) -> None:
        """Insert a correction (unique `replaces`: a second one for the same certificate fails)."""
        await self.session.execute(insert(certificates).values(**_row(cert)))
        self.uow.track(cert)

    async def next_seq(self, org_id: uuid.UUID, year: int) -> int:
        """Next number of the organisation's year. The counter row stays locked until commit, so keep
        the rest of the transaction short; a rollback gives the number back (no gap)."""
        stmt = insert(number_counters).values(org_id=org_id, year=year, last=1)
        stmt = stmt.on_conflict_do_update(index_elements=["org_id", "year"],
                                          set_={"last": number_counters.c.last + 1}
                                          ).returning(number_counters.c.last)
        return int((await self.session.execute(stmt)).scalar_one())

    async def set_number(self, cert: Certificate) -> None:
        await self.session.execute(update(certificates).where(certificates.c.id == cert.id).values(
            year=cert.year, seq=cert.seq, number=cert.number))

    async def get(self, cert_id: uuid.UUID, *, lock: bool = False) -> Certificate:
        stmt = select(*[certificates.c[n] for n in COLUMNS]).where(certificates.c.id == cert_id)
        row = (await self.session.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
        if row is None:
            raise NotFound(NOT_FOUND)
        cert = to_certificate(row)
        self.uow.track(cert)
        return cert

    async def claim_pending(self, skip: set[uuid.UUID]) -> Certificate | None:
        """The oldest pending certificate no other replica is rendering (SKIP LOCKED), row-locked."""
        stmt = select(*[certificates.c[n] for n in COLUMNS]).where(certificates.c.status == "pending")
        if skip:
            stmt = stmt.where(certificates.c.id.not_in(skip))
        stmt = stmt.order_by(certificates.c.created_at).limit(1).with_for_update(skip_locked=True)
        row = (await self.session.execute(stmt)).mappings().first()
        if row is None:
            return None
        cert = to_certificate(row)
        self.uow.track(cert)
        return cert

    async def save(self, cert: Certificate, *, pdf: bytes | None = None) -> None:
        values = {name: getattr(cert, name) for name in MUTABLE}
        if pdf is not None:
            values["pdf"] = pdf
        await self.session.execute(update(certificates).where(certificates.c.id == cert.id).values(**values))
