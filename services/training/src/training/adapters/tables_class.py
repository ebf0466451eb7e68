"""Tables of online asynchronous classes (Si-Jawara+): modules and their files, progress, the quiz; testimonials."""
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
                        func,
                        text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from .tables import metadata

modules = Table(
    "modules", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("training_id", UUID(as_uuid=True), ForeignKey("trainings.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("position", Integer, nullable=False),
    Column("title", String(200), nullable=False),
    Column("content", Text, nullable=False, server_default=""),
    Column("link", String(500), nullable=False, server_default=""),
)

module_files = Table(  # file materials of a module: PDF, JPEG or PNG judged by content, ≤ 3 MB, ≤ 5 a module
    "module_files", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("module_id", UUID(as_uuid=True), ForeignKey("modules.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("filename", String(120), nullable=False),
    Column("content_type", String(40), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("etag", String(64), nullable=False),  # sha256 hex of data
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

module_progress = Table(
    "module_progress", metadata,
    Column("enrollment_id", UUID(as_uuid=True), ForeignKey("enrollments.id", ondelete="CASCADE"), primary_key=True),
    Column("module_id", UUID(as_uuid=True), ForeignKey("modules.id", ondelete="CASCADE"), primary_key=True),
    Column("completed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

quiz_questions = Table(
    "quiz_questions", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("training_id", UUID(as_uuid=True), ForeignKey("trainings.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("options", JSONB, nullable=False),
    Column("correct", Integer, nullable=False),
)

quiz_attempts = Table(
    "quiz_attempts", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("enrollment_id", UUID(as_uuid=True), ForeignKey("enrollments.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("number", Integer, nullable=False),
    Column("paper", JSONB, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("submitted_at", DateTime(timezone=True)),
    Column("score", Integer),
    Column("passed", Boolean),
    Index("uq_quiz_attempts_number", "enrollment_id", "number", unique=True),
)

testimonials = Table(
    "testimonials", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("enrollment_id", UUID(as_uuid=True), ForeignKey("enrollments.id", ondelete="CASCADE"), nullable=False,
           unique=True),
    Column("training_id", UUID(as_uuid=True), ForeignKey("trainings.id"), nullable=False, index=True),
    Column("participant_id", UUID(as_uuid=True), nullable=False),
    Column("rating", Integer, nullable=False),
    Column("text", String(1000), nullable=False),
    Column("hidden", Boolean, nullable=False, server_default=text("false")),
    Column("moderated_by", UUID(as_uuid=True)),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
)
