"""Response schemas of the schedule, eligibility and testimonials: what the handlers return, key for key."""
from __future__ import annotations

from typing import Any

from balai_platform.responses import Items, Page, PublicModel


class TrainingPublic(PublicModel):
    """A line of Jadwal Pelatihan and its detail view."""

    id: str
    org_id: str
    title: str
    batch: int
    display_title: str
    kind: str
    level: str
    kind_level: str
    mode: str
    mode_label: str
    venue: str
    description: str
    start_date: str
    end_date: str
    date_range_label: str
    registration_opens_at: str
    registration_closes_at: str
    quota: int
    seats_taken: int
    seats_left: int
    hours: int
    requirements: dict[str, Any]
    requirement_labels: list[str]
    checklist: list[str]
    min_attendance_percent: int
    has_evaluation: bool
    pass_mark: int | None
    status: str
    status_label: str
    can_register: bool
    closed: bool


class TrainingAdmin(TrainingPublic):
    """The admin's view: the WhatsApp group link, quiz settings and enrollments per status."""

    whatsapp_link: str
    quiz_pass_mark: int
    quiz_max_attempts: int
    closed_at: str | None
    counts: dict[str, int]


TrainingPage = Page[TrainingPublic]
TrainingAdminPage = Page[TrainingAdmin]


class RequirementResultPublic(PublicModel):
    key: str
    label: str
    ok: bool
    value: str
    message: str


class EligibilityPublic(PublicModel):
    training_id: str
    business_id: str
    business_name: str
    eligible: bool
    results: list[RequirementResultPublic]
    checklist: list[str]
    registration_status: str
    registration_label: str
    already_enrolled: bool
    enrollment_id: str | None


class MyBusinessPublic(PublicModel):
    """A business the participant holds a post in (local copy from ukm's events)."""

    id: str
    name: str
    brand: str
    kind: str
    position: str
    assets: int
    turnover: int
    workforce_total: int
    permits: list[str]
    regency_name: str


MyBusinessList = Items[MyBusinessPublic]


class TestimonialPublic(PublicModel):
    id: str
    training_id: str
    rating: int
    text: str
    participant_name: str | None
    hidden: bool
    created_at: str
    updated_at: str


class TrainingTestimonials(PublicModel):
    """Visible testimonials of a training and "Rata-rata Penilaian"."""

    training_id: str
    training_title: str
    average_rating: int | float
    total: int
    items: list[TestimonialPublic]
    page: int
    per_page: int


TestimonialPage = Page[TestimonialPublic]
