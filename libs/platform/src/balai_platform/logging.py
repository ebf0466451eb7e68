"""structlog JSON logs with a correlation id in every line."""
from __future__ import annotations

import logging
import sys
import uuid
from contextvars import ContextVar

import structlog

correlation_id: ContextVar[str] = ContextVar("correlation_id", default="")

_SENSITIVE = {"nik", "kk", "password", "password_confirm", "token", "refresh_token",
              "access_token", "phone", "npwp", "authorization"}


def new_correlation_id() -> str:
    return uuid.uuid4().hex


def _add_correlation_id(_, __, event_dict):
    cid = correlation_id.get()
    if cid:
        event_dict.setdefault("correlation_id", cid)
    return event_dict


def _drop_sensitive(_, __, event_dict):
    # Defence in depth: personal data must never reach the logs (UU PDP).
    for key in list(event_dict):
        if key.lower() in _SENSITIVE:
            event_dict[key] = "[redacted]"
    return event_dict


def configure_logging(service: str, level: str = "INFO", json: bool = True) -> None:
    logging.basicConfig(format="%(message)s", stream=sys.stdout, level=level.upper(), force=True)
    for noisy in ("aiokafka", "uvicorn.access", "faststream"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    renderer = structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer()
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _add_correlation_id,
            _drop_sensitive,
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.bind_contextvars(service=service)


def get_logger(name: str | None = None):
    return structlog.get_logger(name)
