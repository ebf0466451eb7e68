"""What Daftar Pelatihan reads before an enrollment exists: the training, the local copies of the
participant and the business, the membership and an active enrollment, in one round trip."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import bindparam, select
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


_T, _P, _B = bindparam("training_id"), bindparam("participant_id"), bindparam("business_id")
_ACTIVE = (select(enrollments.c.id).where(
    enrollments.c.training_id == _T, enrollments.c.participant_id == _P,
    # two plain comparisons, not NOT IN: an IN list is an "expanding" parameter, rendered into
    # the SQL again at every execution
    enrollments.c.status != lifecycle.CANCELLED, enrollments.c.status != lifecycle.REJECTED).limit(1).scalar_subquery())
# Built once with bind parameters: a registration rush runs it for every submission, and a
# statement object rebuilt per call costs its cache key and labels each time.
_ROWS = (select(trainings, *_prefixed(participants, "p_"), *_prefixed(businesses, "b_"),
                business_members.c.position.label("m_position"), _ACTIVE.label("active_id"))
         .select_from(trainings)
         .outerjoin(participants, participants.c.participant_id == _P)
         .outerjoin(businesses, businesses.c.business_id == _B)
         .outerjoin(business_members, (business_members.c.business_id == _B)
                    & (business_members.c.participant_id == _P))
         .where(trainings.c.id == _T))


class SqlRegistration:
    """The registration port of the training unit of work."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def rows(self, training_id: uuid.UUID, participant_id: uuid.UUID,
                   business_id: uuid.UUID) -> RegistrationRows | None:
        """None when the training does not exist."""
        row = (await self.session.execute(_ROWS, dict(training_id=training_id, participant_id=participant_id,
                                                      business_id=business_id))).mappings().first()
        if row is None:
            return None
        p = {c.name: row["p_" + c.name] for c in participants.c}
        b = {c.name: row["b_" + c.name] for c in businesses.c}
        return RegistrationRows({c.name: row[c.name] for c in trainings.c},
                                p if p["participant_id"] is not None else None,
                                b if b["business_id"] is not None else None, row["m_position"], row["active_id"])
