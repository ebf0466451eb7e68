"""The engine's pool without pre-ping: connections PostgreSQL closed are replaced, no request fails."""
from __future__ import annotations

import asyncio

import asyncpg
import pytest
from sqlalchemy import text

from balai_devstack.infra import create_database
from balai_platform.db import make_engine

pytestmark = pytest.mark.integration


async def test_connections_closed_by_the_server_are_replaced_without_an_error(balai_stack):
    name = f"{balai_stack.prefix}_platform_pool"
    await create_database(balai_stack.pg, name, fresh=True)
    url = balai_stack.pg.database_url(name)
    engine = make_engine(url, pool_size=4)
    try:
        async def query() -> int:
            async with engine.connect() as conn:
                await asyncio.sleep(0.01)  # hold it, so the pool opens several
                return (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()

        before = set(await asyncio.gather(*(query() for _ in range(4))))
        admin = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://", 1))
        try:  # what a PostgreSQL restart does to the pooled connections
            killed = await admin.fetchval(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = $1 AND pid <> pg_backend_pid()) t", name)
        finally:
            await admin.close()
        assert killed >= len(before)
        await asyncio.sleep(0.2)
        after = set(await asyncio.gather(*(query() for _ in range(8))))
        assert not after & before
    finally:
        await engine.dispose()
