"""Errors the ukm handlers raise; the API maps them to 4xx answers."""
from __future__ import annotations


class UkmError(Exception):
    status = 400

    def __init__(self, detail: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or {}


class InvalidInput(UkmError):
    status = 422

    def __init__(self, errors: dict[str, str], detail: str = "Data belum valid, periksa isian yang ditandai") -> None:
        super().__init__(detail, errors)


class Unauthorized(UkmError):
    status = 401


class Forbidden(UkmError):
    status = 403


class NotFound(UkmError):
    status = 404


class Conflict(UkmError):
    status = 409
