"""Loading an enrollment aggregate in a unit of work, and the domain's refusals as API errors."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from ..domain import lifecycle
from ..domain.enrollment import Enrollment
from ..domain.enrollment_facts import EnrollmentRefused
from .errors import Conflict, Forbidden, NotFound, NotYetSynced

NOT_FOUND = "Pendaftaran tidak ditemukan"


async def load_enrollment(uow, enrollment_id: uuid.UUID, *, lock: bool = False) -> Enrollment:
    """The enrollment (row-locked when `lock`), or NotFound."""
    e = await uow.enrollments.get(enrollment_id, lock=lock)
    if e is None:
        raise NotFound(NOT_FOUND)
    return e


@contextmanager
def refusals() -> Iterator[None]:
    """Turn the aggregate's refusals into the 403/409 answers of the API (same Bahasa message)."""
    try:
        yield
    except lifecycle.TransitionError as exc:
        raise Conflict(exc.message) from exc
    except EnrollmentRefused as exc:
        if exc.kind == EnrollmentRefused.FORBIDDEN:
            raise Forbidden(exc.message) from exc
        if exc.kind == EnrollmentRefused.NOT_SYNCED:
            raise NotYetSynced() from exc
        raise Conflict(exc.message) from exc
