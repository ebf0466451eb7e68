"""SQLAlchemy tables of the survey database.

Concurrency rules held here (named in the aggregates' docstrings):
- `periods (org_id, start_date)` unique: one questionnaire per organisation and period;
- `invitations (period_id, participant_id)` unique: one invitation per participant, organisation, period;
- `responses (period_id, participant_id)` unique: an invited participant answers a questionnaire once
  (NULL participant ids of link/paper answers do not collide);
- `app_responses (participant_id)` unique: one app survey per account (anonymous rows have NULL).
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
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
UNSUR_COUNT = 9
PERF = [f"p{i}" for i in range(1, UNSUR_COUNT + 1)]
IMP = [f"i{i}" for i in range(1, UNSUR_COUNT + 1)]

# The survey's view of an organisation: names and report settings its admin keeps here.
organisations = Table(
    "organisations", metadata,
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("name", String(150), nullable=False),
    Column("parent", String(150), nullable=False, server_default=""),
    Column("place", String(60), nullable=False, server_default=""),
    Column("period_months", SmallInteger, nullable=False, server_default="6"),
    Column("signatory_position", String(120), nullable=False, server_default=""),
    Column("signatory_name", String(100), nullable=False, server_default=""),
    Column("signatory_nip", String(30), nullable=False, server_default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    CheckConstraint("period_months IN (3, 6, 12)", name="period_months_allowed"),
)

periods = Table(
    "periods", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), ForeignKey("organisations.org_id"), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=False),
    Column("name", String(120), nullable=False),
    Column("content", JSONB, nullable=False),
    Column("population", Integer, nullable=False, server_default="0"),
    Column("follow_up", JSONB, nullable=False, server_default="[]"),
    Column("signed_scan", LargeBinary, nullable=True),
    Column("signed_scan_name", String(200), nullable=True),
    Column("signed_at", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("org_id", "start_date", name="one_period_per_start"),
    CheckConstraint("end_date >= start_date", name="period_dates_ordered"),
    CheckConstraint("population >= 0", name="population_not_negative"),
)

invitations = Table(
    "invitations", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("period_id", UUID(as_uuid=True), ForeignKey("periods.id"), nullable=False),
    Column("participant_id", UUID(as_uuid=True), nullable=False),
    Column("training_id", UUID(as_uuid=True), nullable=False),
    Column("enrollment_id", UUID(as_uuid=True), nullable=False),
    Column("training_title", String(200), nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("answered_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("period_id", "participant_id", name="one_invitation_per_period"),
    Index("ix_invitations_participant", "participant_id"),
)

_score = [Column(c, SmallInteger, nullable=False) for c in PERF + IMP]
responses = Table(
    "responses", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("period_id", UUID(as_uuid=True), ForeignKey("periods.id"), nullable=False),
    Column("channel", String(10), nullable=False),
    Column("participant_id", UUID(as_uuid=True), nullable=True),
    Column("training_id", UUID(as_uuid=True), nullable=True),
    *_score,
    Column("anonymous", Boolean, nullable=False),
    Column("name", String(100), nullable=True),
    Column("email", String(120), nullable=True),
    Column("phone", String(20), nullable=True),
    Column("age", SmallInteger, nullable=True),
    Column("sex", String(1), nullable=True),
    Column("address", String(255), nullable=True),
    Column("education", String(40), nullable=True),
    Column("occupation", String(60), nullable=True),
    Column("suggestion", Text, nullable=False, server_default=""),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("period_id", "participant_id", name="one_answer_per_participant"),
    CheckConstraint("channel IN ('online', 'link', 'paper')", name="channel_known"),
    *[CheckConstraint(f"{c} BETWEEN 1 AND 4", name=f"{c}_scale") for c in PERF + IMP],
    Index("ix_responses_period", "period_id", "training_id"),
    # the recap lists every suggestion of a period: few rows among many answers
    Index("ix_responses_suggestions", "period_id", "submitted_at", postgresql_where=text("suggestion <> ''")),
)

app_responses = Table(
    "app_responses", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("participant_id", UUID(as_uuid=True), nullable=True, unique=True),
    Column("anonymous", Boolean, nullable=False),
    Column("name", String(100), nullable=True),
    Column("email", String(120), nullable=True),
    Column("phone", String(20), nullable=True),
    Column("answers", JSONB, nullable=False),
    Column("comment", Text, nullable=False, server_default=""),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
)

# Per-IP request counters of the public link, shared by every replica (a generous rate, not one answer per IP).
link_rate = Table(
    "link_rate", metadata,
    Column("ip_key", String(64), primary_key=True),
    Column("window_start", DateTime(timezone=True), nullable=False),
    Column("hits", Integer, nullable=False),
)

# Nonces of the public link's form tokens already used: each served form is answered at most once.
used_form_tokens = Table(
    "used_form_tokens", metadata,
    Column("nonce", String(32), primary_key=True),
    Column("used_at", DateTime(timezone=True), nullable=False),
)

# Local copy of identity's ServiceStandardsPublished (upsert_if_newer on published_at): the time limits
# of each organisation's complaint handling. {key: {"amount": n, "unit": u}}
org_deadlines = Table(
    "org_deadlines", metadata,
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("org_code", String(50), nullable=False),
    Column("deadlines", JSONB, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
)

# Pengaduan: the row is locked FOR UPDATE by every handling step; ticket and follow_hash are unique.
complaints = Table(
    "complaints", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("ticket", String(20), nullable=False, unique=True),
    Column("follow_hash", LargeBinary, nullable=False, unique=True),
    Column("participant_id", UUID(as_uuid=True), nullable=True),
    Column("anonymous", Boolean, nullable=False),
    Column("name", String(100), nullable=True),
    Column("contact", String(120), nullable=True),
    Column("service", String(150), nullable=False),
    Column("category", String(20), nullable=False),
    Column("description", Text, nullable=False),
    Column("evidence", LargeBinary, nullable=True),
    Column("evidence_type", String(30), nullable=True),
    Column("status", String(10), nullable=False),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Column("verify_due", DateTime(timezone=True), nullable=False),
    Column("verified_at", DateTime(timezone=True), nullable=True),
    Column("verification_note", Text, nullable=False, server_default=""),
    Column("answer_due", DateTime(timezone=True), nullable=True),
    Column("answered_at", DateTime(timezone=True), nullable=True),
    Column("answer", Text, nullable=False, server_default=""),
    Column("follow_up", Text, nullable=False, server_default=""),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("closing_note", Text, nullable=False, server_default=""),
    CheckConstraint("status IN ('received', 'verified', 'answered', 'closed')", name="complaint_status"),
    CheckConstraint("NOT anonymous OR (name IS NULL AND contact IS NULL AND participant_id IS NULL)",
                    name="anonymous_keeps_no_identity"),
    Index("ix_complaints_org_submitted", "org_id", "submitted_at"),
    Index("ix_complaints_participant", "participant_id"),
)

# One ticket counter per year (INSERT .. ON CONFLICT DO UPDATE .. RETURNING in the complaint's transaction).
complaint_counters = Table(
    "complaint_counters", metadata,
    Column("year", SmallInteger, primary_key=True),
    Column("last", Integer, nullable=False),
)
