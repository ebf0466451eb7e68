"""What every identity handler needs: sessions, outbox, PII protection, token signer."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from balai_platform.auth import TokenSigner
from balai_platform.clock import Clock
from balai_platform.outbox import Outbox
from balai_platform.uow import UnitOfWork

from ..adapters.security import PiiProtector
from ..adapters.uow import IdentityUnitOfWork
from ..domain.login_throttle import LoginThrottlePolicy
from ..settings import Settings


@dataclass
class IdentityContext:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    outbox: Outbox
    pii: PiiProtector
    signer: TokenSigner
    # the service layer asks this for the time, so tests can freeze and move it
    clock: Clock = field(default_factory=Clock)
    # unit tests hand in a factory of fake units of work
    uow_factory: Callable[[], UnitOfWork] | None = None

    def now(self) -> datetime:
        return self.clock.now()

    def uow(self) -> IdentityUnitOfWork:
        """A fresh unit of work (`async with ctx.uow() as uow: ...; await uow.commit()`)."""
        if self.uow_factory is not None:
            return self.uow_factory()  # type: ignore[return-value]
        return IdentityUnitOfWork(self.sessionmaker, self.outbox)

    @property
    def login_policy(self) -> LoginThrottlePolicy:
        st = self.settings
        return LoginThrottlePolicy(free_failures=st.login_max_failures, max_delay_seconds=st.login_max_delay_seconds,
                                   ip_max_failures=st.login_ip_max_failures, window_seconds=st.login_window_seconds)
