"""`python -m edukasi_subscriber run|list --db showcase.sqlite [--bootstrap host:port] [--group NAME]`."""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import signal

from .showcase import Showcase
from .subscriber import run


def main() -> None:
    parser = argparse.ArgumentParser(prog="edukasi_subscriber")
    sub = parser.add_subparsers(dest="cmd", required=True)
    for name, help_text in (("run", "consume ukm.product and keep the showcase"),
                            ("list", "print the products on show as JSON")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--db", default="showcase.sqlite", help="SQLite file of the showcase")
    sub.choices["run"].add_argument("--bootstrap", default="127.0.0.1:9092", help="Kafka bootstrap servers")
    sub.choices["run"].add_argument("--group", default="edukasi-showcase", help="our own consumer group")
    args = parser.parse_args()
    showcase = Showcase(args.db)
    try:
        if args.cmd == "list":
            print(json.dumps(showcase.shown(), indent=2))
            return
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
        asyncio.run(_run_until_signal(args.bootstrap, showcase, args.group))
    finally:
        showcase.close()


async def _run_until_signal(bootstrap: str, showcase: Showcase, group: str) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    await run(bootstrap, showcase, group=group, stop=stop)


if __name__ == "__main__":
    main()
