"""The Invitation aggregate: a participant who completed a training is asked to fill the SKM.

Concurrency: `invitations (period_id, participant_id)` is unique. The repository inserts with
ON CONFLICT DO NOTHING and keeps the recorded SurveyInvitationCreated only when the row is new, so a
TrainingCompleted delivered twice (or a second training in the same period) invites once.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from balai_contracts.survey import SurveyInvitationCreatedV1
from balai_platform.aggregate import Aggregate
from balai_platform.errors import Conflict

ALREADY_ANSWERED = "Anda sudah mengisi survei kepuasan untuk periode ini. Terima kasih."


@dataclass(eq=False)
class Invitation(Aggregate):
    id: uuid.UUID
    org_id: uuid.UUID
    period_id: uuid.UUID
    participant_id: uuid.UUID
    training_id: uuid.UUID
    enrollment_id: uuid.UUID
    training_title: str
    created_at: datetime
    answered_at: datetime | None = None

    @classmethod
    def invite(cls, *, org_id: uuid.UUID, period_id: uuid.UUID, period_name: str, participant_id: uuid.UUID,
               training_id: uuid.UUID, enrollment_id: uuid.UUID, training_title: str,
               at: datetime) -> Invitation:
        """A new invitation; records SurveyInvitationCreated."""
        inv = cls(id=uuid.uuid4(), org_id=org_id, period_id=period_id, participant_id=participant_id,
                  training_id=training_id, enrollment_id=enrollment_id, training_title=training_title[:200],
                  created_at=at)
        inv.record(SurveyInvitationCreatedV1(
            invitation_id=inv.id, org_id=org_id, period_id=period_id, period_name=period_name,
            participant_id=participant_id, training_id=training_id, enrollment_id=enrollment_id, created_at=at))
        return inv

    def answer(self, at: datetime) -> None:
        """The participant sends the questionnaire; a second time is refused."""
        if self.answered_at is not None:
            raise Conflict(ALREADY_ANSWERED)
        self.answered_at = at
