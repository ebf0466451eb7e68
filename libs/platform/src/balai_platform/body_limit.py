"""A request body limit counted on the stream, not only on Content-Length.

A chunked upload declares no length, so a check of the header alone lets a client send (and a
form parser buffer) any amount. This ASGI middleware counts the bytes the app receives and, once
the limit is passed, stops reading and answers 413 in place of whatever the app would have said.
"""
from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_MAX_BODY_BYTES = 1024 * 1024


def too_large_message(max_bytes: int) -> str:
    megabytes = max_bytes / (1024 * 1024)
    shown = f"{megabytes:.0f}" if megabytes >= 1 else f"{megabytes:.1f}".replace(".", ",")
    return f"Ukuran data yang dikirim terlalu besar, maksimal {shown} MB"


class BodyTooLarge(HTTPException):
    """Raised from `receive` once the body passes the limit; a 413 even if the app lets it through."""

    def __init__(self, detail: str) -> None:
        super().__init__(413, detail)


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
        self.app, self.max_bytes = app, max_bytes
        self.message = too_large_message(max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # a declared Content-Length is left to the route (it refuses with its own words, e.g.
        # "Foto maksimal 3 MB", before reading); what is counted here is what actually arrives
        state = {"received": 0, "exceeded": False, "started": False}

        async def counting_receive() -> Message:
            if state["exceeded"]:
                raise BodyTooLarge(self.message)
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > self.max_bytes:
                    state["exceeded"] = True
                    raise BodyTooLarge(self.message)
            return message

        async def guarded_send(message: Message) -> None:
            if state["exceeded"]:
                # the app may have turned our exception into its own 400/422/500: answer 413 instead
                if message["type"] == "http.response.start" and not state["started"]:
                    state["started"] = True
                    await self._reject(send)
                return
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not state["exceeded"]:
                raise
            if not state["started"]:
                state["started"] = True
                await self._reject(send)

    async def _reject(self, send: Send) -> None:
        body = json.dumps({"detail": self.message}).encode()
        await send({"type": "http.response.start", "status": 413, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
