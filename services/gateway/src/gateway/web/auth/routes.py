"""Landing and login, logout, forgotten password, password reset, dev mailbox."""
from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.ratelimit import retry_after_header
from gateway.upstream import UpstreamResponse
from gateway.web.common import form_text, identity, page, read_form, redirect, safe_next
from gateway.web.forms import Rejection, any_answer, submit_form
from gateway.web.session import REFRESH_COOKIE, clear_session, current_user, store_tokens

router = APIRouter(include_in_schema=False)


def home_for(user_role_is_admin: bool) -> str:
    return "/admin" if user_role_is_admin else "/dashboard"


@router.get("/")
async def landing(request: Request, next: str | None = Query(None, max_length=300)) -> Response:
    user = await current_user(request)
    if user:
        return redirect(home_for(user.is_admin))
    return page(request, "auth/landing.html", title=t("login_heading"), login="", error=None,
                next=safe_next(next, ""))


@router.post("/masuk")
async def login(request: Request) -> Response:
    form = await read_form(request, max_files=0)
    login_value, password = form_text(form, "login"), form.get("password") or ""
    next_url = safe_next(form_text(form, "next"), "")

    def signed_in(result: UpstreamResponse) -> str:
        store_tokens(request, result.data)
        role = (result.data.get("user") or {}).get("role", "peserta")
        return next_url or home_for(role in ("admin", "superadmin"))

    def failed(r: Rejection) -> Response:
        headers = None
        if r.result.status == 429:
            seconds = retry_after_header(float(r.result.headers.get("Retry-After", "60") or 60))
            error, status, headers = t("login_wait", seconds=seconds), 429, {"Retry-After": seconds}
        elif r.result.status in (400, 401, 422):
            error, status = t("login_failed"), 401 if r.result.status == 401 else 400
        else:
            error, status = t("error_503_body"), 503
        return page(request, "auth/landing.html", status_code=status, headers=headers,
                    title=t("login_heading"), login=login_value, error=error, next=next_url)

    return await submit_form(
        request, "identity", identity(request, "POST", "/auth/login",
                                      json={"login": login_value, "password": password}),
        accept=_has_tokens, then=signed_in, again=failed, fixable=any_answer)


def _has_tokens(result: UpstreamResponse) -> bool:
    return result.status == 200 and isinstance(result.data, dict) and "access_token" in result.data


@router.post("/logout")
async def logout(request: Request) -> Response:
    await read_form(request, max_files=0)
    refresh = request.cookies.get(REFRESH_COOKIE)
    if refresh:
        # logging out locally must work even when identity is down
        with contextlib.suppress(Exception):
            await identity(request, "POST", "/auth/logout", json={"refresh_token": refresh})
    clear_session(request)
    return redirect("/")


@router.get("/lupa-password")
async def forgot_form(request: Request) -> Response:
    return page(request, "auth/forgot.html", title=t("forgot_title"), sent=False)


@router.post("/lupa-password")
async def forgot_submit(request: Request) -> Response:
    form = await read_form(request, max_files=0)
    login_value = form_text(form, "login")
    if login_value:
        await identity(request, "POST", "/auth/password-reset/request", json={"login": login_value})
    # the same answer whether or not the account exists
    return page(request, "auth/forgot.html", title=t("forgot_title"), sent=True)


@router.get("/reset-password")
async def reset_form(request: Request, token: str = Query("", max_length=500)) -> Response:
    return page(request, "auth/reset.html", title=t("reset_title"), token=token, errors={},
                error=None if token else t("reset_invalid"))


@router.post("/reset-password")
async def reset_submit(request: Request) -> Response:
    form = await read_form(request, max_files=0)
    token = form_text(form, "token")
    body = {"token": token, "password": form.get("password") or "",
            "password_confirm": form.get("password_confirm") or ""}

    def failed(r: Rejection) -> Response:
        errors = dict(r.errors)
        error = errors.pop("token", None)
        if not errors and not error:
            error = t("reset_invalid") if r.result.status in (400, 404) else t("error_500_body")
        return page(request, "auth/reset.html", status_code=400 if r.result.status == 400 else 422,
                    title=t("reset_title"), token=token, errors=errors, error=error)

    return await submit_form(
        request, "identity", identity(request, "POST", "/auth/password-reset/confirm", json=body),
        flash="reset_done", then="/", again=failed, fixable=any_answer)


@router.get("/dev/mailbox")
async def dev_mailbox(request: Request) -> Response:
    result = await identity(request, "GET", "/dev/mailbox")
    if result.status != 200 or not isinstance(result.data, list):
        from gateway.errors import error_page
        return error_page(404)
    mails = []
    for mail in result.data[:100]:
        if not isinstance(mail, dict):
            continue
        link = str(mail.get("link") or "")
        parts = urlsplit(link)
        local = parts.path + (f"?{parts.query}" if parts.query else "")
        mails.append({**mail, "link": local if local.startswith("/") else ""})
    return page(request, "auth/mailbox.html", title=t("mailbox_title"), mails=mails)
