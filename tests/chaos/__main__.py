"""`make chaos`: start the stack, run every fault scenario at full size, print the table.

    python -m tests.chaos [--ci] [--only 1,2,...]
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import signal
import sys

from .scenarios import CI, FULL, run_all, table
from .stack import new_chaos_stack


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.chaos")
    parser.add_argument("--ci", action="store_true", help="the CI-sized subset")
    parser.add_argument("--only", default="", help="scenario numbers, e.g. 1,5")
    parser.add_argument("--journeys", type=int, help="scenario 1's registrations and enrollments")
    parser.add_argument("--kills", type=int, help="scenario 2's SIGKILLs of each service")
    args = parser.parse_args()
    sizes = CI if args.ci else FULL
    if args.journeys:
        sizes = dataclasses.replace(sizes, journeys=args.journeys)
    if args.kills:
        sizes = dataclasses.replace(sizes, kills=args.kills)
    # SIGTERM (a timeout, the slot wrapper) unwinds like Ctrl-C: the stack is stopped, not orphaned
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    only = {s.strip() for s in args.only.split(",") if s.strip()} or None
    with new_chaos_stack(f"balai_chaos_{os.getpid()}") as stack:
        rows = asyncio.run(run_all(stack, sizes, only, echo=lambda s: print(s, flush=True)))
    print("\nFault suite" + (" (CI sizes)" if args.ci else ""))
    print(table(rows))
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
