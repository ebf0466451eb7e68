"""Helpers shared by the web areas: page rendering with session context, redirects, forms."""
from __future__ import annotations

from fastapi import HTTPException, Request
from starlette.datastructures import FormData, UploadFile
from starlette.responses import RedirectResponse, Response

from gateway.edge import client_ip
from gateway.upstream import UpstreamResponse, Upstreams
from gateway.web.csrf import check_csrf, csrf_token
from gateway.web.render import render_html
from gateway.web.session import WebUser, pop_flash


class LazyCsrfToken:
    """The CSRF token, made (and its cookie set) only when the page has a form that prints it: a
    page without one sets no cookie, so the micro-cache may share it between anonymous visitors."""

    __slots__ = ("request",)

    def __init__(self, request: Request) -> None:
        self.request = request

    def __str__(self) -> str:
        return csrf_token(self.request)

    __html__ = __str__


def page(request: Request, template: str, *, status_code: int = 200, user: WebUser | None = None,
         nav: str = "", headers: dict | None = None, **context: object) -> Response:
    return render_html(template, status_code=status_code, headers=headers, user=user, nav=nav,
                       csrf_token=LazyCsrfToken(request), flash=pop_flash(request),
                       current_path=request.url.path, **context)


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def safe_next(value: str | None, default: str) -> str:
    """Only local paths: never redirect a user to another site after login."""
    if value and value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return default


async def read_form(request: Request, max_files: int = 1) -> FormData:
    """Parse a posted form (size-limited) and check its CSRF token."""
    limit = request.app.state.settings.max_form_bytes
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise HTTPException(413)
    body = bytearray()
    async for chunk in request.stream():  # counted as it arrives: a chunked body declares no length
        body += chunk
        if len(body) > limit:
            raise HTTPException(413)
    request._body = bytes(body)  # Starlette's own cache of a read body: request.form() parses it
    form = await request.form(max_files=max_files, max_fields=60)
    token = form.get("csrf_token")
    check_csrf(request, token if isinstance(token, str) else None)
    return form


def form_text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def form_file(form: FormData, name: str) -> UploadFile | None:
    value = form.get(name)
    if isinstance(value, UploadFile) and value.filename:
        return value
    return None


async def identity(request: Request, method: str, path: str, *, user: WebUser | None = None,
                   **kwargs) -> UpstreamResponse:
    upstreams: Upstreams = request.app.state.upstreams
    return await upstreams.call("identity", method, path, client_ip=client_ip(request.scope),
                                token=user.access_token if user else None, **kwargs)
