"""Calls from the training pages to the training service, answer checks, dates and paging."""
from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlencode

from fastapi import HTTPException, Request

from gateway.i18n import MONTHS_ID, WIB, format_date_id, t
from gateway.upstream import UpstreamResponse, UpstreamUnavailable
from gateway.web.render import env
from gateway.web.service_calls import answer_checker, call_service, valid_id
from gateway.web.session import WebUser

SERVICE = "training"
MODES = ("residential", "regional", "online")
STATUSES = ("submitted", "waitlisted", "verified", "rejected", "confirmed", "completed",
            "not_completed", "cancelled")


async def training(request: Request, method: str, path: str, *, user: WebUser | None = None,
                  **kwargs) -> UpstreamResponse:
    """One call to the training service with the session's token (public calls without one)."""
    return await call_service(request, SERVICE, method, path, user=user, **kwargs)


ensure_ok = answer_checker(SERVICE)


def message(result: UpstreamResponse, default: str = "") -> str:
    """One line for an alert: the service's own message, its first field error, or `default`."""
    return result.detail() or next(iter(result.errors().values()), "") or default or t("error_500_body")


async def my_history(request: Request, user: WebUser) -> dict | None:
    """Riwayat Pelatihan for the dashboard; None when the training service cannot answer now."""
    try:
        result = await training(request, "GET", "/enrollments/mine", user=user)
    except UpstreamUnavailable:
        return None
    if result.status != 200 or not isinstance(result.data, dict):
        return None
    return {"items": items_of(result.data), "completed_count": result.data.get("completed_count") or 0}


def check_id(*values: str) -> None:
    if not all(valid_id(v) for v in values):
        raise HTTPException(404)


def items_of(data: dict | None, key: str = "items") -> list[dict]:
    return [i for i in (data or {}).get(key) or [] if isinstance(i, dict)]


# -- dates: Indonesian month names, times in WIB -------------------------------------------------

def _day(value: str | date | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else value
    except ValueError:
        return None


def date_range(start: str | None, end: str | None) -> str:
    """'2025-07-02', '2025-07-05' -> '2–5 Juli 2025'; across months/years the full dates."""
    a, b = _day(start), _day(end)
    if a is None:
        return "-"
    if b is None or a == b:
        return format_date_id(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {MONTHS_ID[b.month - 1]} {b.year}"
    if a.year == b.year:
        return f"{a.day} {MONTHS_ID[a.month - 1]} – {format_date_id(b)}"
    return f"{format_date_id(a)} – {format_date_id(b)}"


def month_label(value: str) -> str:
    """'2025-07' -> 'Juli 2025'."""
    try:
        year, month = int(value[:4]), int(value[5:7])
        return f"{MONTHS_ID[month - 1]} {year}"
    except (ValueError, IndexError):
        return value


def to_wib_input(value: str | None) -> str:
    """An ISO datetime as the value of <input type=datetime-local> in WIB."""
    if not value:
        return ""
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return dt.astimezone(WIB).strftime("%Y-%m-%dT%H:%M")


def from_wib_input(value: str) -> str | None:
    """<input type=datetime-local> (WIB) -> ISO with +07:00; None when not a date-time."""
    try:
        dt = datetime.strptime(value.strip()[:16], "%Y-%m-%dT%H:%M")
    except ValueError:
        return None
    return dt.replace(tzinfo=WIB).isoformat()


def rupiah(amount: object) -> str:
    if not isinstance(amount, int):
        return "-"
    return "Rp " + f"{amount:,}".replace(",", ".")


# -- paging --------------------------------------------------------------------------------------

def pager(path: str, params: dict, current: int, total: int, per_page: int,
          param: str = "page") -> dict:
    pages = max(1, -(-total // per_page))
    current = min(max(current, 1), pages)

    def link(n: int) -> str:
        merged = {**params, param: n if n > 1 else ""}
        query = urlencode({k: v for k, v in merged.items() if v not in ("", None)})
        return path + ("?" + query if query else "")

    shown = sorted({1, pages, *range(max(1, current - 2), min(pages, current + 2) + 1)})
    numbers: list[int | None] = []
    for n in shown:
        if numbers and n - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(n)
    return {"current": current, "pages": pages, "link": link, "numbers": numbers,
            "prev": link(current - 1) if current > 1 else None,
            "next": link(current + 1) if current < pages else None}


# helpers for the templates of the training pages (new names only: the environment is shared)
env.globals.update(tr_date_range=date_range, tr_month_label=month_label, tr_rupiah=rupiah)
