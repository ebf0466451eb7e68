"""What Daftar Pelatihan reads before an enrollment exists: the training, the local copies of the
participant and the business, the membership and an active enrollment, in one round trip."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain import lifecycle
from .tables import business_members, businesses, enrollments, participants, trainings


@dataclass(frozen=True)
class RegistrationRows:
    training: Mapping
    participant: Mapping | None  # None until identity's event arrived
    business: Mapping | None  # None until ukm's event arrived
    position: str | None  # the participant's post in the business; None when not a member
    active_id: uuid.UUID | None  # an enrollment of this participant that is neither cancelled nor rejected


def _prefixed(table, prefix: str):
    return [c.label(prefix + c.name) for c in table.c]


class SqlRegistration:
    """The registration port of the training unit of work."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def rows(self, training_id: uuid.UUID, participant_id: uuid.UUID,
                   business_id: uuid.UUID) -> RegistrationRows | None:
        """None when the training does not exist."""
        active = (select(enrollments.c.id).where(
            enrollments.c.training_id == training_id, enrollments.c.participant_id == participant_id,
            enrollments.c.status.notin_((lifecycle.CANCELLED, lifecycle.REJECTED))).limit(1).scalar_subquery())
        stmt = (select(trainings, *_prefixed(participants, "p_"), *_prefixed(businesses, "b_"),
                       business_members.c.position.label("m_position"), active.label("active_id"))
                .select_from(trainings)
                .outerjoin(participants, participants.c.participant_id == participant_id)
                .outerjoin(businesses, businesses.c.business_id == business_id)
                .outerjoin(business_members, (business_members.c.business_id == business_id)
                           & (business_members.c.participant_id == participant_id))
                .where(trainings.c.id == training_id))
        row = (await self.session.execute(stmt)).mappings().first()
        if row is None:
            return None
        p = {c.name: row["p_" + c.name] for c in participants.c}
        b = {c.name: row["b_" + c.name] for c in businesses.c}
        return RegistrationRows({c.name: row[c.name] for c in trainings.c},
                                p if p["participant_id"] is not None else None,
                                b if b["business_id"] is not None else None, row["m_position"], row["active_id"])
