"""Inbox: the ids of events a consumer has applied, written in the effect's own transaction."""
from __future__ import annotations

import uuid

from sqlalchemy import Column, DateTime, MetaData, String, Table, bindparam, func
from sqlalchemy.dialects.postgresql import UUID, insert
from sqlalchemy.ext.asyncio import AsyncSession


def inbox_table(metadata: MetaData) -> Table:
    return Table(
        "inbox", metadata,
        Column("event_id", UUID(as_uuid=True), primary_key=True),
        Column("consumer", String(100), primary_key=True),
        Column("event_type", String(100), nullable=False),
        Column("processed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class Inbox:
    def __init__(self, table: Table) -> None:
        self.table = table
        # built once: constructing the statement for every event cost more than running it
        self._claim = (insert(table)
                       .values(event_id=bindparam("event_id"), consumer=bindparam("consumer"),
                               event_type=bindparam("event_type"))
                       .on_conflict_do_nothing()
                       .returning(table.c.event_id))

    async def claim(self, session: AsyncSession, event_id: uuid.UUID, consumer: str, event_type: str) -> bool:
        """Record the event as applied; False when it already was (a redelivery)."""
        params = {"event_id": event_id, "consumer": consumer, "event_type": event_type}
        return (await session.execute(self._claim, params)).first() is not None
