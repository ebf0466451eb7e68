"""Errors the identity handlers raise; the API maps them to 4xx answers."""
from __future__ import annotations


class IdentityError(Exception):
    status = 400

    def __init__(self, detail: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or {}


class InvalidInput(IdentityError):
    status = 422

    def __init__(self, errors: dict[str, str], detail: str = "Data belum valid, periksa isian yang ditandai") -> None:
        super().__init__(detail, errors)


class Unauthorized(IdentityError):
    status = 401


class Forbidden(IdentityError):
    status = 403


class NotFound(IdentityError):
    status = 404


class TooManyAttempts(IdentityError):
    status = 429

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after
