"""Command line: `python -m certificate migrate | seed-demo | dev-pki --dir DIR`."""
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
    pki = sub.add_parser("dev-pki", help="DEV ONLY: a dev CA and one signing PKCS#12 per demo organisation; "
                                         "prints the CERTIFICATE_SIGNING_KEYS value")
    pki.add_argument("--dir", required=True)
    pki.add_argument("--password", default="balai-dev")
    args = parser.parse_args()
    if args.cmd == "dev-pki":
        import json

        from .adapters.devpki import write_dev_pki
        from .demo import dev_pki_orgs

        orgs = dev_pki_orgs()
        paths = write_dev_pki(args.dir, [(f, name, signer) for _, f, name, signer in orgs], args.password)
        print(json.dumps({org: {"p12_path": str(paths[f]), "password": args.password} for org, f, _, _ in orgs}))
        return
    settings = Settings()
    if args.cmd == "migrate":
        upgrade(settings.database_url, MIGRATIONS)
    elif args.cmd == "seed-demo":
        from .seed import seed_demo
        asyncio.run(seed_demo(settings))


if __name__ == "__main__":
    main()
