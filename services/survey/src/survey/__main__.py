"""Command line: `python -m survey migrate | seed-demo | replay [--topics ...]`."""
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
    run_service_cli("survey", settings=Settings, migrations=MIGRATIONS, seed=_seed,
                    seed_help="current SKM period of both demo organisations with demo responses",
                    replay=ReplaySpec(REPLAY_TOPICS, register_copies, inbox))


if __name__ == "__main__":
    main()
