"""The base of every write-side aggregate: it records the contract events its methods cause.

Pure Python (no framework): a domain model imports this and nothing else of the platform.
The unit of work takes the recorded events when it commits and writes them to the outbox in
the same transaction as the aggregate's new state.
"""
from __future__ import annotations

from typing import Any


class Aggregate:
    """Mixin for domain classes (dataclasses included) that change state and cause events."""

    def aggregate_key(self) -> str:
        """The event subject / Kafka key of this aggregate's events (its id by default)."""
        return str(getattr(self, "id"))  # noqa: B009 - subclasses define `id`

    def record(self, event: Any, subject: str | None = None) -> None:
        """Record a contract event to publish when the unit of work commits."""
        self.__dict__.setdefault("_pending_events", []).append((subject or self.aggregate_key(), event))

    def pull_events(self) -> list[tuple[str, Any]]:
        """Take the recorded (subject, event) pairs; the aggregate forgets them."""
        return self.__dict__.pop("_pending_events", [])

    @property
    def pending_events(self) -> list[Any]:
        """The events recorded and not yet taken (for tests and logs)."""
        return [event for _, event in self.__dict__.get("_pending_events", [])]
