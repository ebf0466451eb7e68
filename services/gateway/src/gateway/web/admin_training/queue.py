"""Verifikasi: the admin's work queue. Every application of the organisation waiting for a decision,
across trainings, oldest first, with its waiting time in working days (past the 3-day service
standard marked), filters, search by name / username / full NIK, and bulk verify / reject reported
row by row. A full NIK is looked up in identity (training never stores NIK)."""
from __future__ import annotations

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.upstream import UpstreamResponse
from gateway.web.common import form_text, identity, page, read_form
from gateway.web.forms import Rejection, ok_with_object, submit_form
from gateway.web.menus import admin_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.training_client import SERVICE, ensure_ok, items_of, pager, training

router = APIRouter(include_in_schema=False)
PATH = "/admin/verifikasi"
PER_PAGE = 50
PENDING = ("submitted", "waitlisted")
NOBODY = "00000000-0000-0000-0000-000000000000"  # a NIK nobody has: an empty answer, not every row


async def _participant_of(request: Request, user: WebUser, q: str) -> str | None:
    """A full NIK: the participant's id from identity (blind index); None when `q` is no NIK."""
    if not (q.isdigit() and len(q) == 16):
        return None
    found = await identity(request, "GET", "/admin/participants", user=user, params={"q": q, "per_page": 1})
    items = found.data.get("items") if found.ok and isinstance(found.data, dict) else None
    pid = str(items[0].get("id") or "") if items else ""
    return pid if valid_id(pid) else NOBODY


def _filters(pelatihan: str, status: str, lewat: str, q: str) -> dict:
    return {"pelatihan": pelatihan if valid_id(pelatihan) else "", "status": status if status in PENDING else "",
            "lewat": "1" if lewat == "1" else "", "q": q.strip()[:100]}


async def _queue_page(request: Request, user: WebUser, filters: dict, page_no: int, *, status_code: int = 200,
                      alert: str | None = None, results: list[dict] | None = None) -> Response:
    params: dict = {"page": page_no, "per_page": PER_PAGE}
    if filters["pelatihan"]:
        params["training_id"] = filters["pelatihan"]
    if filters["status"]:
        params["status"] = filters["status"]
    if filters["lewat"]:
        params["overdue"] = "true"
    pid = await _participant_of(request, user, filters["q"])
    if pid:
        params["participant_id"] = pid
    elif filters["q"]:
        params["q"] = filters["q"]
    data = ensure_ok(request, await training(request, "GET", "/admin/enrollments/queue", user=user, params=params))
    total = int(data.get("total") or 0)
    return page(request, "admin_training/queue.html", status_code=status_code, user=user, nav="verifikasi",
                menu=admin_menu(), title=t("tr_queue_title"), items=items_of(data), total=total, filters=filters,
                days=data.get("working_days", 3), waiting=data.get("waiting", 0), overdue=data.get("overdue", 0),
                trainings=items_of(data, "trainings"), alert=alert, results=results or [],
                first_no=(page_no - 1) * PER_PAGE + 1, pager=pager(PATH, filters, page_no, total, PER_PAGE))


@router.get(PATH)
async def queue(request: Request, pelatihan: str = Query("", max_length=40), status: str = Query("", max_length=20),
                lewat: str = Query("", max_length=1), q: str = Query("", max_length=100),
                page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    user = await require_admin(request)
    return await _queue_page(request, user, _filters(pelatihan, status, lewat, q), page_no)


@router.post(PATH)
async def bulk(request: Request) -> Response:
    """"Verifikasi terpilih" / "Tolak terpilih": each row through the service's verify/reject, reported."""
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    ids = [v for v in form.getlist("ids") if isinstance(v, str) and valid_id(v)][:200]
    action, reason = form_text(form, "action"), form_text(form, "reason")[:500]
    filters = _filters(form_text(form, "pelatihan"), form_text(form, "status"), form_text(form, "lewat"),
                       form_text(form, "q"))
    if not ids or action not in ("verify", "reject") or (action == "reject" and not reason):
        alert = t("tr_bulk_none") if not ids else t("tr_reason_required")
        return await _queue_page(request, user, filters, 1, status_code=422, alert=alert)
    names = {i: form_text(form, f"name-{i}")[:100] for i in ids}  # the admin's own page, for the report only

    async def report(result: UpstreamResponse) -> Response:
        rows = [dict(r, name=names.get(str(r.get("id")), "") or "-") for r in items_of(result.data, "results")]
        return await _queue_page(request, user, filters, 1, results=rows)

    async def failed(r: Rejection) -> Response:
        return await _queue_page(request, user, filters, 1, status_code=r.status, alert=r.alert())

    return await submit_form(request, SERVICE,
                             training(request, "POST", "/admin/enrollments/bulk", user=user,
                                      json={"enrollment_ids": ids, "action": action, "reason": reason}),
                             accept=ok_with_object, then=report, again=failed)
