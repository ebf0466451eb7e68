"""Errors the survey handlers raise (the platform's hierarchy under survey's names)."""
from __future__ import annotations

from balai_platform import errors

SurveyError = errors.ServiceError
InvalidInput = errors.InvalidInput
Forbidden = errors.Forbidden
NotFound = errors.NotFound
Conflict = errors.Conflict
PayloadTooLarge = errors.PayloadTooLarge
TooManyRequests = errors.TooManyRequests
