"""SQLAlchemy tables of the ukm database."""
from __future__ import annotations

from sqlalchemy import (
                        BigInteger,
                        Boolean,
                        Column,
                        Computed,
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
                        func,
                        text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from balai_platform.db import make_metadata
from balai_platform.inbox import inbox_table
from balai_platform.outbox import outbox_table

metadata = make_metadata()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

# Local copy of identity's participants (ParticipantRegistered/Updated): names for display.
participants = Table(
    "participants", metadata,
    Column("participant_id", UUID(as_uuid=True), primary_key=True),
    Column("username", String(32), nullable=False),
    Column("full_name", String(100), nullable=False),
    Column("regency_name", String(100), nullable=False, server_default=""),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)

businesses = Table(
    "businesses", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("permit_kind", String(20), nullable=False),
    Column("permit_number", String(50)),
    Column("name", String(150), nullable=False),
    Column("owner_name", String(100), nullable=False),
    Column("address", String(255), nullable=False),
    Column("province_code", String(2), nullable=False),
    Column("regency_code", String(5), nullable=False),
    Column("district_code", String(8), nullable=False),
    Column("village_code", String(13), nullable=False),
    Column("regency_name", String(100), nullable=False),
    Column("category", String(30), nullable=False),
    Column("specification", String(500), nullable=False),
    Column("halal_number", String(50)),
    Column("pirt_number", String(50)),
    Column("bpom_number", String(50)),
    Column("haki_number", String(50)),
    Column("brand", String(100), nullable=False),
    Column("founded_year", SmallInteger, nullable=False),
    Column("phone", String(20), nullable=False),
    Column("social_media", String(100)),
    Column("legal_form", String(30), nullable=False),
    Column("capacity", BigInteger, nullable=False),
    Column("capacity_unit", String(20), nullable=False),
    Column("net_profit_month", BigInteger, nullable=False),
    Column("product_type", String(30), nullable=False),
    Column("workforce_male", Integer, nullable=False),
    Column("workforce_female", Integer, nullable=False),
    Column("sector", String(40), nullable=False),
    Column("assets", BigInteger, nullable=False),
    Column("turnover", BigInteger, nullable=False),
    Column("market_segment", String(30), nullable=False),
    Column("distribution_channel", String(60), nullable=False),
    Column("size_class", String(10), nullable=False),
    Column("search_text", String(400), nullable=False, server_default=""),
    Column("created_by", UUID(as_uuid=True), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_businesses_search_trgm", "search_text", postgresql_using="gin",
          postgresql_ops={"search_text": "gin_trgm_ops"}),
)

business_members = Table(
    "business_members", metadata,
    Column("business_id", UUID(as_uuid=True), ForeignKey("businesses.id"), primary_key=True),
    Column("participant_id", UUID(as_uuid=True), primary_key=True),
    Column("position", String(20), nullable=False),
    # a join request is "pending" until a member or an admin approves it
    Column("status", String(10), nullable=False, server_default="active"),
    Column("joined_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_business_members_participant_id", "participant_id"),
)

business_audit = Table(
    "business_audit", metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("business_id", UUID(as_uuid=True), ForeignKey("businesses.id"), nullable=False),
    Column("actor_id", UUID(as_uuid=True), nullable=False),
    Column("actor_role", String(20), nullable=False),
    Column("actor_username", String(32), nullable=False, server_default=""),
    Column("action", String(30), nullable=False),
    Column("changes", JSONB, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_business_audit_business_id_at", "business_id", "at"),
)

# Trainings a business joined (from AttendanceConfirmed): shown on the gallery detail.
business_trainings = Table(
    "business_trainings", metadata,
    Column("business_id", UUID(as_uuid=True), ForeignKey("businesses.id"), primary_key=True),
    Column("training_id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("title", String(200), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=False),
    Column("enrollment_id", UUID(as_uuid=True), nullable=False),
    Column("confirmed_at", DateTime(timezone=True), nullable=False),
)

products = Table(
    "products", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("business_id", UUID(as_uuid=True), ForeignKey("businesses.id"), nullable=False, index=True),
    Column("name", String(150), nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("category", String(30), nullable=False),
    Column("price_min", BigInteger),
    Column("price_max", BigInteger),
    Column("photo_count", SmallInteger, nullable=False, server_default=text("0")),
    Column("hidden", Boolean, nullable=False, server_default=text("false")),
    Column("unpublished_reason", String(500)),
    Column("unpublished_by", UUID(as_uuid=True)),
    Column("unpublished_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

product_photos = Table(
    "product_photos", metadata,
    Column("product_id", UUID(as_uuid=True), ForeignKey("products.id"), primary_key=True),
    Column("n", SmallInteger, primary_key=True),
    Column("data", LargeBinary, nullable=False),
    Column("content_type", String(20), nullable=False),
    Column("etag", String(64), nullable=False),
)

# Small WebP copies of product photos (balai_platform.thumbnails), made once on first request and
# kept here so that every replica serves them; `source_etag` ties one to the photo it was made from.
product_thumbnails = Table(
    "product_thumbnails", metadata,
    Column("product_id", UUID(as_uuid=True), ForeignKey("products.id"), primary_key=True),
    Column("n", SmallInteger, primary_key=True),
    Column("width", SmallInteger, primary_key=True),
    Column("source_etag", String(64), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("etag", String(64), nullable=False),
)

# The E-Dukasi gallery: one row per published product (the primary key makes publishing
# exactly-once), with the columns the public listing needs copied in so it reads one table.
gallery_entries = Table(
    "gallery_entries", metadata,
    Column("product_id", UUID(as_uuid=True), ForeignKey("products.id"), primary_key=True),
    Column("business_id", UUID(as_uuid=True), ForeignKey("businesses.id"), nullable=False),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("training_id", UUID(as_uuid=True), nullable=False),
    Column("enrollment_id", UUID(as_uuid=True), nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("showcased_at", DateTime(timezone=True)),
    Column("hidden", Boolean, nullable=False, server_default=text("false")),
    Column("unpublished", Boolean, nullable=False, server_default=text("false")),
    Column("visible", Boolean, Computed("NOT hidden AND NOT unpublished", persisted=True)),
    Column("product_name", String(150), nullable=False),
    Column("business_name", String(150), nullable=False),
    Column("brand", String(100), nullable=False),
    Column("regency_code", String(5), nullable=False),
    Column("regency_name", String(100), nullable=False),
    Column("category", String(30), nullable=False),
    Column("price_min", BigInteger),
    Column("price_max", BigInteger),
    Column("has_photo", Boolean, nullable=False),
    Column("permits", ARRAY(String(20)), nullable=False),
    Column("search_text", Text, nullable=False),
    Index("ix_gallery_entries_visible_published", "published_at", "product_id",
          postgresql_where=text("visible")),
    Index("ix_gallery_entries_visible_name", "product_name", "product_id", postgresql_where=text("visible")),
    Index("ix_gallery_entries_regency_code", "regency_code", "published_at", postgresql_where=text("visible")),
    Index("ix_gallery_entries_category", "category", "published_at", postgresql_where=text("visible")),
    Index("ix_gallery_entries_permits", "permits", postgresql_using="gin"),
    Index("ix_gallery_entries_search_trgm", "search_text", postgresql_using="gin",
          postgresql_ops={"search_text": "gin_trgm_ops"}),
    Index("ix_gallery_entries_business_id", "business_id"),
)
