"""The Account aggregate: a login with its role and, for a participant, the data others copy.

Rules that must hold under races live in the database and the repository relies on them:
usernames are unique (`accounts.username`), one account per NIK (`participants.nik_index`), and a
password-reset token is spent with a row lock (`SELECT ... FOR UPDATE`) so it works once; a
profile edit loads the account row-locked (`FOR UPDATE`), so two edits of one profile serialise.
"""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from balai_contracts.identity import ParticipantRegisteredV1, ParticipantUpdatedV1
from balai_platform.aggregate import Aggregate

PESERTA = "peserta"


@dataclass
class ParticipantProfile:
    """What other services keep a copy of (never NIK or KK)."""

    birth_date: date
    sex: str
    regency_code: str
    district_code: str
    village_code: str
    regency_name: str
    phone_wa: str


@dataclass(eq=False)
class Account(Aggregate):
    id: uuid.UUID
    username: str
    role: str
    full_name: str
    password_hash: str
    org_id: uuid.UUID | None = None
    active: bool = True
    profile: ParticipantProfile | None = None
    # columns of the participant row the domain does not interpret (sealed NIK/KK, photo, ...)
    personal_data: dict = field(default_factory=dict, repr=False)
    # participant-row columns changed since loading (address, sealed NPWP, photo ...); save writes them
    personal_changes: dict = field(default_factory=dict, repr=False)

    @classmethod
    def register_participant(cls, *, account_id: uuid.UUID, username: str, full_name: str, password_hash: str,
                             profile: ParticipantProfile, personal_data: dict, at: datetime) -> Account:
        """A new participant account; records ParticipantRegistered."""
        account = cls(id=account_id, username=username, role=PESERTA, full_name=full_name,
                      password_hash=password_hash, profile=profile, personal_data=personal_data)
        account.record(ParticipantRegisteredV1(registered_at=at, **account._event_fields()))
        return account

    def reset_password(self, new_hash: str) -> None:
        """The owner proved control through a reset link: the new hash replaces the old."""
        self.password_hash = new_hash

    def profile_changed(self, profile: ParticipantProfile, full_name: str, at: datetime,
                        personal_changes: Mapping | None = None) -> None:
        """The participant edited their profile; records ParticipantUpdated (even when nothing differs)."""
        if self.profile is None:
            raise ValueError("only a participant account has a profile")
        self.profile, self.full_name = profile, full_name
        self.personal_changes.update(personal_changes or {}, updated_at=at)
        self.record(ParticipantUpdatedV1(updated_at=at, **self._event_fields()))

    def _event_fields(self) -> dict:
        p = self.profile
        if p is None:
            raise ValueError("only a participant account has profile events")
        return dict(participant_id=self.id, username=self.username, full_name=self.full_name,
                    birth_date=p.birth_date, sex=p.sex, province_code=p.regency_code[:2],
                    regency_code=p.regency_code, district_code=p.district_code, village_code=p.village_code,
                    regency_name=p.regency_name, phone_wa=p.phone_wa)
