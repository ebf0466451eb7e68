"""The command line every service has: `python -m <service> migrate | seed-demo [...]` (plus its own)."""
from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from .migrate import upgrade

Seed = Callable[[Any, argparse.Namespace], Awaitable[None]]
# name -> (help, add its arguments, run it with the parsed arguments); runs without settings
Extra = dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], None]]]


def run_service_cli(prog: str, *, settings: Callable[[], Any], migrations: Path, seed_help: str, seed: Seed,
                    admin_password_required: bool = False, extra: Extra | None = None) -> None:
    """Parse the command line and run it; `seed` imports the service's demo data lazily."""
    parser = argparse.ArgumentParser(prog=prog)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("migrate", help="apply database migrations")
    seed_parser = sub.add_parser("seed-demo", help=seed_help)
    seed_parser.add_argument("--admin-username", default="admin")
    seed_parser.add_argument("--admin-password", required=admin_password_required, default="")
    for name, (help_text, add_arguments, _) in (extra or {}).items():
        add_arguments(sub.add_parser(name, help=help_text))
    args = parser.parse_args()
    if args.cmd in (extra or {}):
        extra[args.cmd][2](args)
        return
    config = settings()
    if args.cmd == "migrate":
        upgrade(config.database_url, migrations)
    else:
        asyncio.run(seed(config, args))
