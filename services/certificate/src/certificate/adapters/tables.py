"""SQLAlchemy tables of the certificate database."""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Table,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from balai_platform.db import make_metadata
from balai_platform.inbox import inbox_table
from balai_platform.outbox import outbox_table

metadata = make_metadata()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

# Certificates. One per enrollment: the partial unique index on enrollment_id (originals only)
# refuses a second issue from a redelivered event or another replica; a correction (reissue)
# points to the certificate it replaces, once (unique `replaces`). Numbers are unique per
# organisation; (org_id, year, seq) come from `number_counters` in the same transaction.
certificates = Table(
    "certificates", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("code", String(20), nullable=False, unique=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("enrollment_id", UUID(as_uuid=True), nullable=False),
    Column("training_id", UUID(as_uuid=True), nullable=False),
    Column("participant_id", UUID(as_uuid=True), nullable=False),
    # NULL only inside the inserting transaction (the row first, then the counter: see repository)
    Column("year", SmallInteger),
    Column("seq", Integer),
    Column("number", String(100)),
    Column("holder_name", String(150), nullable=False),
    Column("training_title", String(300), nullable=False),
    Column("batch", Integer, nullable=False),
    Column("kind", String(60), nullable=False),
    Column("level", String(60), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=False),
    Column("hours", Integer, nullable=False),
    Column("score", SmallInteger),
    Column("syllabus", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("issued_on", Date, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # pending (number reserved, PDF not yet stored) -> issued -> revoked
    Column("status", String(10), nullable=False),
    Column("pdf", LargeBinary),
    Column("sha256", String(64)),
    Column("issued_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
    Column("revoke_reason", String(500)),
    Column("replaces", UUID(as_uuid=True), unique=True),
    Column("replaced_by", UUID(as_uuid=True)),
    CheckConstraint("status IN ('pending', 'issued', 'revoked')", name="status"),
    CheckConstraint("status = 'pending' OR (pdf IS NOT NULL AND number IS NOT NULL)", name="stored_pdf"),
    UniqueConstraint("org_id", "number", name="uq_certificates_org_number"),
    UniqueConstraint("org_id", "year", "seq", name="uq_certificates_org_year_seq"),
    Index("uq_certificates_enrollment_original", "enrollment_id", unique=True,
          postgresql_where=text("replaces IS NULL")),
    Index("ix_certificates_participant", "participant_id"),
    Index("ix_certificates_org_training", "org_id", "training_id"),
    Index("ix_certificates_pending", "created_at", postgresql_where=text("status = 'pending'")),
)

# Gap-free numbering: one row per organisation and year; `UPDATE ... SET last = last + 1
# RETURNING last` row-locks it until the certificate insert commits, and a rollback returns it.
number_counters = Table(
    "number_counters", metadata,
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("year", SmallInteger, primary_key=True),
    Column("last", Integer, nullable=False),
    CheckConstraint("last >= 0", name="last_non_negative"),
)

# Admin-editable template per organisation and training kind ('*' = any kind of the organisation).
templates = Table(
    "templates", metadata,
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("kind", String(60), primary_key=True),
    Column("org_code", String(40), nullable=False),
    Column("org_name", String(150), nullable=False),
    Column("org_parent", String(150), nullable=False),
    Column("place", String(60), nullable=False),
    Column("number_format", String(120), nullable=False),
    Column("heading", String(60), nullable=False),
    Column("intro", String(120), nullable=False),
    Column("body", String(300), nullable=False),
    Column("closing", String(300), nullable=False),
    Column("signatory_position", String(150), nullable=False),
    Column("signatory_name", String(100), nullable=False),
    Column("signatory_nip", String(30), nullable=False),
    Column("logo_png", LargeBinary),
    Column("syllabus_page", Boolean, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Local copy: which organisation runs a training (from training's enrollment events), so that an
# admin of another organisation cannot change its settings.
trainings = Table(
    "trainings", metadata,
    Column("training_id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
)

# Per-training setting: the SKM must be submitted before the certificate can be downloaded.
training_settings = Table(
    "training_settings", metadata,
    Column("training_id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("skm_required", Boolean, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Local copy of survey's SurveySubmitted (online answers only carry the participant).
skm_submissions = Table(
    "skm_submissions", metadata,
    Column("response_id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("participant_id", UUID(as_uuid=True), nullable=False),
    Column("training_id", UUID(as_uuid=True)),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Index("ix_skm_submissions_participant", "participant_id", "org_id"),
)
