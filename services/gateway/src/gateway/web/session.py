"""Browser session: tokens in HttpOnly cookies, transparent refresh, flash messages."""
from __future__ import annotations

import asyncio
import hashlib
import time
from dataclasses import dataclass

from fastapi import Request

from balai_platform.auth import Claims, InvalidToken
from balai_platform.logging import get_logger
from gateway.edge import client_ip
from gateway.i18n import MESSAGES, t
from gateway.upstream import UpstreamResponse, Upstreams, UpstreamUnavailable

log = get_logger("gateway.session")

ACCESS_COOKIE, REFRESH_COOKIE = "balai_at", "balai_rt"
FLASH_COOKIE = "balai_flash"
REFRESH_MAX_AGE = 30 * 24 * 3600
REFRESH_MARGIN = 15  # refresh a little before the access token expires


class LoginRequired(Exception):
    pass


class Forbidden(Exception):
    pass


@dataclass(frozen=True)
class WebUser:
    claims: Claims
    access_token: str

    @property
    def is_admin(self) -> bool:
        return self.claims.is_admin


# -- cookies (collected on the request; the edge middleware writes them on the response) -----

def set_cookie(request: Request, name: str, value: str, max_age: int) -> None:
    secure = "; Secure" if request.app.state.settings.secure_cookies else ""
    cookie = f"{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"
    request.scope["state"].setdefault("set_cookies", []).append(cookie)


def clear_cookie(request: Request, name: str) -> None:
    set_cookie(request, name, "", 0)


def store_tokens(request: Request, tokens: dict) -> None:
    set_cookie(request, ACCESS_COOKIE, tokens["access_token"], int(tokens.get("expires_in", 900)))
    set_cookie(request, REFRESH_COOKIE, tokens["refresh_token"], REFRESH_MAX_AGE)


def clear_session(request: Request) -> None:
    clear_cookie(request, ACCESS_COOKIE)
    clear_cookie(request, REFRESH_COOKIE)


def set_flash(request: Request, key: str) -> None:
    set_cookie(request, FLASH_COOKIE, key, 120)


def pop_flash(request: Request) -> str | None:
    key = request.cookies.get(FLASH_COOKIE)
    if not key:
        return None
    clear_cookie(request, FLASH_COOKIE)
    return t(key) if key in MESSAGES["id"] else None


# -- current user with transparent refresh -----------------------------------------------------

class RefreshCoalescer:
    """Parallel requests of one browser share one refresh call (identity detects token reuse)."""

    def __init__(self, ttl: float = 30.0) -> None:
        self._ttl = ttl
        self._pending: dict[str, tuple[float, asyncio.Task]] = {}

    async def refresh(self, upstreams: Upstreams, refresh_token: str, ip: str) -> UpstreamResponse:
        now = time.monotonic()
        for key, (created, _) in list(self._pending.items()):
            if now - created > self._ttl:
                del self._pending[key]
        key = hashlib.sha256(refresh_token.encode()).hexdigest()
        if key not in self._pending:
            call = upstreams.call("identity", "POST", "/auth/refresh",
                                  json={"refresh_token": refresh_token}, client_ip=ip)
            self._pending[key] = (now, asyncio.ensure_future(call))
        task = self._pending[key][1]
        try:
            return await asyncio.shield(task)
        except UpstreamUnavailable:
            self._pending.pop(key, None)
            raise


def _verify(request: Request, token: str) -> Claims:
    verifier = request.app.state.verifier
    if verifier is None:
        raise InvalidToken("no public key configured")
    return verifier.verify(token)


async def current_user(request: Request) -> WebUser | None:
    if "web_user" in request.scope["state"]:
        return request.state.web_user
    user = await _resolve_user(request)
    request.state.web_user = user
    return user


async def _resolve_user(request: Request) -> WebUser | None:
    access = request.cookies.get(ACCESS_COOKIE)
    claims = None
    if access:
        try:
            claims = _verify(request, access)
            if claims.exp - time.time() > REFRESH_MARGIN:
                return WebUser(claims, access)
        except InvalidToken:
            claims = None
    refresh = request.cookies.get(REFRESH_COOKIE)
    if not refresh:
        return None
    try:
        result = await request.app.state.refresher.refresh(
            request.app.state.upstreams, refresh, client_ip(request.scope))
    except UpstreamUnavailable:
        if claims is not None:  # still valid for a few seconds: keep going
            return WebUser(claims, access)
        raise
    if result.status != 200 or not isinstance(result.data, dict):
        log.info("session_refresh_rejected", status=result.status)
        clear_session(request)
        return None
    try:
        new_claims = _verify(request, result.data["access_token"])
    except (InvalidToken, KeyError):
        clear_session(request)
        return None
    store_tokens(request, result.data)
    return WebUser(new_claims, result.data["access_token"])


async def require_user(request: Request) -> WebUser:
    user = await current_user(request)
    if user is None:
        raise LoginRequired()
    return user


async def require_admin(request: Request) -> WebUser:
    user = await require_user(request)
    if not user.is_admin:
        raise Forbidden()
    return user
