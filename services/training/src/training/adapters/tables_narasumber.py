"""Tables of narasumber (trainers): registrations and their documents, assignments to training modules,
requests for a narasumber from outside bodies, letter counters and the organisation's letterhead."""
from __future__ import annotations

from sqlalchemy import (
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
                        UniqueConstraint,
                        func,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from .tables import metadata

narasumber = Table(
    "narasumber", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("account_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("full_name", String(100), nullable=False),
    Column("email", String(120), nullable=False),
    Column("phone", String(20), nullable=False),
    Column("expertise", String(200), nullable=False),
    Column("education", String(20), nullable=False),
    Column("experience", Text, nullable=False),
    Column("modules", JSONB, nullable=False),
    Column("status", String(20), nullable=False),
    Column("recommendation", String(10)),
    Column("recommendation_reason", String(500)),
    Column("recommended_by", UUID(as_uuid=True)),
    Column("recommended_at", DateTime(timezone=True)),
    Column("decision_reason", String(500)),
    Column("decided_by", UUID(as_uuid=True)),
    Column("decided_at", DateTime(timezone=True)),
    Column("letter_number", String(60)),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("account_id", "org_id", name="uq_narasumber_account_org"),
    CheckConstraint("status IN ('submitted', 'recommended', 'approved', 'rejected')", name="status_known"),
    # the two-level decision: the head who decides is never the reviewer who recommended
    CheckConstraint("decided_by IS NULL OR decided_by <> recommended_by", name="two_person_decision"),
    Index("ix_narasumber_org_status", "org_id", "status", "submitted_at"),
)

narasumber_files = Table(  # CV (n 1) and certificates (n 1..3): PDF judged by content, ≤ 3 MB
    "narasumber_files", metadata,
    Column("narasumber_id", UUID(as_uuid=True), ForeignKey("narasumber.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(20), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("filename", String(120), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("etag", String(64), nullable=False),
)

narasumber_assignments = Table(
    "narasumber_assignments", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("narasumber_id", UUID(as_uuid=True), ForeignKey("narasumber.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("training_id", UUID(as_uuid=True), ForeignKey("trainings.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("module", String(200), nullable=False),
    Column("day", Date, nullable=False),
    Column("assigned_by", UUID(as_uuid=True), nullable=False),
    Column("assigned_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("narasumber_id", "training_id", "module", "day", name="uq_narasumber_assignment"),
)

narasumber_requests = Table(
    "narasumber_requests", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("body_name", String(200), nullable=False),
    Column("contact_name", String(100), nullable=False),
    Column("contact_email", String(120), nullable=False),
    Column("contact_phone", String(20), nullable=False),
    Column("letter_number", String(100), nullable=False),
    Column("letter_date", Date, nullable=False),
    Column("topic", String(200), nullable=False),
    Column("event_date", Date, nullable=False),
    Column("place", String(200), nullable=False),
    Column("audience", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("narasumber_id", UUID(as_uuid=True), ForeignKey("narasumber.id")),
    Column("decision_reason", String(500)),
    Column("decided_by", UUID(as_uuid=True)),
    Column("decided_at", DateTime(timezone=True)),
    Column("answer_number", String(60)),
    Column("letter_filename", String(120), nullable=False),
    Column("letter_data", LargeBinary, nullable=False),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("status IN ('submitted', 'approved', 'rejected')", name="status_known"),
    CheckConstraint("status <> 'approved' OR narasumber_id IS NOT NULL", name="approved_names_narasumber"),
    CheckConstraint("audience BETWEEN 1 AND 10000", name="audience_range"),
    Index("ix_narasumber_requests_org_status", "org_id", "status", "submitted_at"),
)

narasumber_letter_counters = Table(  # letter numbers per organisation, kind and year: UPDATE ... RETURNING
    "narasumber_letter_counters", metadata,
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("kind", String(20), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("last", Integer, nullable=False),
)

narasumber_offices = Table(  # the organisation's letterhead and signing official, kept by its admin
    "narasumber_offices", metadata,
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("name", String(150), nullable=False),
    Column("parent", String(150), nullable=False, server_default=""),
    Column("address", String(250), nullable=False, server_default=""),
    Column("place", String(60), nullable=False, server_default=""),
    Column("head_position", String(150), nullable=False, server_default=""),
    Column("head_name", String(100), nullable=False, server_default=""),
    Column("head_nip", String(30), nullable=False, server_default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
