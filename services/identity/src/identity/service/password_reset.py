"""Lupa Password: a single-use reset token; in dev the link lands in the dev mailbox."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from balai_platform.logging import get_logger

from ..adapters.security import hash_password, new_opaque_token, token_hash
from ..adapters.tables import accounts, dev_mailbox, password_resets, refresh_tokens
from ..domain.validation import validate_fields
from .context import IdentityContext
from .errors import IdentityError, InvalidInput
from .sessions import _find_account

log = get_logger("password_reset")
BAD_TOKEN = "Tautan reset tidak valid atau kedaluwarsa. Silakan minta tautan baru."


async def request_reset(ctx: IdentityContext, login: str) -> None:
    """Always looks the same from outside, whether or not the account exists."""
    now = datetime.now(UTC)
    async with ctx.sessionmaker() as s, s.begin():
        acc = await _find_account(ctx, s, login)
        if acc is None:
            log.info("password_reset_unknown_login")
            return
        token = new_opaque_token()
        await s.execute(password_resets.insert().values(
            token_hash=token_hash(token), account_id=acc["id"],
            expires_at=now + timedelta(seconds=ctx.settings.reset_token_ttl_seconds)))
        if ctx.settings.dev_mailbox:
            link = f"{ctx.settings.public_base_url}/reset-password?token={token}"
            await s.execute(dev_mailbox.insert().values(
                recipient=acc["username"], subject="Reset password Balai",
                body=f"Halo {acc['full_name']}, buka tautan berikut untuk membuat password baru "
                     f"(berlaku {ctx.settings.reset_token_ttl_seconds // 60} menit): {link}",
                link=link))
    log.info("password_reset_requested", account_id=str(acc["id"]))


async def confirm_reset(ctx: IdentityContext, token: str, data: Mapping) -> None:
    now = datetime.now(UTC)
    async with ctx.sessionmaker() as s, s.begin():
        row = (await s.execute(select(password_resets).where(password_resets.c.token_hash == token_hash(token))
                               .with_for_update())).mappings().first()
        if row is None or row["used_at"] or row["expires_at"] < now:
            raise IdentityError(BAD_TOKEN)
        username = await s.scalar(select(accounts.c.username).where(accounts.c.id == row["account_id"]))
        _, errors = validate_fields({**data, "username": username}, ("password", "password_confirm"))
        if errors:
            raise InvalidInput(errors)
        await s.execute(update(accounts).where(accounts.c.id == row["account_id"])
                        .values(password_hash=await hash_password(data["password"])))
        await s.execute(update(password_resets).where(password_resets.c.token_hash == row["token_hash"])
                        .values(used_at=now))
        await s.execute(update(refresh_tokens).where(refresh_tokens.c.account_id == row["account_id"])
                        .values(revoked_at=now))
    log.info("password_reset_done", account_id=str(row["account_id"]))


async def read_mailbox(ctx: IdentityContext, limit: int = 50) -> list[dict]:
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(select(dev_mailbox).order_by(dev_mailbox.c.id.desc()).limit(limit))).mappings()
        return [dict(to=r["recipient"], subject=r["subject"], body=r["body"], link=r["link"],
                     created_at=r["created_at"].isoformat()) for r in rows]
