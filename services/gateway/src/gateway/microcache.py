"""Micro-cache of the public pages anonymous visitors hit in a rush, as pure ASGI middleware.

`/jadwal`, `/galeri` and the gallery JSON (`/api/ukm/gallery`) are the same for every anonymous
visitor. (The home page is not: it is the login form, with a CSRF token and cookie per visitor.) When a crowd arrives (a registration opens, a link goes round WhatsApp), the
gateway renders each URL once per second instead of once per visitor: the answer is kept for
`ttl` seconds (GATEWAY_MICROCACHE_SECONDS, default 1; 0 turns it off) per method+path+query, per
language and per gzip/identity encoding, and concurrent misses of one key wait for the first
one's answer instead of rendering it again.

What is never cached, so no answer can carry one person's data to another:
- a request with any Cookie or Authorization header (a logged-in user, a flash message, a CSRF
  token: the page may show them), and anything but GET;
- an answer that is not 200, sets a cookie (Set-Cookie, or cookies the session code collected),
  says `private`/`no-store`, varies on anything but Accept-Encoding, or is larger than MAX_BODY.
A write through this gateway to the data a cached page shows (ukm for the gallery, a training's
administration or a cancellation for the schedule) drops those entries at once, so whoever changed
something sees it; other replicas may show the old page for up to the TTL.
The edge middleware outside still counts rate limits and adds the request id and security headers
to every answer, cached or not; `X-Cache: hit|miss` says which it was.
"""
from __future__ import annotations

import asyncio
import re
import time
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.compression import accepts_gzip
from gateway.i18n import DEFAULT_LOCALE

# exact paths (any query string): public, the same page for every anonymous visitor, by the data
# they show; a write through this gateway to that data drops them at once (WRITERS)
GROUPS = {"/galeri": "gallery", "/api/ukm/gallery": "gallery", "/jadwal": "schedule"}
CACHED_PATHS = frozenset(GROUPS)
WRITERS = (
    ("gallery", re.compile(r"^/(api/ukm/|ukm/|admin/ukm|admin/galeri)")),
    # not a participant's enrollment (a registration rush): it changes no seat; verification does
    ("schedule", re.compile(r"^/(api/training/(?!trainings/[^/]+/enrollments$)|admin/pelatihan|admin/pendaftaran|riwayat/)")),
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_ENTRIES = 2000       # distinct URLs kept (oldest dropped first): queries cannot grow it unbounded
MAX_BYTES = 32 * 1024 * 1024  # and their bodies together
MAX_BODY = 512 * 1024    # larger answers pass through
WAIT_FOR_LEADER = 5.0    # seconds a follower waits for the first miss's answer before rendering itself
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


@dataclass
class _Entry:
    expires: float
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    route: object

    @property
    def etag(self) -> bytes:
        return next((v for k, v in self.headers if k == b"etag"), b"")


def locale_of(scope: Scope) -> str:
    """The language the page is rendered in. Pages are in Bahasa Indonesia only today; when the
    gateway picks a language per request, it must be read here so each language has its own entry."""
    return DEFAULT_LOCALE


def cacheable_request(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in CACHED_PATHS:
        return False
    return not any(name in (b"cookie", b"authorization") for name, _ in scope.get("headers") or ())


class MicroCacheMiddleware:
    def __init__(self, app: ASGIApp, *, ttl: float, clock=time.monotonic) -> None:
        self.app, self.ttl, self.clock = app, ttl, clock
        self.entries: OrderedDict[tuple, _Entry] = OrderedDict()
        self.leaders: dict[tuple, asyncio.Future] = {}
        self.generation = dict.fromkeys(GROUPS.values(), 0)
        self.size = 0  # bytes of the kept bodies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.ttl > 0 and scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            groups = [group for group, pattern in WRITERS if pattern.match(scope["path"])]
            if groups:
                await self._write(groups, scope, receive, send)
                return
        if self.ttl <= 0 or not cacheable_request(scope):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""), locale_of(scope), accepts_gzip(scope))
        entry = self._fresh(key)
        if entry is None and key in self.leaders:  # someone is rendering it right now: wait for it
            try:
                entry = await asyncio.wait_for(asyncio.shield(self.leaders[key]), WAIT_FOR_LEADER)
            except TimeoutError:
                entry = None
        if entry is not None:
            await self._replay(entry, scope, send)
            return
        future = None
        if key not in self.leaders:  # the first miss renders; later ones wait for its answer
            future = self.leaders[key] = asyncio.get_running_loop().create_future()
        stored = None
        try:
            stored = await self._render(scope, receive, send, key)
        finally:
            if future is not None:
                self.leaders.pop(key, None)
                future.set_result(stored)

    async def _write(self, groups: list[str], scope: Scope, receive: Receive, send: Send) -> None:
        """A change to what cached pages show: an answer being rendered meanwhile is not stored
        (generation), and what is stored goes once the write is done. Other gateway replicas
        keep theirs for at most the TTL."""
        self._invalidate(groups)
        try:
            await self.app(scope, receive, send)
        finally:
            self._invalidate(groups)

    def _invalidate(self, groups: list[str]) -> None:
        for group in groups:
            self.generation[group] += 1
        for key in [k for k in self.entries if GROUPS[k[0]] in groups]:
            self._drop(key)

    def _drop(self, key: tuple) -> None:
        self.size -= len(self.entries.pop(key).body)

    def _fresh(self, key: tuple) -> _Entry | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        if entry.expires <= self.clock():
            self._drop(key)
            return None
        return entry

    async def _replay(self, entry: _Entry, scope: Scope, send: Send) -> None:
        scope["route"] = entry.route  # metrics and the access log name the route as for a miss
        if entry.etag and _matches(scope, entry.etag):  # the visitor holds this version already
            headers = [(k, v) for k, v in entry.headers if k in (b"etag", b"cache-control", b"vary")]
            await send({"type": "http.response.start", "status": 304, "headers": [*headers, (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": entry.status,
                    "headers": [*entry.headers, (b"x-cache", b"hit")]})
        await send({"type": "http.response.body", "body": entry.body})

    async def _render(self, scope: Scope, receive: Receive, send: Send, key: tuple) -> _Entry | None:
        group = GROUPS[key[0]]
        generation = self.generation[group]
        start: Message | None = None
        parts: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                start = message
                keep = _storable(message)
                message = {**message, "headers": [*message["headers"], (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                if size > MAX_BODY:
                    keep, parts[:] = False, []
                else:
                    parts.append(body)
            await send(message)

        await self.app(scope, receive, capture)
        # cookies the session code collected are written by the edge middleware outside: never store those
        if not keep or start is None or scope.get("state", {}).get("set_cookies"):
            return None
        if self.generation[group] != generation:  # a write to its data happened meanwhile
            return None
        entry = _Entry(self.clock() + self.ttl, start["status"], list(start["headers"]), b"".join(parts),
                       scope.get("route"))
        if key in self.entries:
            self._drop(key)
        self.entries[key] = entry
        self.size += len(entry.body)
        while len(self.entries) > MAX_ENTRIES or self.size > MAX_BYTES:
            self._drop(next(iter(self.entries)))
        return entry


def _matches(scope: Scope, etag: bytes) -> bool:
    """If-None-Match names this version (weak comparison: a gzip answer's ETag is W/"...")."""
    wanted = etag.removeprefix(b"W/")
    for name, value in scope.get("headers") or ():
        if name == b"if-none-match":
            return any(v.strip().removeprefix(b"W/") in (wanted, b"*") for v in value.split(b","))
    return False


def _storable(start: Message) -> bool:
    if start["status"] != 200:
        return False
    for name, value in start.get("headers") or ():
        name = name.lower()
        if name == b"set-cookie":
            return False
        if name == b"cache-control" and any(d in value.lower() for d in
                                            (x.encode() for x in UNCACHEABLE_DIRECTIVES)):
            return False
        if name == b"vary" and any(v.strip() not in (b"accept-encoding", b"") for v in value.lower().split(b",")):
            return False
    return True
