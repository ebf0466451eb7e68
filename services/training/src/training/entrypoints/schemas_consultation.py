"""Response models of the consultation routes."""
from __future__ import annotations

from balai_platform.responses import Page, PublicModel


class EligibleTraining(PublicModel):
    id: str
    title: str
    end_date: str


class EligibleTrainings(PublicModel):
    """The trainings the participant completed (a consultation is tied to one of them)."""
    items: list[EligibleTraining]


class ConsultationItem(PublicModel):
    id: str
    training_id: str
    training_title: str
    topic: str
    status: str
    status_label: str
    opened_at: str
    due_at: str
    first_answered_at: str | None
    closed_at: str | None
    updated_at: str
    overdue: bool
    drafts: int


class ConsultationAdminItem(ConsultationItem):
    participant_name: str


class ConsultationPage(Page[ConsultationItem]):
    pass


class TrainingCount(PublicModel):
    id: str
    title: str
    count: int


class ConsultationAdminPage(Page[ConsultationAdminItem]):
    """`waiting`: waiting for the organisation; `overdue`: no first answer past the target."""
    waiting: int
    overdue: int
    target_label: str
    trainings: list[TrainingCount]


class ConsultationSummary(PublicModel):
    waiting: int
    overdue: int
    drafts: int
    target_label: str


class AttachmentLink(PublicModel):
    id: str
    url: str


class MessagePublic(PublicModel):
    id: str
    author: str
    body: str
    state: str
    created_at: str
    published_at: str | None
    mine: bool
    review_note: str
    files: list[AttachmentLink]


class ConsultationDetail(PublicModel):
    id: str
    org_id: str
    training_id: str
    training_title: str
    topic: str
    status: str
    status_label: str
    opened_at: str
    due_at: str
    target_label: str
    first_answered_at: str | None
    closed_at: str | None
    overdue: bool
    participant_name: str
    review_required: bool
    drafts: int
    messages: list[MessagePublic]


class ConsultationOpened(PublicModel):
    id: str
    status: str
    due_at: str


class ConsultationChange(PublicModel):
    id: str
    status: str
    state: str
    message_id: str | None = None


class ConsultationSettingsPublic(PublicModel):
    org_id: str
    review_required: bool
    target_amount: int
    target_unit: str
    target_label: str
