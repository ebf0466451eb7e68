"""Response schemas of the survey API (the OpenAPI document; the gateway's fakes are checked against it)."""
from __future__ import annotations

from datetime import datetime

from balai_platform.responses import PublicModel


class QuestionPublic(PublicModel):
    unsur: int
    text: str
    example: str
    answers: list[str]


class ContentPublic(PublicModel):
    performance: list[QuestionPublic]
    importance: list[QuestionPublic]


class ChoicesPublic(PublicModel):
    education: list[str]
    occupation: list[str]


class InvitationPublic(PublicModel):
    id: str
    training_title: str
    period_name: str
    org_name: str
    created_at: datetime
    answered_at: datetime | None
    period_end: str


class InvitationsPublic(PublicModel):
    items: list[InvitationPublic]
    app_survey_done: bool


class InvitationFormPublic(PublicModel):
    id: str
    training_title: str
    period_id: str
    period_name: str
    org_name: str
    answered_at: datetime | None
    content: ContentPublic
    choices: ChoicesPublic


class SubmittedPublic(PublicModel):
    response_id: str
    period_name: str


class PublicFormPublic(PublicModel):
    period_id: str
    period_name: str
    org_name: str
    content: ContentPublic
    form_token: str
    min_fill_seconds: float
    choices: ChoicesPublic


class AppSubmittedPublic(PublicModel):
    id: str
    detail: str


class IkmItemPublic(PublicModel):
    org_id: str
    org_name: str
    period_name: str | None
    n: int
    ikm: str | None
    converted: str | None
    grade: str | None
    grade_label: str | None


class IkmListPublic(PublicModel):
    items: list[IkmItemPublic]


class PeriodSummaryPublic(PublicModel):
    id: str
    name: str
    start: str
    end: str
    responses: int
    signed: bool


class PeriodsPublic(PublicModel):
    current_id: str
    org_id: str
    items: list[PeriodSummaryPublic]


class FollowUpRowPublic(PublicModel):
    unsur: str
    program: str
    time: str
    responsible: str


class ServicePublic(PublicModel):
    id: str
    title: str


class PeriodPublic(PublicModel):
    id: str
    org_id: str
    name: str
    start: str
    end: str
    population: int
    content: ContentPublic
    follow_up: list[FollowUpRowPublic]
    signed_at: datetime | None
    responses: int | None
    choices: ChoicesPublic
    services: list[ServicePublic] = []
    unsur: list[str]


class OrgSettingsPublic(PublicModel):
    org_id: str
    name: str
    parent: str
    place: str
    period_months: int
    signatory_position: str
    signatory_name: str
    signatory_nip: str


class ImportedPublic(PublicModel):
    imported: int
    period_name: str
