"""What an Enrollment knows of its training and of the local copies: typed, frozen, pure."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class TrainingFacts:
    """The training (jadwal) fields the enrollment's rules and events need."""

    id: uuid.UUID
    org_id: uuid.UUID
    title: str
    batch: int
    kind: str
    level: str
    mode: str
    venue: str
    hours: int
    start_date: date
    end_date: date
    closed: bool = False
    has_evaluation: bool = False
    pass_mark: int | None = None
    min_attendance_percent: int = 80
    quiz_pass_mark: int = 70
    quiz_max_attempts: int = 3

    @property
    def display_title(self) -> str:
        return f"{self.title} Angkatan {self.batch}"

    @property
    def residential(self) -> bool:
        return self.mode == "residential"

    @property
    def online(self) -> bool:
        return self.mode == "online"


@dataclass(frozen=True)
class ParticipantCopy:
    """The local copy of the participant (from identity's events): what events carry."""

    full_name: str
    sex: str


@dataclass(frozen=True)
class BusinessCopy:
    """The local copy of the business (from ukm's events): what events carry."""

    name: str


@dataclass(frozen=True)
class Seat:
    """The quota after one seat was taken by the database's conditional UPDATE."""

    taken: int
    quota: int

    @property
    def left(self) -> int:
        return self.quota - self.taken


# The seat of an approval whose seat is taken last, in the statement that also writes the real
# numbers into its EnrollmentVerified outbox row (adapters/seats.py `take_and_commit`).
PENDING_SEAT = Seat(0, 0)


@dataclass(frozen=True)
class StoredFile:
    """A picture to store with the enrollment (product photos n=1..2, the confirmation photo n=1)."""

    kind: str
    n: int
    data: bytes
    content_type: str


class EnrollmentRefused(ValueError):
    """A change the rules refuse; `message` is shown to the user, `kind` picks the HTTP answer."""

    CONFLICT, FORBIDDEN, NOT_SYNCED = "conflict", "forbidden", "not_synced"

    def __init__(self, message: str, kind: str = CONFLICT) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind


def syllabus_of(titles: list[str], hours: int) -> tuple[tuple[str, int], ...]:
    """The modules with the training's JP shared over them (modules carry no hours of their own):
    equal parts, the first ones taking the remainder, so the JP add up to the training's."""
    if not titles:
        return ()
    base, extra = divmod(max(hours, 0), len(titles))
    return tuple((title, base + (1 if i < extra else 0)) for i, title in enumerate(titles))
