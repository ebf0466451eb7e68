"""The drain phase of a stopping process (docs/operations.md, "Graceful shutdown").

On SIGTERM the server runner (balai_platform.serve) does not stop accepting at once: for
`drain_seconds` it keeps accepting and serving, answers every response with `Connection: close`
and makes /readyz answer 503 ("draining"). Each client thus drops its keep-alive connection
after a complete answer, in order, and clients keep idle connections for less than the drain
(the gateway's upstream pool, the load balancer): when uvicorn's own graceful shutdown starts, no
idle keep-alive connection is left for it to close under a request just being sent on it (a POST
that a client cannot safely resend). Then uvicorn's graceful shutdown runs as before.

One server per process, so the state is process-wide.
"""
from __future__ import annotations

import time

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class Drain:
    def __init__(self) -> None:
        self.started_at: float | None = None

    @property
    def active(self) -> bool:
        return self.started_at is not None

    def start(self) -> None:
        """Enter the drain (safe from a signal handler: one assignment)."""
        if self.started_at is None:
            self.started_at = time.monotonic()

    def elapsed(self) -> float:
        return 0.0 if self.started_at is None else time.monotonic() - self.started_at

    def reset(self) -> None:  # tests
        self.started_at = None


DRAIN = Drain()
DRAINING_BODY = {"status": "draining"}


class ConnectionCloseWhileDraining:
    """Pure ASGI: while the process drains, every HTTP answer carries `Connection: close`, so
    uvicorn closes the connection after it and the client opens its next one elsewhere."""

    def __init__(self, app: ASGIApp, drain: Drain = DRAIN) -> None:
        self.app = app
        self.drain = drain

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        drain = self.drain

        async def send_closing(message: Message) -> None:
            # decided when the answer starts, not when the request came: a request that began
            # before the drain and answers during it must not leave an idle connection behind
            if message["type"] == "http.response.start" and drain.active:
                MutableHeaders(scope=message)["Connection"] = "close"
            await send(message)

        await self.app(scope, receive, send_closing)
