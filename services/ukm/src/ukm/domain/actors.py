"""Value objects of the business aggregate: who acts, who is a member, what the audit keeps."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

ADMIN_ROLES = ("admin", "superadmin")


@dataclass(frozen=True)
class Actor:
    """The caller as the domain sees it (built from the access token by the service layer)."""

    participant_id: uuid.UUID | None
    role: str
    username: str
    org_id: uuid.UUID | None = None

    @property
    def is_admin(self) -> bool:
        return self.role in ADMIN_ROLES

    @property
    def audit_id(self) -> uuid.UUID:
        # admins have no participant id; the audit column is NOT NULL
        return self.participant_id or uuid.UUID(int=0)


@dataclass
class Member:
    """A post (jabatan) in a business; `pending` until an active member or an admin approves it."""

    participant_id: uuid.UUID
    position: str
    status: str
    joined_at: datetime

    @property
    def active(self) -> bool:
        return self.status == "active"

    def summary(self) -> dict[str, str]:
        return {"participant_id": str(self.participant_id), "position": self.position}


@dataclass(frozen=True)
class AuditEntry:
    """One line of the business audit: who did what, with old/new values."""

    actor: Actor
    action: str
    changes: dict[str, Any]
    at: datetime

    def jsonable_changes(self) -> dict[str, Any]:
        return {k: {side: (str(v) if isinstance(v, uuid.UUID) else v) for side, v in d.items()}
                for k, d in self.changes.items()}
