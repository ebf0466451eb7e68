"""Local copies of another service's records, kept from its events.

Events of one aggregate arrive in order per key, but a replayed or dead-letter-requeued event
may arrive after a newer one: the copy is written only when the event is at least as new as
what the row holds, so an older event never overwrites a newer one.
"""
from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession


async def upsert_if_newer(session: AsyncSession, table: Table, values: Mapping[str, object], *,
                          key: str, version: str = "changed_at") -> bool:
    """Insert the row, or update it when `values[version]` >= the stored one; True when written."""
    stmt = insert(table).values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c[key]],
        set_={name: stmt.excluded[name] for name in values if name != key},
        # `<=`, not `<`: a redelivered event of the same instant rewrites the same values
        where=table.c[version] <= stmt.excluded[version],
    ).returning(table.c[key])
    return (await session.execute(stmt)).first() is not None
