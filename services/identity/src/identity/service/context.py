"""What every identity handler needs: sessions, outbox, PII protection, token signer."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from balai_platform.auth import TokenSigner
from balai_platform.outbox import Outbox

from ..adapters.security import PiiProtector
from ..settings import Settings


@dataclass
class IdentityContext:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    outbox: Outbox
    pii: PiiProtector
    signer: TokenSigner
