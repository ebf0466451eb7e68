"""The round trip of a posted form, once for every page: call the service; on success flash and
redirect (303); on an answer the user can fix show the form again with the service's messages and
the typed values; otherwise the page that fits (login, 403, 404) or the 503 page."""
from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass

from fastapi import Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.upstream import UpstreamResponse, UpstreamUnavailable
from gateway.web.common import redirect
from gateway.web.service_calls import answer_checker
from gateway.web.session import set_flash

# which failed answers go back to the form: a set of statuses, or a test of (answer, field errors)
Fixable = Collection[int] | Callable[[UpstreamResponse, dict[str, str]], bool]
CONFLICT_OR_INVALID = frozenset({409, 422})
OWN_PAGES = (401, 403, 404)  # login, "Akses ditolak" and "Tidak ditemukan" have pages of their own


@dataclass(frozen=True)
class Rejection:
    """A failed answer shown on the form again: the service's messages plus the gateway's own."""
    result: UpstreamResponse
    errors: dict[str, str]  # field -> message, shown next to its input

    @property
    def status(self) -> int:
        """The re-rendered page's status: the service's 4xx/5xx, 422 for anything else."""
        return self.result.status if self.result.status >= 400 else 422

    @property
    def detail(self) -> str | None:
        return self.result.detail()

    def alert(self, default: str = "") -> str:
        """One line: the service's own message, else its first field error, else `default`."""
        return self.detail or next(iter(self.errors.values()), "") or default or t("error_500_body")

    def first_error(self, default: str) -> str:
        """One line: the first field error, else the service's own message, else `default`."""
        return next(iter(self.errors.values()), "") or self.detail or default


def any_answer(result: UpstreamResponse, errors: dict[str, str]) -> bool:
    """Pages that explain every failure on the form itself (login, sign-up, profile)."""
    return True


def user_errors(result: UpstreamResponse, errors: dict[str, str]) -> bool:
    """Every 4xx but those with pages of their own."""
    return 400 <= result.status < 500 and result.status not in OWN_PAGES


def statuses_or_field_errors(*statuses: int) -> Fixable:
    """`statuses`, or any answer that names fields (the gateway's own checks included)."""

    def fixable(result: UpstreamResponse, errors: dict[str, str]) -> bool:
        return result.status not in OWN_PAGES and (result.status in statuses or bool(errors))

    return fixable


def rejection(request: Request, service: str, result: UpstreamResponse, *,
              fixable: Fixable = CONFLICT_OR_INVALID,
              local_errors: dict[str, str] | None = None) -> Rejection:
    """The Rejection to show on the form, or the fitting error page raised (login, 403, 404, 503)."""
    errors = {**result.errors(), **(local_errors or {})}
    if fixable(result, errors) if callable(fixable) else result.status in fixable:
        return Rejection(result, errors)
    answer_checker(service)(request, result)  # raises for a failed answer
    raise UpstreamUnavailable(service)


async def _resolve(value: Response | str | Awaitable[Response | str]) -> Response:
    if inspect.isawaitable(value):
        value = await value
    return redirect(value) if isinstance(value, str) else value


def is_ok(result: UpstreamResponse) -> bool:
    return result.ok


def ok_with_object(result: UpstreamResponse) -> bool:
    """A 2xx answer carrying the JSON object the next step reads."""
    return result.ok and isinstance(result.data, dict)


async def submit_form(
    request: Request, service: str, call: Awaitable[UpstreamResponse], *,
    then: str | Callable[[UpstreamResponse], Response | str | Awaitable[Response | str]],
    again: Callable[[Rejection], Response | Awaitable[Response]] | None = None,
    flash: str | Callable[[UpstreamResponse], str] | None = None,
    accept: Callable[[UpstreamResponse], bool] = is_ok,
    fixable: Fixable = CONFLICT_OR_INVALID, local_errors: dict[str, str] | None = None,
) -> Response:
    """Await `call`; accepted: `flash`, then redirect to `then` (a path, or a function of the
    answer giving a path or a page); fixable: `again(rejection)`; else the fitting error page."""
    result = await call  # a service that cannot answer raises UpstreamUnavailable: the 503 page
    if accept(result):
        if flash:
            set_flash(request, flash(result) if callable(flash) else flash)
        return await _resolve(then(result) if callable(then) else then)
    failed = rejection(request, service, result, fixable=fixable if again else (),
                       local_errors=local_errors)
    return await _resolve(again(failed))
