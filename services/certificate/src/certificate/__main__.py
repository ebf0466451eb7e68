"""Command line: `python -m certificate migrate | seed-demo | dev-pki --dir DIR`."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from balai_platform.cli import run_service_cli

from .settings import Settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


async def _seed(settings: Settings, args) -> None:
    from .seed import seed_demo
    await seed_demo(settings)


def _pki_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", required=True)
    parser.add_argument("--password", default="balai-dev")


def _dev_pki(args: argparse.Namespace) -> None:
    from .adapters.devpki import write_dev_pki
    from .demo import dev_pki_orgs

    orgs = dev_pki_orgs()
    paths = write_dev_pki(args.dir, [(f, name, signer) for _, f, name, signer in orgs], args.password)
    print(json.dumps({org: {"p12_path": str(paths[f]), "password": args.password} for org, f, _, _ in orgs}))


def main() -> None:
    run_service_cli("certificate", settings=Settings, migrations=MIGRATIONS, seed=_seed,
                    seed_help="demo templates and signatories of both organisations",
                    extra={"dev-pki": ("DEV ONLY: a dev CA and one signing PKCS#12 per demo organisation; "
                                       "prints the CERTIFICATE_SIGNING_KEYS value", _pki_arguments, _dev_pki)})


if __name__ == "__main__":
    main()
