"""The Response aggregate: one completed SKM questionnaire from any channel.

Concurrency: `responses (period_id, participant_id)` is unique, so an invited participant answers a
questionnaire once even when two submissions race (the second INSERT is refused by the key and
answered 409). Link and paper answers carry no participant id and never collide.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from balai_contracts.survey import SurveySubmittedV1
from balai_platform.aggregate import Aggregate

from .response_input import ResponseInput

Channel = Literal["online", "link", "paper"]
CHANNELS: tuple[Channel, ...] = ("online", "link", "paper")
CHANNEL_LABELS = {"online": "Online (peserta)", "link": "Tautan/QR", "paper": "Kertas"}


@dataclass(eq=False)
class Response(Aggregate):
    id: uuid.UUID
    org_id: uuid.UUID
    period_id: uuid.UUID
    channel: Channel
    participant_id: uuid.UUID | None
    training_id: uuid.UUID | None
    answers: ResponseInput
    submitted_at: datetime

    @classmethod
    def submit(cls, *, org_id: uuid.UUID, period_id: uuid.UUID, period_start: date, period_end: date,
               channel: Channel, answers: ResponseInput, at: datetime, participant_id: uuid.UUID | None = None,
               training_id: uuid.UUID | None = None) -> Response:
        """A completed questionnaire; records SurveySubmitted (no respondent identity on the wire)."""
        resp = cls(id=uuid.uuid4(), org_id=org_id, period_id=period_id, channel=channel,
                   participant_id=participant_id, training_id=training_id, answers=answers, submitted_at=at)
        resp.record(SurveySubmittedV1(
            response_id=resp.id, org_id=org_id, period_id=period_id, period_start=period_start,
            period_end=period_end, channel=channel, participant_id=participant_id, training_id=training_id,
            submitted_at=at))
        return resp
