"""The Business aggregate (UKM / Koperasi): registration, edits, members; records BusinessRegistered/Updated.

Concurrency: every write loads the business row FOR UPDATE (`BusinessRepository.get(lock=True)`), so
edits and member changes of one business run one after another; the primary key
(business_id, participant_id) of `business_members` makes a second post of one person impossible.
"""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from balai_contracts.ukm import BusinessRegisteredV1, BusinessUpdatedV1
from balai_platform.aggregate import Aggregate

from .actors import Actor, AuditEntry, Member
from .business_rules import (
    CERT_COLUMNS,
    PRIVATE_FIELDS,
    audit_changes,
    business_fields,
    can_manage,
    derived,
    display_phone,
    permit_labels,
    permits_of,
    registration_product_names,
    whatsapp_url,
)
from .errors import ALREADY_JOINED, NOT_A_MEMBER, NOTHING_CHANGED, Conflict, Forbidden, InvalidInput, NotFound
from .validation import BUSINESS_FIELDS, validate_business, validate_position

__all__ = ["CERT_COLUMNS", "PRIVATE_FIELDS", "Business", "audit_changes", "business_fields", "can_manage",
           "derived", "display_phone", "permit_labels", "permits_of", "registration_product_names", "whatsapp_url"]

PESERTA_ONLY = "Pendaftaran UKM/Koperasi dilakukan oleh peserta"
JOIN_PESERTA_ONLY = "Hanya peserta yang dapat bergabung dengan UKM/Koperasi"


@dataclass(eq=False)
class Business(Aggregate):
    """A UKM or cooperative with its members (posts) and the audit lines added since it was loaded."""

    id: uuid.UUID
    data: dict[str, Any]  # the form's columns plus the derived ones (province, regency name, size class, search)
    created_by: uuid.UUID
    created_at: datetime
    updated_at: datetime
    members: list[Member] = field(default_factory=list)
    new_audit: list[AuditEntry] = field(default_factory=list)

    @classmethod
    def register(cls, business_id: uuid.UUID, form: Mapping, actor: Actor, at: datetime, *,
                 errors: Mapping[str, str] | None = None) -> Business:
        """A participant registers a business holding a post in it; records BusinessRegistered.

        `errors` are the form's errors found outside (the photos), reported with the fields'."""
        if actor.role != "peserta" or actor.participant_id is None:
            raise Forbidden(PESERTA_ONLY)
        clean, found = validate_business(form)
        position, position_errors = validate_position(form.get("position"))
        found.update(position_errors | dict(errors or {}))
        if found:
            raise InvalidInput(found)
        business = cls(id=business_id, data={**clean, **derived(clean)}, created_by=actor.participant_id,
                       created_at=at, updated_at=at,
                       members=[Member(actor.participant_id, position, "active", at)])
        business._audit(actor, "registered", {"position": {"old": None, "new": position}}, at)
        business.record(BusinessRegisteredV1(registered_by=actor.participant_id, registered_at=at,
                                             **business.event_fields()))
        return business

    @staticmethod
    def edited_fields(form: Mapping) -> list[str]:
        """The form fields an edit names; refuses an edit that names none."""
        wanted = [name for name in BUSINESS_FIELDS if name in form]
        if not wanted:
            raise InvalidInput({"body": NOTHING_CHANGED})
        return wanted

    def update(self, form: Mapping, actor: Actor, at: datetime) -> list[str]:
        """Edit the fields given; audit old/new values; records BusinessUpdated when anything changed."""
        self.ensure_manager(actor)
        clean, errors = validate_business(form, self.edited_fields(form), current=self.row())
        if errors:
            raise InvalidInput(errors)
        values = {**clean, **derived({**self.data, **clean})}
        changes = audit_changes(self.data, {k: values[k] for k in (*clean, "size_class")})
        if changes:
            self.data.update(values)
            self.updated_at = at
            self._audit(actor, "updated", changes, at)
            self._record_updated(at)
        return sorted(changes)

    @staticmethod
    def check_join(actor: Actor, position_raw: object) -> str:
        """Only participants join, with a valid jabatan (checked before the business is loaded)."""
        if actor.role != "peserta" or actor.participant_id is None:
            raise Forbidden(JOIN_PESERTA_ONLY)
        position, errors = validate_position(position_raw)
        if errors:
            raise InvalidInput(errors)
        return position

    def request_join(self, actor: Actor, position: str, at: datetime) -> Member:
        """Ask to join with a jabatan: pending until approved (no event: nothing public changed)."""
        if self.member(actor.participant_id) is not None:
            raise Conflict(ALREADY_JOINED)
        member = Member(actor.participant_id, position, "pending", at)
        self.members.append(member)
        self._audit(actor, "member_requested", {"member": {"old": None, "new": member.summary()}}, at)
        return member

    def approve(self, actor: Actor, participant_id: uuid.UUID, at: datetime) -> Member:
        """An active member or an admin accepts a join request; records BusinessUpdated."""
        self.ensure_manager(actor)
        member = self.member(participant_id)
        if member is None or member.status != "pending":
            raise NotFound("Permintaan bergabung tidak ditemukan")
        member.status = "active"
        self._audit(actor, "member_approved", {"member": {"old": None, "new": member.summary()}}, at)
        self._record_updated(at)
        return member

    def remove_member(self, actor: Actor, participant_id: uuid.UUID, at: datetime) -> None:
        """Leave (oneself), or reject/remove (a manager); the last active member stays."""
        if actor.participant_id != participant_id:
            self.ensure_manager(actor)
        member = self.member(participant_id)
        if member is None:
            raise NotFound("Anggota tidak ditemukan")
        if member.active and len(self.active_members()) <= 1:
            raise Conflict("Anggota terakhir tidak dapat dihapus")
        self.members.remove(member)
        self._audit(actor, "member_removed", {"member": {"old": member.summary(), "new": None}}, at)
        if member.active:
            self._record_updated(at)

    def ensure_manager(self, actor: Actor) -> None:
        """Members edit their business; admins of any balai may too (they verify data)."""
        if not can_manage(self.is_active_member(actor.participant_id), actor.role):
            raise Forbidden(NOT_A_MEMBER)

    def ensure_member(self, actor: Actor) -> None:
        if not self.is_active_member(actor.participant_id):
            raise Forbidden(NOT_A_MEMBER)

    def member(self, participant_id: uuid.UUID | None) -> Member | None:
        return next((m for m in self.members if m.participant_id == participant_id), None)

    def is_active_member(self, participant_id: uuid.UUID | None) -> bool:
        member = self.member(participant_id)
        return member is not None and member.active

    def active_members(self) -> list[Member]:
        return sorted((m for m in self.members if m.active), key=lambda m: m.joined_at)

    def registration_product_names(self, count: int) -> list[str]:
        return registration_product_names(self.data["brand"], self.data["product_type"], count)

    def row(self) -> dict[str, Any]:
        """The business as a row (id, columns, timestamps): for views and the event fields."""
        return {"id": self.id, **self.data, "created_by": self.created_by, "created_at": self.created_at,
                "updated_at": self.updated_at}

    def event_fields(self) -> dict[str, Any]:
        members = [{"participant_id": m.participant_id, "position": m.position} for m in self.active_members()]
        return business_fields(self.row(), members)

    def _record_updated(self, at: datetime) -> None:
        self.record(BusinessUpdatedV1(updated_at=at, **self.event_fields()))

    def _audit(self, actor: Actor, action: str, changes: dict, at: datetime) -> None:
        self.new_audit.append(AuditEntry(actor, action, changes, at))
