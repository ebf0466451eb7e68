"""The refusals of the lodging domain (the platform's 4xx hierarchy, Bahasa Indonesia messages)."""
from __future__ import annotations

from balai_platform import errors

LodgingError = errors.ServiceError
InvalidInput = errors.InvalidInput
Forbidden = errors.Forbidden
NotFound = errors.NotFound
Conflict = errors.Conflict


class BedTaken(Conflict):
    """The exclusion constraint refused: someone holds that bed on one of those nights."""

    def __init__(self) -> None:
        super().__init__("Tempat tidur itu sudah terisi pada sebagian malam tersebut. Pilih tempat tidur lain")
