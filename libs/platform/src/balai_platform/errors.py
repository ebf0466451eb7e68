"""The errors a service's handlers raise; the app factory maps them to 4xx JSON answers.

`detail` is a sentence a person can act on (Bahasa Indonesia for users); `errors` maps form
fields to their messages. Each service keeps a subclass (IdentityError, TrainingError, ...) so
its own code reads naturally; the status codes and the answer shape live here once.
"""
from __future__ import annotations


class ServiceError(Exception):
    status = 400

    def __init__(self, detail: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or {}


class InvalidInput(ServiceError):
    status = 422

    def __init__(self, errors: dict[str, str], detail: str = "Data belum valid, periksa isian yang ditandai") -> None:
        super().__init__(detail, errors)


class Unauthorized(ServiceError):
    status = 401


class Forbidden(ServiceError):
    status = 403


class NotFound(ServiceError):
    status = 404


class Conflict(ServiceError):
    status = 409


class PayloadTooLarge(ServiceError):
    status = 413


class TooManyRequests(ServiceError):
    status = 429

    def __init__(self, detail: str, retry_after: int | None = None) -> None:
        super().__init__(detail)
        self.retry_after = retry_after

