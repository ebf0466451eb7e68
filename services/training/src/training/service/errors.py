"""Errors the training handlers raise; the API maps them to 4xx answers."""
from __future__ import annotations


class TrainingError(Exception):
    status = 400

    def __init__(self, detail: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or {}


class InvalidInput(TrainingError):
    status = 422

    def __init__(self, errors: dict[str, str], detail: str = "Data belum valid, periksa isian yang ditandai") -> None:
        super().__init__(detail, errors)


class Unauthorized(TrainingError):
    status = 401


class Forbidden(TrainingError):
    status = 403


class NotFound(TrainingError):
    status = 404


class Conflict(TrainingError):
    status = 409


class NotYetSynced(Conflict):
    """A local copy (participant or business) has not arrived from its event yet."""

    def __init__(self) -> None:
        super().__init__("Data Anda sedang diproses, coba lagi sebentar")
