"""Superadmin: the NIK access log (who saw which participant's full NIK/KK, UU PDP)."""
from __future__ import annotations

import math
import re
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from gateway.errors import error_page
from gateway.web.common import identity, page
from gateway.web.menus import admin_menu
from gateway.web.session import require_admin

router = APIRouter(include_in_schema=False)
PER_PAGE = 20
PATH = "/admin/log-akses-nik"
_UUID = re.compile(r"^[0-9a-fA-F-]{32,36}$")
TEXT = {
    "title": "Log Akses NIK",
    "intro": "Setiap kali admin melihat NIK, No. KK, atau NPWP lengkap seorang peserta, aksesnya "
             "dicatat di sini (UU Pelindungan Data Pribadi). Nilai NIK tidak pernah dicatat.",
    "col_time": "Waktu", "col_admin": "Admin", "col_participant": "Peserta", "col_fields": "Data dilihat",
    "col_request": "ID permintaan", "empty": "Belum ada akses NIK yang tercatat.",
    "total": "{total} akses tercatat", "filtered": "Saringan aktif", "clear": "Hapus saringan",
    "only_participant": "Hanya peserta ini", "only_admin": "Hanya admin ini",
    "prev": "Sebelumnya", "next": "Selanjutnya", "page_of": "Halaman {page} dari {pages}",
    "pagination": "Navigasi halaman", "unknown": "(akun tidak ditemukan)",
}
FIELD_LABELS = {"nik": "NIK", "kk": "No. KK", "npwp": "NPWP"}


def _uuid_or_none(value: str) -> str | None:
    return value if _UUID.match(value) else None


@router.get(PATH)
async def nik_access_log(request: Request, peserta: str = Query("", max_length=64),
                         admin: str = Query("", max_length=64),
                         page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    """The access log, newest first; only a superadmin may read it."""
    user = await require_admin(request)
    if user.claims.role != "superadmin":
        return error_page(403)
    participant_id, admin_id = _uuid_or_none(peserta), _uuid_or_none(admin)
    params: dict[str, object] = {"page": page_no, "per_page": PER_PAGE}
    if participant_id:
        params["participant_id"] = participant_id
    if admin_id:
        params["admin_id"] = admin_id
    result = await identity(request, "GET", "/admin/nik-access-log", user=user, params=params)
    if not result.ok or not isinstance(result.data, dict):
        return error_page(403 if result.status == 403 else 503)
    total = int(result.data.get("total") or 0)
    pages = max(1, math.ceil(total / PER_PAGE))

    def link(**changes: object) -> str:
        merged = {"peserta": participant_id, "admin": admin_id, "page": page_no, **changes}
        return PATH + "?" + urlencode({k: v for k, v in merged.items() if v not in ("", None, 1)})

    return page(request, "admin/nik_access_log.html", user=user, nav="log-akses-nik", menu=admin_menu(),
                title=TEXT["title"], txt=TEXT, field_labels=FIELD_LABELS, items=result.data.get("items") or [],
                total=total, page_no=page_no, pages=pages, filtered=bool(participant_id or admin_id),
                link=link, prev_url=link(page=page_no - 1) if page_no > 1 else None,
                next_url=link(page=page_no + 1) if page_no < pages else None)
