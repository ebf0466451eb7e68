"""SQLAlchemy tables of the training database: schedule, enrollments, local copies."""
from __future__ import annotations

from sqlalchemy import (
                        BigInteger,
                        Boolean,
                        CheckConstraint,
                        Column,
                        Date,
                        DateTime,
                        ForeignKey,
                        Index,
                        Integer,
                        LargeBinary,
                        String,
                        Table,
                        Text,
                        func,
                        text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from balai_platform.db import make_metadata
from balai_platform.inbox import inbox_table
from balai_platform.outbox import outbox_table

metadata = make_metadata()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

trainings = Table(
    "trainings", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("batch", Integer, nullable=False),
    Column("kind", String(50), nullable=False),
    Column("level", String(50), nullable=False),
    Column("mode", String(20), nullable=False),
    Column("venue", String(200), nullable=False, server_default=""),
    Column("description", Text, nullable=False, server_default=""),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=False),
    Column("registration_opens_at", DateTime(timezone=True), nullable=False),
    Column("registration_closes_at", DateTime(timezone=True), nullable=False),
    Column("quota", Integer, nullable=False),
    Column("seats_taken", Integer, nullable=False, server_default=text("0")),
    Column("hours", Integer, nullable=False),
    Column("whatsapp_link", String(300), nullable=False, server_default=""),
    Column("requirements", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    Column("min_attendance_percent", Integer, nullable=False, server_default=text("80")),
    Column("has_evaluation", Boolean, nullable=False, server_default=text("false")),
    Column("pass_mark", Integer),
    Column("quiz_pass_mark", Integer, nullable=False, server_default=text("70")),
    Column("quiz_max_attempts", Integer, nullable=False, server_default=text("3")),
    Column("closed_at", DateTime(timezone=True)),
    Column("created_by", UUID(as_uuid=True)),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    CheckConstraint("seats_taken <= quota", name="seats_within_quota"),
    CheckConstraint("seats_taken >= 0", name="seats_not_negative"),
    CheckConstraint("mode IN ('residential', 'regional', 'online')", name="mode_known"),
    Index("ix_trainings_start_date", "start_date"),
)

participants = Table(  # local copy from identity.participant
    "participants", metadata,
    Column("participant_id", UUID(as_uuid=True), primary_key=True),
    Column("username", String(32), nullable=False),
    Column("full_name", String(100), nullable=False),
    Column("birth_date", Date, nullable=False),
    Column("sex", String(1), nullable=False),
    Column("regency_code", String(5), nullable=False),
    Column("regency_name", String(100), nullable=False),
    Column("phone_wa", String(20)),  # for the admin's "Hubungi via WhatsApp"; null for copies made before 0003
    Column("changed_at", DateTime(timezone=True), nullable=False),
)

businesses = Table(  # local copy from ukm.business
    "businesses", metadata,
    Column("business_id", UUID(as_uuid=True), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("name", String(200), nullable=False),
    Column("brand", String(200), nullable=False),
    Column("assets", BigInteger, nullable=False),
    Column("turnover", BigInteger, nullable=False),
    Column("workforce_total", Integer, nullable=False),
    Column("permits", JSONB, nullable=False),  # list of kinds held
    Column("size_class", String(20), nullable=False),
    Column("regency_code", String(5), nullable=False),
    Column("regency_name", String(100), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)

business_members = Table(
    "business_members", metadata,
    Column("business_id", UUID(as_uuid=True), ForeignKey("businesses.business_id", ondelete="CASCADE"),
           primary_key=True),
    Column("participant_id", UUID(as_uuid=True), primary_key=True, index=True),
    Column("position", String(30), nullable=False),
)

enrollments = Table(
    "enrollments", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("training_id", UUID(as_uuid=True), ForeignKey("trainings.id"), nullable=False),
    Column("participant_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("business_id", UUID(as_uuid=True), nullable=False),
    Column("status", String(20), nullable=False),
    Column("ticks", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("eligibility", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Column("verified_at", DateTime(timezone=True)),
    Column("verified_by", UUID(as_uuid=True)),
    Column("waitlisted_at", DateTime(timezone=True)),
    Column("rejected_at", DateTime(timezone=True)),
    Column("rejection_reason", String(500)),
    Column("confirmed_at", DateTime(timezone=True)),
    Column("cancelled_at", DateTime(timezone=True)),
    Column("cancel_reason", String(500)),
    Column("completed_at", DateTime(timezone=True)),
    Column("attendance_percent", Integer),
    Column("score", Integer),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    CheckConstraint("score IS NULL OR score BETWEEN 0 AND 100", name="score_range"),
    Index("uq_enrollments_active", "training_id", "participant_id", unique=True,
          postgresql_where=text("status NOT IN ('cancelled', 'rejected')")),
    Index("ix_enrollments_training_status", "training_id", "status", "submitted_at"),
    Index("ix_enrollments_pending", "submitted_at",  # the Verifikasi queue, oldest first
          postgresql_where=text("status IN ('submitted', 'waitlisted')")),
)

enrollment_files = Table(  # product photos (kind product, n 1..2) and the confirmation photo
    "enrollment_files", metadata,
    Column("enrollment_id", UUID(as_uuid=True), ForeignKey("enrollments.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(20), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
    Column("content_type", String(20), nullable=False),
    Column("etag", String(64), nullable=False),
)

attendance = Table(
    "attendance", metadata,
    Column("enrollment_id", UUID(as_uuid=True), ForeignKey("enrollments.id", ondelete="CASCADE"), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("present", Boolean, nullable=False),
    Column("recorded_by", UUID(as_uuid=True), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
