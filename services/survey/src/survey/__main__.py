"""Command line: `python -m survey migrate | seed-demo`."""
from __future__ import annotations

from pathlib import Path

from balai_platform.cli import run_service_cli

from .settings import Settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


async def _seed(settings: Settings, args) -> None:
    from .seed import seed_demo
    await seed_demo(settings)


def main() -> None:
    run_service_cli("survey", settings=Settings, migrations=MIGRATIONS, seed=_seed,
                    seed_help="current SKM period of both demo organisations with demo responses")


if __name__ == "__main__":
    main()
