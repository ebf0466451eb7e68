"""Command line: `python -m certificate migrate | seed-demo`."""
from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from balai_platform.migrate import upgrade

from .settings import Settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def main() -> None:
    parser = argparse.ArgumentParser(prog="certificate")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("migrate", help="apply database migrations")
    seed = sub.add_parser("seed-demo", help="demo templates and signatories of both organisations")
    seed.add_argument("--admin-username", default="admin")
    seed.add_argument("--admin-password", required=False, default="")
    args = parser.parse_args()
    settings = Settings()
    if args.cmd == "migrate":
        upgrade(settings.database_url, MIGRATIONS)
    elif args.cmd == "seed-demo":
        from .seed import seed_demo
        asyncio.run(seed_demo(settings))


if __name__ == "__main__":
    main()
