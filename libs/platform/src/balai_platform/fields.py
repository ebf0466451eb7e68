"""What form-field cleaners of every service share: the error they raise and what they see.

Pure Python (no framework): the services' domain packages import it."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date


class FieldError(ValueError):
    """A field value is wrong; ``code`` is a key of the service's message table."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Context:
    """What a cleaner may look at besides its own value."""

    data: Mapping[str, object]
    clean: Mapping[str, object]  # fields already cleaned in this call, parents before children
    today: date
