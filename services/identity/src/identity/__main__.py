"""Command line: `python -m identity migrate | seed-demo`."""
from __future__ import annotations

from pathlib import Path

from balai_platform.cli import run_service_cli

from .settings import Settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


async def _seed(settings: Settings, args) -> None:
    from .seed import seed_demo
    await seed_demo(settings, args.admin_username, args.admin_password)


def main() -> None:
    run_service_cli("identity", settings=Settings, migrations=MIGRATIONS, seed=_seed,
                    seed_help="create the demo organisations, admins and a participant", admin_password_required=True)


if __name__ == "__main__":
    main()
