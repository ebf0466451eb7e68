"""Transactional outbox: the event row is written in the state change's own transaction."""
from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    MetaData,
    String,
    Table,
    bindparam,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from balai_contracts.envelope import Envelope, EventData

from .logging import correlation_id

OUTBOX_CHANNEL = "balai_outbox"


def outbox_table(metadata: MetaData) -> Table:
    return Table(
        "outbox", metadata,
        Column("id", BigInteger, primary_key=True, autoincrement=True),
        Column("event_id", UUID(as_uuid=True), nullable=False, unique=True),
        Column("topic", String(200), nullable=False),
        Column("key", String(200), nullable=False),
        Column("event_type", String(100), nullable=False),
        Column("payload", JSONB, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("published_at", DateTime(timezone=True)),
        Column("attempts", BigInteger, nullable=False, server_default=text("0")),
        Index("ix_outbox_unpublished", "id", postgresql_where=text("published_at IS NULL")),
    )


class Outbox:
    """Adds events to the outbox table inside the caller's transaction."""

    def __init__(self, table: Table, source: str) -> None:
        self.table = table
        self.source = source
        inserted = table.insert().values(
            event_id=bindparam("event_id"), topic=bindparam("topic"), key=bindparam("key"),
            event_type=bindparam("event_type"), payload=bindparam("payload", type_=JSONB),
        ).returning(table.c.id).cte("inserted")
        # The row and the relay's wake-up in one statement (one round trip: inside a transaction
        # that may hold a hot row lock, each round trip counts). NOTIFY is delivered on commit only,
        # so the relay wakes exactly when the row is visible. Built once: SQLAlchemy memoizes the
        # cache key of a statement object, so the compiled form is found without a rebuild.
        self._add = select(func.pg_notify(OUTBOX_CHANNEL, "")).select_from(inserted)

    def envelope(self, data: EventData, subject: str) -> Envelope:
        return Envelope.wrap(data, source=self.source, subject=subject,
                             correlation_id=correlation_id.get())

    async def add(self, conn: AsyncSession | AsyncConnection, data: EventData, subject: str) -> Envelope:
        env = self.envelope(data, subject)
        await conn.execute(self._add, dict(event_id=env.id, topic=data.topic, key=subject, event_type=env.type,
                                           payload=env.model_dump(mode="json")))
        return env
