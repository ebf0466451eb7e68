"""Correlation id: keep a client's value after sanitizing it, otherwise make one."""
from __future__ import annotations

import re
import uuid

from balai_platform.logging import correlation_id

_INVALID = re.compile(r"[^A-Za-z0-9-]")
MAX_LENGTH = 64
# the platform's correlation id: every log line of the gateway carries it, like the services'
current_request_id = correlation_id


def sanitize_request_id(value: str | None) -> str:
    """Keep only [A-Za-z0-9-], at most 64 chars; an empty result gets a fresh uuid4 hex."""
    cleaned = _INVALID.sub("", value or "")[:MAX_LENGTH]
    return cleaned or uuid.uuid4().hex
