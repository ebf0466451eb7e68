"""Request and response schemas of narasumber registrations, assignments and requests."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from balai_platform.responses import Page, PublicModel


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DecisionIn(_In):
    decision: Literal["approve", "reject"]
    reason: str = Field("", max_length=2000)


class AssignIn(_In):
    training_id: uuid.UUID
    module: str = Field(max_length=400)
    day: date


class RequestDecisionIn(_In):
    decision: Literal["approve", "reject"]
    narasumber_id: uuid.UUID | None = None
    reason: str = Field("", max_length=2000)


class OfficeIn(_In):
    name: str = Field("", max_length=400)
    parent: str = Field("", max_length=400)
    address: str = Field("", max_length=400)
    place: str = Field("", max_length=200)
    head_position: str = Field("", max_length=400)
    head_name: str = Field("", max_length=200)
    head_nip: str = Field("", max_length=60)


class OfficeChoice(PublicModel):
    org_id: str
    name: str


class OfficesPublic(PublicModel):
    """The balai/UPT that take registrations and requests, with the registration form's choices."""

    items: list[OfficeChoice]
    modules: list[str]
    education: list[str]


class OfficePublic(PublicModel):
    org_id: str
    saved: bool
    name: str
    parent: str
    address: str
    place: str
    head_position: str
    head_name: str
    head_nip: str


class StatusPublic(PublicModel):
    id: str
    status: str


class DecidedPublic(StatusPublic):
    letter_number: str | None = None


class NarasumberRow(PublicModel):
    id: uuid.UUID
    org_id: uuid.UUID
    full_name: str
    expertise: str
    education: str
    modules: list[str]
    status: str
    recommendation: str | None = None
    submitted_at: datetime
    decided_at: datetime | None = None
    letter_number: str | None = None


class NarasumberPage(Page[NarasumberRow]):
    pass


class FilePublic(PublicModel):
    kind: str
    n: int
    filename: str
    size: int


class AssignmentPublic(PublicModel):
    id: uuid.UUID
    training_id: uuid.UUID
    module: str
    day: date
    title: str
    batch: int
    venue: str
    mode: str
    start_date: date
    end_date: date
    office_name: str | None = None


class TrainingChoice(PublicModel):
    id: uuid.UUID
    title: str
    batch: int
    start_date: date
    end_date: date


class NarasumberDetail(PublicModel):
    id: uuid.UUID
    org_id: uuid.UUID
    account_id: uuid.UUID
    full_name: str
    email: str
    phone: str
    phone_display: str
    expertise: str
    education: str
    experience: str
    modules: list[str]
    status: str
    recommendation: str | None = None
    recommendation_reason: str | None = None
    recommended_at: datetime | None = None
    recommended_by_me: bool
    decision_reason: str | None = None
    decided_at: datetime | None = None
    letter_number: str | None = None
    has_letter: bool
    submitted_at: datetime
    files: list[FilePublic]
    assignments: list[AssignmentPublic]
    trainings: list[TrainingChoice]


class MineRow(NarasumberRow):
    office_name: str | None = None
    decision_reason: str | None = None


class MinePublic(PublicModel):
    """The applicant's registrations and "Jadwal Mengajar"."""

    items: list[MineRow]
    schedule: list[AssignmentPublic]
    approved: bool


class AssignedPublic(PublicModel):
    id: str
    training_id: str
    module: str
    day: str


class SummaryPublic(PublicModel):
    to_review: int
    to_decide: int
    approved: int
    requests_waiting: int


class SubmittedRequest(PublicModel):
    """The requester's link token is shown once, here."""

    id: str
    token: str
    status: str


class RequestStatusPublic(PublicModel):
    id: str
    office_name: str
    body_name: str
    letter_number: str
    letter_date: date
    topic: str
    event_date: date
    place: str
    audience: int
    status: str
    status_label: str
    submitted_at: datetime
    decided_at: datetime | None = None
    decision_reason: str | None = None
    answer_number: str | None = None
    narasumber_name: str | None = None
    narasumber_expertise: str | None = None
    has_answer: bool


class RequestRow(PublicModel):
    id: uuid.UUID
    org_id: uuid.UUID
    body_name: str
    letter_number: str
    letter_date: date
    topic: str
    event_date: date
    place: str
    audience: int
    status: str
    submitted_at: datetime
    decided_at: datetime | None = None
    answer_number: str | None = None


class RequestPage(Page[RequestRow]):
    pass


class NarasumberChoice(PublicModel):
    id: uuid.UUID
    full_name: str
    expertise: str


class RequestDetail(RequestRow):
    contact_name: str
    contact_email: str
    contact_phone: str
    contact_phone_display: str
    decision_reason: str | None = None
    narasumber_id: uuid.UUID | None = None
    narasumber_name: str | None = None
    letter_filename: str
    choices: list[NarasumberChoice]


class RequestDecidedPublic(StatusPublic):
    answer_number: str | None = None
