"""Lupa Password: a single-use reset token; in dev the link lands in the dev mailbox."""
from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from datetime import timedelta

from sqlalchemy import select

from balai_platform.logging import get_logger

from ..adapters.accounts import SqlPasswordResets
from ..adapters.security import hash_password, new_opaque_token, token_hash
from ..adapters.tables import dev_mailbox
from ..domain.validation import validate_fields
from .context import IdentityContext
from .errors import IdentityError, InvalidInput
from .sessions import _find_account, account_throttle_key

log = get_logger("password_reset")
BAD_TOKEN = "Tautan reset tidak valid atau kedaluwarsa. Silakan minta tautan baru."


async def request_reset(ctx: IdentityContext, login: str) -> None:
    """Always looks the same from outside, whether or not the account exists (timing included)."""
    started = time.monotonic()
    try:
        await _create_reset(ctx, login)
    finally:
        # only a known login writes a token and a mail: answer after one fixed floor either way
        left = ctx.settings.reset_request_min_seconds - (time.monotonic() - started)
        if left > 0:
            await asyncio.sleep(left)


async def _create_reset(ctx: IdentityContext, login: str) -> None:
    now = ctx.now()
    async with ctx.sessionmaker() as s, s.begin():
        acc = await _find_account(ctx, s, login)
        if acc is None:
            log.info("password_reset_unknown_login")
            return
        token = new_opaque_token()
        await SqlPasswordResets(s).add(token_hash(token), acc["id"],
                                       now + timedelta(seconds=ctx.settings.reset_token_ttl_seconds))
        if ctx.settings.dev_mailbox:
            link = f"{ctx.settings.public_base_url}/reset-password?token={token}"
            await s.execute(dev_mailbox.insert().values(
                recipient=acc["username"], subject="Reset password Balai",
                body=f"Halo {acc['full_name']}, buka tautan berikut untuk membuat password baru "
                     f"(berlaku {ctx.settings.reset_token_ttl_seconds // 60} menit): {link}",
                link=link))
    log.info("password_reset_requested", account_id=str(acc["id"]))


async def confirm_reset(ctx: IdentityContext, token: str, data: Mapping) -> None:
    """Set the new password; every outstanding link, session and failed-login count ends."""
    now = ctx.now()
    async with ctx.uow() as uow:
        account_id = await uow.password_resets.usable_account(token_hash(token), now)
        account = await uow.accounts.get(account_id, lock=True) if account_id else None
        if account is None:
            raise IdentityError(BAD_TOKEN)
        _, errors = validate_fields({**data, "username": account.username}, ("password", "password_confirm"))
        if errors:
            raise InvalidInput(errors)
        account.reset_password(await hash_password(data["password"]))
        await uow.accounts.save(account)
        # an older link must not work after a newer one was used (nor this one twice)
        await uow.password_resets.spend_all(account.id, now)
        await uow.refresh_tokens.revoke_all(account.id, now)
        # the owner proved control of the account: lift the failed-login delay at once
        await uow.login_failures.clear(account_throttle_key(ctx, account.id, ""))
        await uow.commit()
    log.info("password_reset_done", account_id=str(account.id))


async def read_mailbox(ctx: IdentityContext, limit: int = 50) -> list[dict]:
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(select(dev_mailbox).order_by(dev_mailbox.c.id.desc()).limit(limit))).mappings()
        return [dict(to=r["recipient"], subject=r["subject"], body=r["body"], link=r["link"],
                     created_at=r["created_at"].isoformat()) for r in rows]
