"""SQLAlchemy tables of the lodging database."""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Table,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, DATERANGE, UUID, ExcludeConstraint

from balai_platform.db import make_metadata
from balai_platform.inbox import inbox_table
from balai_platform.outbox import outbox_table

metadata = make_metadata()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

# Local copy of identity's participants: the username the admin board searches by.
participants = Table(
    "participants", metadata,
    Column("participant_id", UUID(as_uuid=True), primary_key=True),
    Column("username", String(32), nullable=False, index=True),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)

org_settings = Table(
    "org_settings", metadata,
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("arrive_evening_before", Boolean, nullable=False, server_default=text("false")),
)

buildings = Table(
    "buildings", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("name", String(80), nullable=False),
    Column("notes", String(300), nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("org_id", "name"),
)

rooms = Table(
    "rooms", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("building_id", UUID(as_uuid=True), ForeignKey("buildings.id"), nullable=False),
    Column("code", String(16), nullable=False),
    Column("floor", SmallInteger, nullable=False),
    Column("beds", SmallInteger, nullable=False),
    Column("sex", String(1), nullable=False),
    Column("accessible", Boolean, nullable=False, server_default=text("false")),
    Column("facilities", ARRAY(String(30)), nullable=False, server_default="{}"),
    Column("notes", String(300), nullable=False, server_default=""),
    Column("closed_from", Date, nullable=True),
    Column("closed_until", Date, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("building_id", "code"),
    CheckConstraint("sex IN ('L', 'P')", name="sex"),
    CheckConstraint("(closed_from IS NULL) = (closed_until IS NULL) AND closed_until >= closed_from "
                    "OR closed_from IS NULL", name="closure"),
)

beds = Table(
    "beds", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("room_id", UUID(as_uuid=True), ForeignKey("rooms.id"), nullable=False),
    Column("label", String(4), nullable=False),
    UniqueConstraint("room_id", "label"),
)

stays = Table(
    "stays", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("enrollment_id", UUID(as_uuid=True), nullable=False, unique=True),
    Column("training_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("training_title", String(200), nullable=False),
    Column("participant_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("participant_name", String(100), nullable=False),
    Column("sex", String(1), nullable=False),
    Column("business_id", UUID(as_uuid=True), nullable=False),
    Column("first_night", Date, nullable=False),
    Column("last_night", Date, nullable=False),
    Column("status", String(12), nullable=False),
    Column("bed_id", UUID(as_uuid=True), ForeignKey("beds.id"), nullable=True),
    # the nights this stay holds its bed, [from, to); NULL while waiting or released
    Column("held", DATERANGE, nullable=True),
    Column("need", String(300), nullable=False, server_default=""),
    Column("waiting_since", DateTime(timezone=True), nullable=True),
    Column("checked_in_at", DateTime(timezone=True), nullable=True),
    Column("checked_out_at", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    CheckConstraint("(bed_id IS NULL) = (held IS NULL)", name="bed_held"),
    CheckConstraint("last_night >= first_night", name="nights"),
    # No race in any code path can put two guests in one bed on one night.
    ExcludeConstraint(("bed_id", "="), ("held", "&&"), using="gist", name="no_double_booking"),
    Index("ix_stays_waiting", "org_id", "waiting_since", postgresql_where=text("status = 'waiting'")),
    Index("ix_stays_bed_held", "bed_id"),
)
