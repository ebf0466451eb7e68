"""The command line every service has: `python -m <service> migrate | seed-demo [...]` (plus its own),
and `replay [--topics ...]` for a service that keeps local copies of compacted state topics."""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .migrate import upgrade

Seed = Callable[[Any, argparse.Namespace], Awaitable[None]]
# name -> (help, add its arguments, run it with the parsed arguments); runs without settings
Extra = dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], None]]]


@dataclass(frozen=True)
class ReplaySpec:
    """How a service rebuilds its local copies (balai_platform.replay).

    `topics`: the compacted state topics it keeps copies of (the default of `--topics`);
    `register_copies(consumer)`: registers ONLY the copy handlers (the same functions the live
    consumer registers), never a reaction with side effects; `inbox`: the service's inbox table
    (the consumer object needs one; replay itself neither reads nor writes it)."""

    topics: tuple[str, ...]
    register_copies: Callable[[Any], None]
    inbox: Any


def _replay_arguments(spec: ReplaySpec) -> Callable[[argparse.ArgumentParser], None]:
    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--topics", nargs="+", default=list(spec.topics), metavar="TOPIC",
                            help=f"topics to read from the beginning (default: {' '.join(spec.topics)})")
        parser.add_argument("--batch-size", type=int, default=500)
    return add


async def run_replay(config: Any, spec: ReplaySpec, topics: list[str], batch_size: int = 500) -> dict[str, Any]:
    """Replay `topics` into the database of `config` (a ServiceSettings); returns the report."""
    from .consumer import IdempotentConsumer
    from .db import make_engine, make_sessionmaker
    from .inbox import Inbox
    from .replay import replay

    engine = make_engine(config.database_url, pool_size=2)
    try:
        consumer = IdempotentConsumer(make_sessionmaker(engine), Inbox(spec.inbox),
                                      f"{config.consumer_group}.replay")
        spec.register_copies(consumer)
        report = await replay(config.kafka_bootstrap, topics, consumer, batch_size=batch_size)
    finally:
        await engine.dispose()
    return report.as_dict()


def run_service_cli(prog: str, *, settings: Callable[[], Any], migrations: Path, seed_help: str, seed: Seed,
                    admin_password_required: bool = False, extra: Extra | None = None,
                    replay: ReplaySpec | None = None) -> None:
    """Parse the command line and run it; `seed` imports the service's demo data lazily."""
    parser = argparse.ArgumentParser(prog=prog)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("migrate", help="apply database migrations")
    seed_parser = sub.add_parser("seed-demo", help=seed_help)
    seed_parser.add_argument("--admin-username", default="admin")
    seed_parser.add_argument("--admin-password", required=admin_password_required, default="")
    if replay is not None:
        _replay_arguments(replay)(sub.add_parser(
            "replay", help="rebuild the local copies from the beginning of the state topics "
                           "(no consumer group, no side effects)"))
    for name, (help_text, add_arguments, _) in (extra or {}).items():
        add_arguments(sub.add_parser(name, help=help_text))
    args = parser.parse_args()
    if args.cmd in (extra or {}):
        extra[args.cmd][2](args)
        return
    config = settings()
    if args.cmd == "migrate":
        upgrade(config.database_url, migrations)
    elif args.cmd == "replay":
        if args.batch_size < 1:
            parser.error("--batch-size must be at least 1")
        try:
            report = asyncio.run(run_replay(config, replay, args.topics, args.batch_size))
        except RuntimeError as exc:  # e.g. a topic the broker does not have
            print(f"{prog} replay: {exc}", file=sys.stderr)
            raise SystemExit(1) from None
        print(json.dumps(report, sort_keys=True))
    else:
        asyncio.run(seed(config, args))
