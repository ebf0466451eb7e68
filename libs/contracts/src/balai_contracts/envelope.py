"""The envelope every Balai event travels in (see docs/events.md)."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field


class EventData(BaseModel):
    """Base of every event payload: frozen, versioned, past tense."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    event_type: ClassVar[str]
    event_version: ClassVar[int] = 1
    topic: ClassVar[str]

    @classmethod
    def from_wire(cls, data: dict[str, Any]):
        """Parse a received payload, ignoring fields added by a newer producer (additive changes
        keep the version); producers still may not send unknown fields (extra="forbid")."""
        return cls.model_validate({k: v for k, v in data.items() if k in cls.model_fields})


class Envelope(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, description="Unique event id; consumers de-duplicate on it")
    type: str = Field(description="Event type, e.g. ParticipantRegistered")
    version: int = Field(default=1, description="Schema version of `data`")
    source: str = Field(description="Service that emitted the event")
    occurred_at: datetime = Field(
        default_factory=lambda: datetime.now(UTC), description="When it happened (UTC)"
    )
    correlation_id: str = Field(default="", description="Request/trace id that caused the event")
    subject: str = Field(description="Aggregate id; also the Kafka message key")
    data: dict[str, Any] = Field(description="The event payload")

    @classmethod
    def wrap(cls, data: EventData, *, source: str, subject: str, correlation_id: str = "") -> Envelope:
        return cls(
            type=data.event_type, version=data.event_version, source=source,
            subject=subject, correlation_id=correlation_id, data=data.model_dump(mode="json"),
        )
