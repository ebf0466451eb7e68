"""SQLAlchemy tables of the identity database."""
from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from balai_platform.db import make_metadata
from balai_platform.inbox import inbox_table
from balai_platform.outbox import outbox_table

metadata = make_metadata()
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

organisations = Table(
    "organisations", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("code", String(50), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
)

accounts = Table(
    "accounts", metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("username", String(32), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("org_id", UUID(as_uuid=True), ForeignKey("organisations.id")),
    Column("full_name", String(100), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False, server_default="true"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

participants = Table(
    "participants", metadata,
    Column("account_id", UUID(as_uuid=True), ForeignKey("accounts.id"), primary_key=True),
    Column("nik_enc", LargeBinary, nullable=False),
    Column("nik_index", LargeBinary, nullable=False, unique=True),
    Column("kk_enc", LargeBinary, nullable=False),
    Column("kk_index", LargeBinary, nullable=False),
    Column("npwp_enc", LargeBinary),
    Column("phone_wa", String(20), nullable=False),
    Column("birth_place", String(100), nullable=False),
    Column("birth_date", Date, nullable=False),
    Column("sex", String(1), nullable=False),
    Column("province_code", String(2), nullable=False),
    Column("regency_code", String(5), nullable=False),
    Column("district_code", String(8), nullable=False),
    Column("village_code", String(13), nullable=False),
    Column("address", String(255), nullable=False),
    Column("marital_status", String(20), nullable=False),
    Column("photo", LargeBinary),
    Column("photo_type", String(20)),
    Column("photo_etag", String(64)),
    Column("search_text", String(300), nullable=False, server_default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_participants_kk_index", "kk_index"),
)
# NIK, KK and NPWP live only encrypted (*_enc) and as keyed blind indexes (*_index): no column
# holds NIK digits in clear, so a dump cannot rebuild a NIK from its serial or region prefix.

# Local copy from training's EnrollmentSubmitted: which organisations a participant applied to,
# so that only their admins see the full NIK/KK. No foreign key: the event may arrive for an
# account this database does not hold (yet), and it is a fact about the other service's data.
participant_orgs = Table(
    "participant_orgs", metadata,
    Column("participant_id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("first_at", DateTime(timezone=True), nullable=False),
)

# Every view of a full NIK/KK/NPWP by an admin (UU PDP accountability); never the values.
nik_access_log = Table(
    "nik_access_log", metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("admin_id", UUID(as_uuid=True), nullable=False),
    Column("participant_id", UUID(as_uuid=True), nullable=False),
    Column("fields", ARRAY(String(10)), nullable=False),
    Column("request_id", String(64), nullable=False, server_default=""),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_nik_access_log_participant_at", "participant_id", "at"),
    Index("ix_nik_access_log_admin_at", "admin_id", "at"),
    Index("ix_nik_access_log_at", "at"),
)

refresh_tokens = Table(
    "refresh_tokens", metadata,
    Column("token_hash", LargeBinary, primary_key=True),
    Column("account_id", UUID(as_uuid=True), ForeignKey("accounts.id"), nullable=False, index=True),
    Column("family_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

password_resets = Table(
    "password_resets", metadata,
    Column("token_hash", LargeBinary, primary_key=True),
    Column("account_id", UUID(as_uuid=True), ForeignKey("accounts.id"), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
)

login_failures = Table(
    "login_failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", LargeBinary, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_login_failures_key_at", "key", "at"),
)

dev_mailbox = Table(
    "dev_mailbox", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("recipient", String(100), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("body", String(2000), nullable=False),
    Column("link", String(500), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# Standar Pelayanan: one row per organisation (the key makes a second row impossible); `version`
# grows by one per save (the row is loaded FOR UPDATE). services: [{name, requirements, procedure,
# time_limit, cost, product, complaints}]; deadlines: {key: {"amount": n, "unit": u}}.
service_standards = Table(
    "service_standards", metadata,
    Column("org_id", UUID(as_uuid=True), ForeignKey("organisations.id"), primary_key=True),
    Column("services", JSONB, nullable=False),
    Column("deadlines", JSONB, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
