"""Errors the training handlers raise; the app factory maps them to 4xx answers.

The hierarchy lives once in `balai_platform.errors`; these names keep training's code reading
naturally. `TrainingError` is the platform's ServiceError, so `except TrainingError` and the app's
error handler also cover platform errors raised by shared helpers."""
from __future__ import annotations

from balai_platform import errors

TrainingError = errors.ServiceError
InvalidInput = errors.InvalidInput
Unauthorized = errors.Unauthorized
Forbidden = errors.Forbidden
NotFound = errors.NotFound
Conflict = errors.Conflict


class NotYetSynced(Conflict):
    """A local copy (participant or business) has not arrived from its event yet."""

    def __init__(self) -> None:
        super().__init__("Data Anda sedang diproses, coba lagi sebentar")
