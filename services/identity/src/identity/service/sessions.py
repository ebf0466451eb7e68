"""Login (by username or NIK), rotating refresh tokens, logout, and throttling."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select, update

from balai_platform.logging import get_logger

from ..adapters.security import hash_password, needs_rehash, new_opaque_token, token_hash, verify_password
from ..adapters.tables import accounts, login_failures, participants, refresh_tokens
from .context import IdentityContext
from .errors import TooManyAttempts, Unauthorized

log = get_logger("sessions")
BAD_LOGIN = "Username/NIK atau password salah"
BAD_REFRESH = "Sesi tidak valid atau kedaluwarsa, silakan masuk lagi"


def _now() -> datetime:
    return datetime.now(UTC)


async def _find_account(ctx: IdentityContext, s, login: str):
    login = login.strip()
    if login.isdigit() and len(login) == 16:
        stmt = (select(accounts).join(participants, participants.c.account_id == accounts.c.id)
                .where(participants.c.nik_index == ctx.pii.nik_index(login)))
    else:
        stmt = select(accounts).where(accounts.c.username == login.lower())
    return (await s.execute(stmt)).mappings().first()


async def _throttle(ctx: IdentityContext, s, keys: list[tuple[bytes, int]]) -> None:
    since = _now() - timedelta(seconds=ctx.settings.login_window_seconds)
    for key, limit in keys:
        count = await s.scalar(select(func.count()).select_from(login_failures)
                               .where(login_failures.c.key == key, login_failures.c.at > since))
        if count >= limit:
            minutes = max(1, ctx.settings.login_window_seconds // 60)
            raise TooManyAttempts(
                f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit "
                "atau gunakan Lupa Password.", retry_after=ctx.settings.login_window_seconds)


async def _issue(ctx: IdentityContext, s, acc, family_id: uuid.UUID) -> dict:
    refresh = new_opaque_token()
    await s.execute(refresh_tokens.insert().values(
        token_hash=token_hash(refresh), account_id=acc["id"], family_id=family_id,
        expires_at=_now() + timedelta(seconds=ctx.settings.refresh_token_ttl_seconds)))
    access = ctx.signer.sign(sub=str(acc["id"]), role=acc["role"], username=acc["username"],
                             org=str(acc["org_id"]) if acc["org_id"] else None)
    return dict(access_token=access, refresh_token=refresh, token_type="bearer",
                expires_in=ctx.settings.access_token_ttl_seconds,
                user=dict(id=str(acc["id"]), username=acc["username"], role=acc["role"],
                          full_name=acc["full_name"], org_id=str(acc["org_id"]) if acc["org_id"] else None))


async def login(ctx: IdentityContext, login_name: str, password: str, client_ip: str) -> dict:
    """Check credentials; throttle failures per account and per IP."""
    acct_key = ctx.pii.login_key("acct:" + login_name.strip().lower())
    ip_key = ctx.pii.login_key("ip:" + client_ip)
    async with ctx.sessionmaker() as s, s.begin():
        await _throttle(ctx, s, [(acct_key, ctx.settings.login_max_failures),
                                 (ip_key, ctx.settings.login_ip_max_failures)])
        acc = await _find_account(ctx, s, login_name)
        ok = await verify_password(acc["password_hash"] if acc else None, password)
        if not ok or not acc["active"]:
            await s.execute(login_failures.insert(), [{"key": acct_key}, {"key": ip_key}])
            log.info("login_failed")
            failed = True
        else:
            failed = False
            await s.execute(delete(login_failures).where(login_failures.c.key == acct_key))
            if needs_rehash(acc["password_hash"]):
                await s.execute(update(accounts).where(accounts.c.id == acc["id"])
                                .values(password_hash=await hash_password(password)))
            tokens = await _issue(ctx, s, acc, uuid.uuid4())
    if failed:
        raise Unauthorized(BAD_LOGIN)
    log.info("login_succeeded", account_id=tokens["user"]["id"])
    return tokens


async def refresh(ctx: IdentityContext, token: str) -> dict:
    """Rotate: a refresh token works once; reusing one revokes its whole family."""
    async with ctx.sessionmaker() as s, s.begin():
        row = (await s.execute(select(refresh_tokens).where(refresh_tokens.c.token_hash == token_hash(token))
                               .with_for_update())).mappings().first()
        if row is None or row["revoked_at"] or row["expires_at"] < _now():
            raise Unauthorized(BAD_REFRESH)
        if row["used_at"] is not None:
            await s.execute(update(refresh_tokens).where(refresh_tokens.c.family_id == row["family_id"])
                            .values(revoked_at=_now()))
            log.warning("refresh_token_reused", account_id=str(row["account_id"]))
            reused = True
        else:
            reused = False
            await s.execute(update(refresh_tokens).where(refresh_tokens.c.token_hash == row["token_hash"])
                            .values(used_at=_now()))
            acc = (await s.execute(select(accounts).where(accounts.c.id == row["account_id"]))).mappings().one()
            tokens = await _issue(ctx, s, acc, row["family_id"])
    if reused:
        raise Unauthorized(BAD_REFRESH)
    return tokens


async def logout(ctx: IdentityContext, token: str) -> None:
    async with ctx.sessionmaker() as s, s.begin():
        family = await s.scalar(select(refresh_tokens.c.family_id)
                                .where(refresh_tokens.c.token_hash == token_hash(token)))
        if family is not None:
            await s.execute(update(refresh_tokens).where(refresh_tokens.c.family_id == family)
                            .values(revoked_at=_now()))
