"""Record every JSON answer the fake services give, to check them against the real services' schemas."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    service: str
    method: str
    path: str
    status: int
    body: bytes


RECORDED: list[Answer] = []


class AnswerRecorder:
    """ASGI middleware around a fake app: passes everything through, keeps the JSON answers."""

    def __init__(self, app, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started: dict = {}
        chunks: list[bytes] = []

        async def capture(message):
            if message["type"] == "http.response.start":
                ctype = dict(message.get("headers") or []).get(b"content-type", b"")
                started.update(status=message["status"], json=ctype.startswith(b"application/json"))
            elif message["type"] == "http.response.body" and started.get("json"):
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        if started.get("json"):
            RECORDED.append(Answer(self.service, scope["method"], scope["path"], started["status"],
                                   b"".join(chunks)))
