"""Request helpers of the lodging routes."""
from __future__ import annotations

from fastapi import Request

from ..service.context import LodgingContext


def ctx_of(request: Request) -> LodgingContext:
    return request.app.state.ctx
