"""In-memory repositories and a context for identity's service-layer unit tests (no I/O)."""
from __future__ import annotations

import base64
import uuid
from datetime import datetime

from balai_platform.clock import Clock
from balai_platform.testing import FakeUnitOfWork, FrozenClock
from identity.adapters.security import PiiProtector
from identity.domain.account import Account
from identity.domain.login_throttle import FailureStats
from identity.service.context import IdentityContext
from identity.settings import Settings

KEY = base64.b64encode(b"k" * 32).decode()


class FakeAccounts:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self.uow, self.rows, self.nik_indexes = uow, {}, set()

    async def username_taken(self, username: str) -> bool:
        return any(a.username == username for a in self.rows.values())

    async def nik_taken(self, nik_index: bytes) -> bool:
        return nik_index in self.nik_indexes

    async def add(self, account: Account, at: datetime) -> None:
        self.rows[account.id] = account
        self.nik_indexes.add(account.personal_data["nik_index"])
        self.uow.track(account)

    async def get(self, account_id: uuid.UUID, *, lock: bool = False) -> Account | None:
        account = self.rows.get(account_id)
        return self.uow.track(account) if account else None

    async def save(self, account: Account) -> None:
        # like the real repository: the pending participant-row changes are written, then forgotten
        account.personal_data.update(account.personal_changes)
        account.personal_changes = {}
        self.rows[account.id] = account


class FakeResets:
    def __init__(self) -> None:
        self.tokens: dict[bytes, dict] = {}

    async def add(self, token_hash: bytes, account_id: uuid.UUID, expires_at: datetime) -> None:
        self.tokens[token_hash] = dict(account_id=account_id, expires_at=expires_at, used_at=None)

    async def usable_account(self, token_hash: bytes, now: datetime) -> uuid.UUID | None:
        t = self.tokens.get(token_hash)
        return t["account_id"] if t and not t["used_at"] and t["expires_at"] >= now else None

    async def spend_all(self, account_id: uuid.UUID, at: datetime) -> None:
        for t in self.tokens.values():
            if t["account_id"] == account_id and t["used_at"] is None:
                t["used_at"] = at


class FakeRefreshTokens:
    def __init__(self) -> None:
        self.revoked: list[uuid.UUID] = []

    async def revoke_all(self, account_id: uuid.UUID, at: datetime) -> None:
        self.revoked.append(account_id)


class FakeFailures:
    def __init__(self) -> None:
        self.rows: list[tuple[bytes, datetime]] = []

    async def stats(self, key: bytes, since: datetime) -> FailureStats:
        times = sorted(at for k, at in self.rows if k == key and at > since)
        return FailureStats(len(times), times[0] if times else None, times[-1] if times else None)

    async def add(self, keys: list[bytes], at: datetime) -> None:
        self.rows += [(k, at) for k in keys]

    async def clear(self, key: bytes) -> None:
        self.rows = [(k, at) for k, at in self.rows if k != key]


class FakeIdentityUnitOfWork(FakeUnitOfWork):
    """One shared store across `async with` blocks, like a database would be."""

    def __init__(self) -> None:
        super().__init__()
        self.accounts = FakeAccounts(self)
        self.password_resets = FakeResets()
        self.refresh_tokens = FakeRefreshTokens()
        self.login_failures = FakeFailures()


def make_ctx() -> tuple[IdentityContext, FakeIdentityUnitOfWork, FrozenClock]:
    uow, frozen = FakeIdentityUnitOfWork(), FrozenClock()
    settings = Settings(pii_keys={"k1": KEY}, blind_index_key=KEY)
    ctx = IdentityContext(settings=settings, sessionmaker=None, outbox=None,  # type: ignore[arg-type]
                          pii=PiiProtector(settings.pii_keys, "k1", KEY), signer=None,  # type: ignore[arg-type]
                          clock=Clock(frozen), uow_factory=lambda: uow)
    return ctx, uow, frozen
