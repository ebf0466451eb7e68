"""Run a service's Alembic migrations under an advisory lock (safe with several replicas)."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

_LOCK = 0x0BA1A1


def upgrade(database_url: str, migrations_dir: Path) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    cfg.set_main_option("sqlalchemy.url", database_url)
    cfg.attributes["database_url"] = database_url
    command.upgrade(cfg, "head")


def migrations_env(target_metadata) -> None:
    """Body of a service's migrations/env.py: online migrations on asyncpg."""
    import asyncio

    from alembic import context
    from sqlalchemy.ext.asyncio import create_async_engine

    url = context.config.attributes.get("database_url") or context.config.get_main_option("sqlalchemy.url")

    def do_run(connection) -> None:
        connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _LOCK})
        try:
            context.configure(connection=connection, target_metadata=target_metadata)
            with context.begin_transaction():
                context.run_migrations()
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _LOCK})

    async def run() -> None:
        engine = create_async_engine(url)
        async with engine.connect() as conn:
            await conn.run_sync(do_run)
            await conn.commit()
        await engine.dispose()

    asyncio.run(run())
