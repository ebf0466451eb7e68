"""`make chaos`: start the stack, run every fault scenario at full size, print the table.

    python -m tests.chaos [--ci] [--only 1,2,...]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys

from .scenarios import CI, FULL, run_all, table
from .stack import new_chaos_stack


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.chaos")
    parser.add_argument("--ci", action="store_true", help="the CI-sized subset")
    parser.add_argument("--only", default="", help="scenario numbers, e.g. 1,5")
    args = parser.parse_args()
    sizes = CI if args.ci else FULL
    only = {s.strip() for s in args.only.split(",") if s.strip()} or None
    with new_chaos_stack(f"balai_chaos_{os.getpid()}") as stack:
        rows = asyncio.run(run_all(stack, sizes, only, echo=lambda s: print(s, flush=True)))
    print("\nFault suite" + (" (CI sizes)" if args.ci else ""))
    print(table(rows))
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
