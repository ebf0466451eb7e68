"""`python -m balai_devstack.migrate_all svc...`: every named service's migrations in ONE process.

Each service's `python -m <svc> migrate` pays for its own interpreter and its own import of
SQLAlchemy and Alembic (~1.5 s of CPU each); one process pays once. Each service reads its
database URL from its own settings (env prefix), so the caller passes every service's env.
"""
from __future__ import annotations

import importlib
import sys

from balai_platform.migrate import upgrade


def main(names: list[str]) -> None:
    for name in names:
        cli = importlib.import_module(f"{name}.__main__")
        upgrade(cli.Settings().database_url, cli.MIGRATIONS)


if __name__ == "__main__":
    main(sys.argv[1:])
