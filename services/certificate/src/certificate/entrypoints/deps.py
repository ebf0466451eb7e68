"""Request helpers."""
from __future__ import annotations

from fastapi import Request

from ..service.context import CertificateContext


def ctx_of(request: Request) -> CertificateContext:
    return request.app.state.ctx
