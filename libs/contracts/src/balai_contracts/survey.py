"""Events published by the survey service (SKM and the app survey)."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar, Literal

from pydantic import Field

from .envelope import EventData
from .topics import SURVEY_INVITATION, SURVEY_RESPONSE


class SurveyInvitationCreatedV1(EventData):
    """A participant who completed a training is invited to the SKM of the organisation's current period
    (once per organisation and period). Subject/key: invitation_id."""

    event_type: ClassVar[str] = "SurveyInvitationCreated"
    topic: ClassVar[str] = SURVEY_INVITATION
    invitation_id: uuid.UUID = Field(description="Invitation id; the event subject")
    org_id: uuid.UUID = Field(description="Organisation whose service is surveyed")
    period_id: uuid.UUID = Field(description="SKM period (questionnaire) id")
    period_name: str = Field(description="e.g. 'Semester I Th. 2024 (01-01-2024 s.d. 30-06-2024)'")
    participant_id: uuid.UUID = Field(description="Invited participant")
    training_id: uuid.UUID = Field(description="The completed training that caused the invitation")
    enrollment_id: uuid.UUID = Field(description="The completed enrollment")
    created_at: datetime = Field(description="UTC time of the invitation")


class SurveySubmittedV1(EventData):
    """A completed SKM questionnaire was received (online, public link/QR or paper). Carries no
    respondent identity. Subject/key: response_id."""

    event_type: ClassVar[str] = "SurveySubmitted"
    topic: ClassVar[str] = SURVEY_RESPONSE
    response_id: uuid.UUID = Field(description="Response id; the event subject")
    org_id: uuid.UUID = Field(description="Organisation whose service was rated")
    period_id: uuid.UUID = Field(description="SKM period (questionnaire) id")
    period_start: date = Field(description="First day of the period")
    period_end: date = Field(description="Last day of the period")
    channel: Literal["online", "link", "paper"] = Field(
        description="online (invited participant), link (public link/QR) or paper (entered by an admin)")
    participant_id: uuid.UUID | None = Field(description="The invited participant, when answered online; else null")
    training_id: uuid.UUID | None = Field(description="The training the invitation came from, when known")
    submitted_at: datetime = Field(description="UTC time of submission")
