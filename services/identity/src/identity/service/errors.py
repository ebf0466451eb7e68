"""Errors the identity handlers raise; the app factory maps them to 4xx answers.

The hierarchy lives once in `balai_platform.errors`; these names keep identity's code reading
naturally. `IdentityError` is the platform's ServiceError, so `except IdentityError` and the app's
error handler also cover platform errors raised by shared helpers."""
from __future__ import annotations

from balai_platform import errors

IdentityError = errors.ServiceError
InvalidInput = errors.InvalidInput
Unauthorized = errors.Unauthorized
Forbidden = errors.Forbidden
NotFound = errors.NotFound
Conflict = errors.Conflict
PayloadTooLarge = errors.PayloadTooLarge
TooManyAttempts = errors.TooManyRequests  # 429 with Retry-After: TooManyAttempts(detail, retry_after)
