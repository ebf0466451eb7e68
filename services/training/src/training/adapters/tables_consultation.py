"""Tables of post-training consultations and of the organisations' service-standard deadlines (copy)."""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from .tables import metadata

service_deadlines = Table(  # local copy from identity.organisation (ServiceStandardsPublished)
    "service_deadlines", metadata,
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("deadlines", JSONB, nullable=False),  # {key: [amount, unit]}
    Column("changed_at", DateTime(timezone=True), nullable=False),
)

consultation_settings = Table(  # per organisation: does an answer need a second admin's review?
    "consultation_settings", metadata,
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("review_required", Boolean, nullable=False, server_default=text("false")),
    Column("updated_by", UUID(as_uuid=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

consultations = Table(
    "consultations", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("training_id", UUID(as_uuid=True), ForeignKey("trainings.id"), nullable=False),
    Column("enrollment_id", UUID(as_uuid=True), ForeignKey("enrollments.id"), nullable=False),
    Column("participant_id", UUID(as_uuid=True), nullable=False),
    Column("topic", String(150), nullable=False),
    Column("status", String(20), nullable=False),
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("due_at", DateTime(timezone=True), nullable=False),
    Column("first_answered_at", DateTime(timezone=True)),
    Column("closed_at", DateTime(timezone=True)),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("status IN ('waiting', 'answered', 'closed')", name="consultation_status_known"),
    Index("ix_consultations_org", "org_id", "status", "opened_at"),
    Index("ix_consultations_participant", "participant_id", "opened_at"),
    Index("ix_consultations_unanswered", "org_id", "due_at",  # the overdue list
          postgresql_where=text("first_answered_at IS NULL AND status <> 'closed'")),
)

consultation_messages = Table(
    "consultation_messages", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("consultation_id", UUID(as_uuid=True), ForeignKey("consultations.id", ondelete="CASCADE"),
           nullable=False),
    Column("seq", Integer, nullable=False),
    Column("author", String(20), nullable=False),
    Column("author_id", UUID(as_uuid=True), nullable=False),
    Column("body", Text, nullable=False),
    Column("state", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("published_at", DateTime(timezone=True)),
    Column("reviewed_by", UUID(as_uuid=True)),
    Column("review_note", String(500), nullable=False, server_default=""),
    UniqueConstraint("consultation_id", "seq", name="uq_consultation_message_seq"),
    CheckConstraint("state IN ('published', 'draft', 'returned')", name="consultation_message_state_known"),
    CheckConstraint("author IN ('participant', 'admin')", name="consultation_message_author_known"),
)

consultation_files = Table(
    "consultation_files", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("message_id", UUID(as_uuid=True), ForeignKey("consultation_messages.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("consultation_id", UUID(as_uuid=True), ForeignKey("consultations.id", ondelete="CASCADE"),
           nullable=False),
    Column("filename", String(120), nullable=False),
    Column("content_type", String(40), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("etag", String(64), nullable=False),
)
