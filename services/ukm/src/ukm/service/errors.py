"""Errors the ukm handlers raise: the platform's, so the domain's refusals map to the same 4xx answers."""
from __future__ import annotations

from balai_platform.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized
from balai_platform.errors import ServiceError as UkmError

__all__ = ["Conflict", "Forbidden", "InvalidInput", "NotFound", "Unauthorized", "UkmError"]
