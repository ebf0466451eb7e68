"""Correlation id: keep a client's value after sanitizing it, otherwise make one."""
from __future__ import annotations

import re
import uuid
from contextvars import ContextVar

_INVALID = re.compile(r"[^A-Za-z0-9-]")
MAX_LENGTH = 64
current_request_id: ContextVar[str] = ContextVar("request_id", default="")


def sanitize_request_id(value: str | None) -> str:
    """Keep only [A-Za-z0-9-], at most 64 chars; an empty result gets a fresh uuid4 hex."""
    cleaned = _INVALID.sub("", value or "")[:MAX_LENGTH]
    return cleaned or uuid.uuid4().hex
