"""Closing a training in the database: exactly one close wins, the attending rows are locked."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain import lifecycle
from .tables import attendance, enrollments, trainings
from .tables_class import modules

ATTENDING = (lifecycle.VERIFIED, lifecycle.CONFIRMED)
# the conditional UPDATE lets exactly one of two concurrent closes through
_CLOSE = text("UPDATE trainings SET closed_at = :now, updated_at = :now "
              "WHERE id = :id AND closed_at IS NULL RETURNING id")


class SqlClosing:
    """The closing port of the training unit of work."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def training(self, training_id: uuid.UUID) -> Mapping | None:
        return (await self.session.execute(select(trainings).where(trainings.c.id == training_id))
                ).mappings().first()

    async def close(self, training_id: uuid.UUID, at: datetime) -> bool:
        """Mark the training closed; False when another close got there first."""
        return (await self.session.execute(_CLOSE, {"now": at, "id": training_id})).first() is not None

    async def attending(self, training_id: uuid.UUID) -> list[uuid.UUID]:
        """The verified/confirmed enrollments, oldest first, row-locked."""
        return list((await self.session.execute(select(enrollments.c.id).where(
            enrollments.c.training_id == training_id, enrollments.c.status.in_(ATTENDING))
            .order_by(enrollments.c.submitted_at).with_for_update())).scalars().all())

    async def pending(self, training_id: uuid.UUID) -> list[uuid.UUID]:
        """The applications still waiting for a decision (submitted/waitlisted), oldest first, row-locked."""
        return list((await self.session.execute(select(enrollments.c.id).where(
            enrollments.c.training_id == training_id, enrollments.c.status.in_(lifecycle.PENDING))
            .order_by(enrollments.c.submitted_at).with_for_update())).scalars().all())

    async def module_titles(self, training_id: uuid.UUID) -> list[str]:
        """The training's modules in order (the certificate's syllabus)."""
        return list((await self.session.execute(select(modules.c.title).where(modules.c.training_id == training_id)
                                                .order_by(modules.c.position))).scalars().all())

    async def present_days(self, enrollment_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        return dict((await self.session.execute(
            select(attendance.c.enrollment_id, func.count()).where(
                attendance.c.enrollment_id.in_(enrollment_ids), attendance.c.present.is_(True))
            .group_by(attendance.c.enrollment_id))).all())
