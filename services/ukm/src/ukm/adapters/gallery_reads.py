"""The public gallery listing on a plain asyncpg pool: the hottest read of the service.

Through SQLAlchemy a listing paid, per request, a Connection and its pool checkout events, the
greenlet hop, the compiled-cache lookup (cache key of the whole statement), the result processors
of every column and row mappings: more CPU than the query itself. Here the SQL text of each query
shape (which filters, how many search words, which order) is built once, asyncpg prepares it once
per connection (its statement cache), and rows come back as asyncpg Records.
Reads run outside a transaction (autocommit): no BEGIN/ROLLBACK round trips around one SELECT.
And a connection goes back to the pool without asyncpg's default reset (`RESET ALL; UNLISTEN *;
CLOSE ALL; pg_advisory_unlock_all()`, one more round trip per request): this pool runs only the
SELECTs below, which change no session state (an open transaction would still be rolled back).
"""
from __future__ import annotations

import asyncio
from functools import cache

import asyncpg

# ids as text: asyncpg decodes text at C speed, uuid.UUID.__str__ is Python (two per row were a
# third of building the items)
LIST_COLUMNS = ("product_id::text AS product_id, product_name, business_id::text AS business_id, business_name, "
                "brand, regency_code, regency_name, category, price_min, price_max, has_photo, permits, published_at")
ORDERS = {"newest": "published_at DESC, product_id DESC", "name": "product_name ASC, product_id ASC"}


@cache
def _where(words: int, regency: bool, category: bool, permit: bool) -> tuple[str, int]:
    """The WHERE clause of one filter shape, with its number of parameters ($1..$n, in this order:
    the LIKE patterns of the search words, regency code, category, permit)."""
    parts, n = ["visible"], 0
    for _ in range(words):
        n += 1
        parts.append(f"search_text LIKE ${n}")
    for present, sql in ((regency, "regency_code = ${}"), (category, "category = ${}"),
                         (permit, "permits @> ARRAY[${}]::varchar[]")):
        if present:
            n += 1
            parts.append(sql.format(n))
    return " AND ".join(parts), n


@cache
def list_sql(words: int, regency: bool, category: bool, permit: bool, sort: str) -> str:
    where, n = _where(words, regency, category, permit)
    return (f"SELECT {LIST_COLUMNS} FROM gallery_entries WHERE {where} ORDER BY {ORDERS[sort]} "
            f"LIMIT ${n + 1} OFFSET ${n + 2}")


@cache
def count_sql(words: int, regency: bool, category: bool, permit: bool) -> str:
    return f"SELECT count(*) FROM gallery_entries WHERE {_where(words, regency, category, permit)[0]}"


async def _nothing_to_reset(connection: asyncpg.Connection) -> None:
    """The pool's reset: listeners cleared and a transaction rolled back by asyncpg itself, no query."""


class GalleryReads:
    """A small asyncpg pool for the public listing, opened on first use (inside the running loop)."""

    def __init__(self, dsn: str, size: int) -> None:
        self.dsn, self.size = dsn, size
        self._pool: asyncpg.Pool | None = None
        self._opening = asyncio.Lock()

    async def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            async with self._opening:
                if self._pool is None:
                    self._pool = await asyncpg.create_pool(self.dsn, min_size=1, max_size=self.size,
                                                           reset=_nothing_to_reset)
        return self._pool

    async def listing(self, patterns: list[str], regency_code: str | None, category: str | None,
                      permit: str | None, sort: str, limit: int, offset: int,
                      known_total: int | None) -> tuple[list[asyncpg.Record], int, bool]:
        """One page of visible entries and the total of the filter, on one connection: the rows;
        the total (counted unless the page shows it is small or `known_total` is given); and
        whether it was counted here (so the caller may cache it)."""
        shape = (len(patterns), bool(regency_code), bool(category), bool(permit))
        args = [*patterns, *(value for value in (regency_code, category, permit) if value)]
        async with (await self.pool()).acquire() as conn:
            rows = await conn.fetch(list_sql(*shape, sort), *args, limit, offset)
            if offset == 0 and len(rows) < limit:
                return rows, len(rows), False
            if known_total is not None:
                return rows, known_total, False
            return rows, await conn.fetchval(count_sql(*shape), *args), True

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()
