"""Probes and metrics."""
from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from starlette.responses import JSONResponse, Response

from balai_platform.drain import DRAIN, DRAINING_BODY

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
async def healthz() -> JSONResponse:
    return JSONResponse({"status": "ok"})


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    if DRAIN.active:  # stopping (balai_platform.drain)
        return JSONResponse(DRAINING_BODY, status_code=503)
    upstreams = request.app.state.upstreams
    names = sorted(upstreams.urls)
    results = await asyncio.gather(*(upstreams.healthy(name) for name in names))
    down = [name for name, ok in zip(names, results, strict=False) if not ok]
    if down:
        return JSONResponse({"status": "unavailable", "unavailable": down}, status_code=503)
    return JSONResponse({"status": "ok", "services": names})


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    body, content_type = request.app.state.metrics.render()
    return Response(body, media_type=content_type)
