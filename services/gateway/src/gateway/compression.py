"""gzip for text answers (HTML, CSS, JS, JSON, SVG, XML) above a small size, as pure ASGI middleware.

Pictures, PDFs and archives are already compressed and pass untouched. A compressed answer gets
`Vary: Accept-Encoding` and a weak ETag (the bytes differ from the identity answer's; revalidation
still matches, since If-None-Match comparisons here ignore the `W/` prefix). brotli would save a few
more percent but needs a C extension; gzip is in the standard library.
"""
from __future__ import annotations

import zlib

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MIN_SIZE = 500  # below this the gzip header and a round of CPU cost more than they save
LEVEL = 6
TEXT_TYPES = ("text/", "application/json", "application/problem+json", "application/javascript",
              "image/svg+xml", "application/xml", "application/manifest+json")


def compressible(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower().startswith(TEXT_TYPES)


def accepts_gzip(scope: Scope) -> bool:
    for part in Headers(scope=scope).get("accept-encoding", "").lower().split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip() in ("gzip", "*") and params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            return True
    return False


class GZipTextMiddleware:
    def __init__(self, app: ASGIApp, minimum_size: int = MIN_SIZE) -> None:
        self.app, self.minimum_size = app, minimum_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await _Responder(self.app, self.minimum_size, accepts_gzip(scope))(scope, receive, send)


class _Responder:
    def __init__(self, app: ASGIApp, minimum_size: int, accepted: bool) -> None:
        self.app, self.minimum_size, self.accepted = app, minimum_size, accepted
        self.send: Send = _unset
        self.start: Message | None = None
        self.compressor = None  # zlib compressobj once the answer is being compressed
        self.passthrough = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.send = send
        await self.app(scope, receive, self.on_send)

    async def on_send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            message = message_start(message)
            headers = Headers(raw=message["headers"])
            text = compressible(headers.get("content-type", ""))
            if text:
                MutableHeaders(raw=message["headers"]).add_vary_header("Accept-Encoding")
            if not text or not self.accepted or "content-encoding" in headers or message["status"] < 200 \
                    or message["status"] in (204, 206, 304):
                self.passthrough = True
                await self.send(message)
            else:
                self.start = message  # held until the first body part says how big the answer is
            return
        if message["type"] != "http.response.body" or self.passthrough:
            await self.send(message)
            return
        body, more = message.get("body", b""), message.get("more_body", False)
        if self.start is not None:
            start, self.start = self.start, None
            if not more and len(body) < self.minimum_size:
                await self.send(start)
                await self.send(message)
                self.passthrough = True
                return
            self.compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, 31)
            out = self.compressor.compress(body) + (b"" if more else self.compressor.flush())
            headers = MutableHeaders(raw=start["headers"])
            headers["content-encoding"] = "gzip"
            etag = headers.get("etag")
            if etag and not etag.startswith("W/"):
                headers["etag"] = "W/" + etag
            if more:
                del headers["content-length"]
            else:
                headers["content-length"] = str(len(out))
            await self.send(start)
            await self.send({"type": "http.response.body", "body": out, "more_body": more})
            return
        assert self.compressor is not None
        out = self.compressor.compress(body) + (b"" if more else self.compressor.flush())
        await self.send({"type": "http.response.body", "body": out, "more_body": more})


def message_start(message: Message) -> Message:
    return {**message, "headers": list(message["headers"])}


async def _unset(message: Message) -> None:  # pragma: no cover - replaced before use
    raise RuntimeError("send used before the response started")
