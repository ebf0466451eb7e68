"""Login (by username or NIK), rotating refresh tokens, logout, and throttling."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select, update

from balai_platform.logging import get_logger

from ..adapters.login_failures import SqlLoginFailures
from ..adapters.security import hash_password, needs_rehash, new_opaque_token, token_hash, verify_password
from ..adapters.tables import accounts, participants, refresh_tokens
from ..domain.login_throttle import LoginThrottlePolicy
from .context import IdentityContext
from .errors import TooManyAttempts, Unauthorized

log = get_logger("sessions")
BAD_LOGIN = "Username/NIK atau password salah"
BAD_REFRESH = "Sesi tidak valid atau kedaluwarsa, silakan masuk lagi"


async def _find_account(ctx: IdentityContext, s, login: str):
    login = login.strip()
    if login.isdigit() and len(login) == 16:
        stmt = (select(accounts).join(participants, participants.c.account_id == accounts.c.id)
                .where(participants.c.nik_index == ctx.pii.nik_index(login)))
    else:
        stmt = select(accounts).where(accounts.c.username == login.lower())
    return (await s.execute(stmt)).mappings().first()


def account_throttle_key(ctx: IdentityContext, account_id: uuid.UUID | None, login: str) -> bytes:
    """One counter per account, whichever login (username or NIK) names it; unknown logins
    get a counter of their own so a refusal looks the same whether or not the account exists."""
    name = f"acct:{account_id}" if account_id else "login:" + login.strip().lower()
    return ctx.pii.login_key(name)


async def check_throttle(policy: LoginThrottlePolicy, failures, now: datetime,
                         acct_key: bytes, ip_key: bytes) -> None:
    """Refuse (429) while the account's growing delay runs or the IP used up its window."""
    since = policy.window_start(now)
    ip_wait = policy.ip_wait(await failures.stats(ip_key, since), now)
    if ip_wait:
        minutes = max(1, -(-ip_wait // 60))
        raise TooManyAttempts(f"Terlalu banyak percobaan masuk yang gagal dari jaringan Anda. Coba lagi dalam "
                              f"{minutes} menit atau gunakan Lupa Password.", retry_after=ip_wait)
    wait = policy.account_wait(await failures.stats(acct_key, since), now)
    if wait:
        raise TooManyAttempts(f"Terlalu banyak percobaan masuk yang gagal. Tunggu {wait} detik, lalu coba lagi "
                              "atau gunakan Lupa Password.", retry_after=wait)


async def _issue(ctx: IdentityContext, s, acc, family_id: uuid.UUID) -> dict:
    refresh = new_opaque_token()
    await s.execute(refresh_tokens.insert().values(
        token_hash=token_hash(refresh), account_id=acc["id"], family_id=family_id,
        expires_at=ctx.now() + timedelta(seconds=ctx.settings.refresh_token_ttl_seconds)))
    access = ctx.signer.sign(sub=str(acc["id"]), role=acc["role"], username=acc["username"],
                             org=str(acc["org_id"]) if acc["org_id"] else None)
    return dict(access_token=access, refresh_token=refresh, token_type="bearer",
                expires_in=ctx.settings.access_token_ttl_seconds,
                user=dict(id=str(acc["id"]), username=acc["username"], role=acc["role"],
                          full_name=acc["full_name"], org_id=str(acc["org_id"]) if acc["org_id"] else None))


async def login(ctx: IdentityContext, login_name: str, password: str, client_ip: str) -> dict:
    """Check credentials; failures slow the account down and, in bulk, block the IP."""
    ip_key = ctx.pii.login_key("ip:" + client_ip)
    async with ctx.sessionmaker() as s, s.begin():
        acc = await _find_account(ctx, s, login_name)
        acct_key = account_throttle_key(ctx, acc["id"] if acc else None, login_name)
        failures = SqlLoginFailures(s)
        await failures.serialize(acct_key)
        await check_throttle(ctx.login_policy, failures, ctx.now(), acct_key, ip_key)
        ok = await verify_password(acc["password_hash"] if acc else None, password)
        if not ok or not acc["active"]:
            await failures.add([acct_key, ip_key], ctx.now())
            log.info("login_failed")
            failed = True
        else:
            failed = False
            await failures.clear(acct_key)
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
        if row is None or row["revoked_at"] or row["expires_at"] < ctx.now():
            raise Unauthorized(BAD_REFRESH)
        if row["used_at"] is not None:
            await s.execute(update(refresh_tokens).where(refresh_tokens.c.family_id == row["family_id"])
                            .values(revoked_at=ctx.now()))
            log.warning("refresh_token_reused", account_id=str(row["account_id"]))
            reused = True
        else:
            reused = False
            await s.execute(update(refresh_tokens).where(refresh_tokens.c.token_hash == row["token_hash"])
                            .values(used_at=ctx.now()))
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
                            .values(revoked_at=ctx.now()))
