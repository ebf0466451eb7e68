"""The public link's shared counters: per-IP request rate and used form-token nonces (all replicas)."""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import case, literal
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from .tables import link_rate, used_form_tokens

WINDOW = timedelta(minutes=1)


def ip_key(ip: str) -> str:
    """Counters keep a hash, never the address itself."""
    return hashlib.sha256(ip.encode()).hexdigest()[:32]


async def hit(s: AsyncSession, ip: str, now: datetime) -> int:
    """Count one request in the IP's current one-minute window; returns the window's count."""
    stmt = insert(link_rate).values(ip_key=ip_key(ip), window_start=now, hits=1)
    stale = link_rate.c.window_start < literal(now - WINDOW)
    stmt = stmt.on_conflict_do_update(index_elements=["ip_key"], set_={
        "hits": case((stale, 1), else_=link_rate.c.hits + 1),
        "window_start": case((stale, literal(now)), else_=link_rate.c.window_start),
    }).returning(link_rate.c.hits)
    return int(await s.scalar(stmt))


async def use_nonce(s: AsyncSession, nonce: str, now: datetime) -> bool:
    """True the first time a token's nonce is used."""
    got = await s.scalar(insert(used_form_tokens).values(nonce=nonce, used_at=now)
                         .on_conflict_do_nothing(index_elements=["nonce"]).returning(used_form_tokens.c.nonce))
    return got is not None
