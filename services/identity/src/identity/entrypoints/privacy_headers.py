"""`Cache-Control: no-store` on identity's answers: they carry personal data (NIK, KK, phone)."""
from __future__ import annotations

from fastapi import FastAPI, Request


def install_no_store(app: FastAPI) -> None:
    """Every answer without its own caching rule (photos keep theirs: private, ETag) is no-store,
    so no browser, proxy or back button keeps a copy of a full NIK/KK (L5)."""

    @app.middleware("http")
    async def _no_store(request: Request, call_next):
        response = await call_next(request)
        if "cache-control" not in response.headers:
            response.headers["Cache-Control"] = "no-store"
            response.headers.setdefault("Pragma", "no-cache")
        return response
