"""Run a Balai ASGI app under uvicorn, with a drain phase before the graceful shutdown.

    python -m balai_platform.serve training.main:create_app --factory --host 0.0.0.0 --port 8000 \
        --timeout-graceful-shutdown 10 --drain-seconds 5

The first SIGTERM (or Ctrl+C) starts the drain (balai_platform.drain): for `--drain-seconds` the
process keeps accepting and serving, answers `Connection: close` and /readyz 503; then it stops
accepting, waits LINGER_SECONDS for the requests already on their way on just-accepted
connections, and runs uvicorn's graceful shutdown (requests in flight, at most
`--timeout-graceful-shutdown`; then the app's lifespan shutdown: consumers, relay). A second
signal skips what is left of the drain. The exit status is that of the signal, as with uvicorn.

`--fd` may be given more than once: each inherited listening socket is served (the fault suite
passes the shared service address and a private one for probing this process alone).
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import os
import signal
import socket
from types import FrameType

import uvicorn

from .drain import DRAIN, Drain
from .logging import get_logger

log = get_logger("serve")

DEFAULT_DRAIN_SECONDS = 5.0  # BALAI_DRAIN_SECONDS; docs/operations.md "Graceful shutdown"
# The garbage collector's thresholds once the app has started (BALAI_GC_THRESHOLD, "" = Python's).
# After startup everything imported so far is frozen out of the collector's sight (gc.freeze):
# with it in view, a full collection walked every module's objects and stopped the process for
# ~80 ms several times a second under load (the verification bench's p99), and the young
# generation, collected every 700 allocations, cost a tenth of a request's CPU.
DEFAULT_GC_THRESHOLD = "50000,20,10"
LINGER_SECONDS = 0.5
DRAIN_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class DrainingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, *, drain_seconds: float, drain: Drain = DRAIN,
                 gc_threshold: str | None = None) -> None:
        super().__init__(config)
        self.gc_threshold = gc_threshold  # None: leave the collector alone (a server inside a test)
        self.drain_seconds = drain_seconds
        self.drain = drain
        self._drain_logged = False

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.drain_seconds > 0 and sig in DRAIN_SIGNALS and not self.drain.active and not self.should_exit:
            # the first stop signal: drain first. No logging here (a signal handler may run
            # inside the logging call it would need); on_tick logs it. The signal is re-raised
            # after the shutdown, as uvicorn does (exit status -15).
            self._captured_signals.append(sig)
            self.drain.start()
            return
        super().handle_exit(sig, frame)

    async def on_tick(self, counter: int) -> bool:
        if self.drain.active and not self.should_exit:
            if not self._drain_logged:
                self._drain_logged = True
                log.info("drain_started", seconds=self.drain_seconds)
            if self.drain.elapsed() >= self.drain_seconds:
                log.info("drain_finished")
                self.should_exit = True
        return await super().on_tick(counter)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.gc_threshold is not None:
            tune_gc(self.gc_threshold)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self.drain.active and not self.force_exit:
            # stop accepting first; a connection accepted a moment ago gets to send its request
            # before uvicorn closes the connections that have none in progress
            for server in self.servers:
                server.close()
            await asyncio.sleep(LINGER_SECONDS)
        await super().shutdown(sockets=sockets)


def tune_gc(threshold: str) -> None:
    """Freeze what startup made (modules, the app, pools) and set the thresholds ("a,b,c")."""
    gc.collect()
    gc.freeze()
    if threshold.strip():
        gc.set_threshold(*(int(part) for part in threshold.split(",")))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m balai_platform.serve", description=__doc__.split("\n")[0])
    p.add_argument("app", help="module:attribute, e.g. training.main:create_app")
    p.add_argument("--factory", action="store_true", help="the attribute is an app factory")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--fd", type=int, action="append", default=[],
                   help="serve this inherited listening socket (repeatable; replaces --host/--port)")
    p.add_argument("--no-access-log", action="store_true")
    p.add_argument("--log-level", default="info")
    p.add_argument("--timeout-graceful-shutdown", type=int, default=10)
    p.add_argument("--timeout-keep-alive", type=int, default=5,
                   help="idle keep-alive connections are closed after this many seconds "
                        "(clients must keep theirs for less)")
    p.add_argument("--drain-seconds", type=float,
                   default=float(os.environ.get("BALAI_DRAIN_SECONDS", DEFAULT_DRAIN_SECONDS)))
    p.add_argument("--gc-threshold", default=os.environ.get("BALAI_GC_THRESHOLD", DEFAULT_GC_THRESHOLD),
                   help="the collector's thresholds after startup, 'gen0,gen1,gen2' ('' = Python's); "
                        "what startup made is frozen either way")
    return p.parse_args(argv)


def build(args: argparse.Namespace) -> tuple[DrainingServer, list[socket.socket] | None]:
    config = uvicorn.Config(args.app, factory=args.factory, host=args.host, port=args.port,
                            access_log=not args.no_access_log, log_level=args.log_level,
                            timeout_graceful_shutdown=args.timeout_graceful_shutdown,
                            timeout_keep_alive=args.timeout_keep_alive)
    sockets = [socket.socket(fileno=fd) for fd in args.fd] or None
    return DrainingServer(config, drain_seconds=args.drain_seconds, gc_threshold=args.gc_threshold), sockets


def main(argv: list[str] | None = None) -> None:
    server, sockets = build(parse_args(argv))
    server.run(sockets=sockets)


if __name__ == "__main__":
    main()
