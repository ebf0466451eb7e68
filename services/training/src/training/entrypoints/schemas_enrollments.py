"""Response schemas of enrollments: participant views, admin views, verification, attendance, closing."""
from __future__ import annotations

from balai_platform.responses import Page, PublicModel

from .schemas_trainings import RequirementResultPublic


class EnrollmentPublic(PublicModel):
    """An enrollment with its training, status label and the actions allowed now."""

    id: str
    training_id: str
    training_title: str
    org_id: str
    kind_level: str
    mode: str
    start_date: str
    end_date: str
    date_range_label: str
    venue: str
    participant_id: str
    participant_name: str | None
    business_id: str
    business_name: str | None
    status: str
    status_label: str
    rejection_reason: str | None
    submitted_at: str | None
    verified_at: str | None
    waitlisted_at: str | None
    confirmed_at: str | None
    cancelled_at: str | None
    completed_at: str | None
    attendance_percent: int | None
    score: int | None
    whatsapp_link: str | None
    actions: list[str]
    confirmation_photo_url: str | None


class EnrollmentDetail(EnrollmentPublic):
    """One enrollment with its product photos; `eligibility` and `ticks` only when an admin asks.

    Routes answering it exclude unset fields, so a participant's answer has no such keys at all."""

    product_photo_urls: list[str]
    eligibility: list[RequirementResultPublic] | None = None
    ticks: list[int] | None = None


class MyEnrollments(PublicModel):
    """Riwayat Pelatihan."""

    items: list[EnrollmentPublic]
    total: int
    completed_count: int


class EnrollmentAdmin(EnrollmentPublic):
    eligibility: list[RequirementResultPublic]
    ticks: list[int]
    username: str | None
    sex: str | None
    participant_regency: str | None
    participant_phone_wa: str | None = None  # WhatsApp form (62...), for "Hubungi via WhatsApp"


class EnrollmentAdminDetail(EnrollmentAdmin):
    product_photo_urls: list[str]


EnrollmentAdminPage = Page[EnrollmentAdmin]


class QueueItem(EnrollmentAdmin):
    """A pending application in Verifikasi, with the working days it has waited."""

    working_days_waiting: int
    overdue: bool


class QueueTraining(PublicModel):
    """A training with applications waiting (the queue's training filter)."""

    id: str
    title: str
    waiting: int
    overdue: int


class QueuePage(Page[QueueItem]):
    """Verifikasi: pending applications oldest first; `waiting`/`overdue` count the whole organisation."""

    working_days: int
    waiting: int
    overdue: int
    trainings: list[QueueTraining]


class OverdueItem(PublicModel):
    id: str
    training_id: str
    training_title: str
    org_id: str
    participant_name: str | None
    business_name: str | None
    submitted_at: str
    working_days_waiting: int


class OverdueList(PublicModel):
    items: list[OverdueItem]
    total: int
    working_days: int


class EnrollmentStatus(PublicModel):
    id: str
    status: str
    status_label: str


class BulkResult(PublicModel):
    """`status`/`status_label` when ok, `detail` (why not) otherwise."""

    id: str
    ok: bool
    status: str | None = None
    status_label: str | None = None
    detail: str | None = None


class BulkOutcome(PublicModel):
    results: list[BulkResult]
    summary: dict[str, int]
    failed: int


class ScorePublic(PublicModel):
    enrollment_id: str
    score: int


class AttendanceRow(PublicModel):
    enrollment_id: str
    participant_name: str | None
    status: str
    status_label: str
    score: int | None
    days: dict[str, bool]
    attendance_percent: int


class AttendanceSheet(PublicModel):
    training_id: str
    days: list[str]
    min_attendance_percent: int
    items: list[AttendanceRow]


class ClosingPublic(PublicModel):
    training_id: str
    completed: int
    not_completed: int
    rejected: int = 0  # pending applications rejected with "Pelatihan sudah ditutup"
    closed_at: str
