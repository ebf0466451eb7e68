"""Command line: `python -m training migrate | seed-demo | replay [--topics ...]`."""
from __future__ import annotations

from pathlib import Path

from balai_platform.cli import ReplaySpec, run_service_cli

from .adapters.tables import inbox
from .entrypoints.consumers import REPLAY_TOPICS, register_copies
from .settings import Settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


async def _seed(settings: Settings, args) -> None:
    from .seed import seed_demo
    await seed_demo(settings)


def main() -> None:
    run_service_cli("training", settings=Settings, migrations=MIGRATIONS, seed=_seed,
                    seed_help="a living training schedule for both demo organisations",
                    replay=ReplaySpec(REPLAY_TOPICS, register_copies, inbox))


if __name__ == "__main__":
    main()
