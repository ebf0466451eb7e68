"""Repositories of the write side: accounts, reset tokens, refresh tokens (plain SQLAlchemy Core).

They read and write only the columns they need: of the participant row, the account loads only
the profile other services copy; its personal data is written as the service prepared it (sealed
values, blind indexes, photo) and never read back here.
"""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.account import PESERTA, Account, ParticipantProfile
from ..domain.validation import region_names
from .tables import accounts, participants, password_resets, refresh_tokens

_ACCOUNT_COLUMNS = (accounts.c.id, accounts.c.username, accounts.c.role, accounts.c.org_id,
                    accounts.c.full_name, accounts.c.password_hash, accounts.c.active)
_PROFILE_COLUMNS = (participants.c.birth_date, participants.c.sex, participants.c.regency_code,
                    participants.c.district_code, participants.c.village_code, participants.c.phone_wa)


def _profile(row) -> ParticipantProfile:
    names = region_names(row["regency_code"], row["district_code"], row["village_code"])
    return ParticipantProfile(regency_name=names.get("regency_name") or "", **row)


class SqlAccounts:
    def __init__(self, session: AsyncSession, track) -> None:
        self.session, self.track = session, track

    async def username_taken(self, username: str) -> bool:
        return await self.session.scalar(select(accounts.c.id).where(accounts.c.username == username)) is not None

    async def nik_taken(self, nik_index: bytes) -> bool:
        hit = await self.session.scalar(select(participants.c.account_id).where(participants.c.nik_index == nik_index))
        return hit is not None

    async def add(self, account: Account, at: datetime) -> None:
        await self.session.execute(accounts.insert().values(
            id=account.id, username=account.username, role=account.role, org_id=account.org_id,
            full_name=account.full_name, password_hash=account.password_hash, active=account.active,
            created_at=at))
        if account.profile is not None:
            await self.session.execute(participants.insert().values(account_id=account.id, **account.personal_data))
        self.track(account)

    async def get(self, account_id: uuid.UUID, *, lock: bool = False) -> Account | None:
        stmt = select(*_ACCOUNT_COLUMNS).where(accounts.c.id == account_id)
        row = (await self.session.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
        if row is None:
            return None
        account = Account(**row)
        if account.role == PESERTA:
            # the account row's lock covers the participant row: every writer locks the account first
            p = (await self.session.execute(select(*_PROFILE_COLUMNS).where(participants.c.account_id == account_id))
                 ).mappings().first()
            account.profile = _profile(p) if p else None
        return self.track(account)

    async def save(self, account: Account) -> None:
        await self.session.execute(update(accounts).where(accounts.c.id == account.id).values(
            full_name=account.full_name, password_hash=account.password_hash, active=account.active))
        if account.profile is not None and account.personal_changes:
            p = account.profile
            await self.session.execute(update(participants).where(participants.c.account_id == account.id).values(
                phone_wa=p.phone_wa, province_code=p.regency_code[:2], regency_code=p.regency_code,
                district_code=p.district_code, village_code=p.village_code, **account.personal_changes))
            account.personal_changes = {}


class SqlPasswordResets:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, token_hash: bytes, account_id: uuid.UUID, expires_at: datetime) -> None:
        await self.session.execute(password_resets.insert().values(
            token_hash=token_hash, account_id=account_id, expires_at=expires_at))

    async def usable_account(self, token_hash: bytes, now: datetime) -> uuid.UUID | None:
        """The account of an unused, unexpired token, row-locked so it is spent only once."""
        row = (await self.session.execute(select(password_resets).where(password_resets.c.token_hash == token_hash)
                                          .with_for_update())).mappings().first()
        if row is None or row["used_at"] or row["expires_at"] < now:
            return None
        return row["account_id"]

    async def spend_all(self, account_id: uuid.UUID, at: datetime) -> None:
        """Every outstanding link of the account ends, not just the one used."""
        await self.session.execute(update(password_resets).where(password_resets.c.account_id == account_id,
                                                                  password_resets.c.used_at.is_(None))
                                   .values(used_at=at))


class SqlRefreshTokens:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def revoke_all(self, account_id: uuid.UUID, at: datetime) -> None:
        await self.session.execute(update(refresh_tokens).where(refresh_tokens.c.account_id == account_id)
                                   .values(revoked_at=at))
