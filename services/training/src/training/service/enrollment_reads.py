"""Reading an enrollment with its training and local copies as rows, for views (writes go
through the Enrollment aggregate and the unit of work)."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ..adapters.tables import businesses, enrollments, participants, trainings
from .errors import NotFound


@dataclass
class Bundle:
    """enrollment, training, participant copy, business copy rows (the copies may be missing)."""

    e: Mapping
    t: Mapping
    p: Mapping | None
    b: Mapping | None


def _prefixed(table, prefix: str):
    return [c.label(prefix + c.name) for c in table.c]


async def load(s: AsyncSession, enrollment_id: uuid.UUID) -> Bundle:
    """The enrollment, its training and the local copies: one round trip."""
    stmt = (select(*_prefixed(enrollments, "e_"), *_prefixed(trainings, "t_"), *_prefixed(participants, "p_"),
                   *_prefixed(businesses, "b_"))
            .join(trainings, trainings.c.id == enrollments.c.training_id)
            .outerjoin(participants, participants.c.participant_id == enrollments.c.participant_id)
            .outerjoin(businesses, businesses.c.business_id == enrollments.c.business_id)
            .where(enrollments.c.id == enrollment_id))
    row = (await s.execute(stmt)).mappings().first()
    if row is None:
        raise NotFound("Pendaftaran tidak ditemukan")

    def part(table, prefix: str, key: str) -> dict | None:
        out = {c.name: row[prefix + c.name] for c in table.c}
        return out if out[key] is not None else None
    return Bundle(part(enrollments, "e_", "id"), part(trainings, "t_", "id"),
                  part(participants, "p_", "participant_id"), part(businesses, "b_", "business_id"))
