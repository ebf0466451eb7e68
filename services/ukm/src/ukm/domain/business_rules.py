"""Business rules that need no I/O: permits held, contact links, who may do what, event fields.

The `Business` aggregate in `business.py` uses them (and re-exports them for older imports)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from balai_platform.regions import region_name

from . import reference as ref
from .money import size_class

CERT_COLUMNS = {"halal": "halal_number", "pirt": "pirt_number", "bpom": "bpom_number", "haki": "haki_number"}
#: Fields only members and admins may read.
PRIVATE_FIELDS = ("assets", "turnover", "net_profit_month", "workforce_male", "workforce_female",
                  "capacity", "capacity_unit", "size_class", "phone", "address")


def permits_of(row: Mapping) -> list[dict[str, str]]:
    """[{kind, number}]: the izin usaha (unless "belum_ada") then the certificates held."""
    out = []
    if row.get("permit_kind") and row["permit_kind"] != "belum_ada" and row.get("permit_number"):
        out.append({"kind": row["permit_kind"], "number": row["permit_number"]})
    for kind, col in CERT_COLUMNS.items():
        if row.get(col):
            out.append({"kind": kind, "number": row[col]})
    return out


def permit_labels(permits: list[dict[str, str]]) -> list[dict[str, str]]:
    labels = {**ref.PERMIT_KINDS, **ref.CERTIFICATES}
    return [{**p, "label": labels.get(p["kind"], p["kind"])} for p in permits]


def display_phone(e164_digits: str | None) -> str | None:
    """'6281234567890' -> '0812-3456-7890'; '62248311234' -> '024-8311234'."""
    if not e164_digits:
        return None
    national = "0" + e164_digits[2:] if e164_digits.startswith("62") else e164_digits
    if national.startswith("08"):
        return "-".join(p for p in (national[:4], national[4:8], national[8:]) if p)
    return f"{national[:3]}-{national[3:]}"


def whatsapp_url(e164_digits: str | None) -> str | None:
    """https://wa.me/62... for a mobile number; None for a landline (no WhatsApp)."""
    if not e164_digits or not e164_digits.startswith("628"):
        return None
    return f"https://wa.me/{e164_digits}"


def registration_product_names(brand: str, product_type: str, count: int) -> list[str]:
    """One product per registration photo, named after the brand and jenis produk."""
    base = f"{brand} - {ref.PRODUCT_TYPES.get(product_type, product_type)}"
    return [base if i == 0 else f"{base} {i + 1}" for i in range(count)]


def can_manage(is_member: bool, role: str) -> bool:
    """Members edit their business; admins and superadmins of any balai may too (they verify data)."""
    return is_member or role in ("admin", "superadmin")


def audit_changes(old: Mapping, new: Mapping) -> dict[str, dict]:
    """{field: {old, new}} for each field whose value changed."""
    return {k: {"old": old.get(k), "new": v} for k, v in new.items() if old.get(k) != v}


def derived(row: Mapping) -> dict:
    """Columns computed from the form's fields."""
    return dict(province_code=row["regency_code"][:2], regency_name=region_name(row["regency_code"]) or "",
                size_class=size_class(row["assets"], row["turnover"]),
                search_text=f"{row['name']} {row['brand']} {row['owner_name']}".lower())


def business_fields(b: Mapping, members: Sequence[Mapping]) -> dict:
    """The payload fields BusinessRegistered and BusinessUpdated share (current values, not a diff)."""
    return dict(
        business_id=b["id"], kind=b["kind"], name=b["name"], brand=b["brand"], owner_name=b["owner_name"],
        legal_form=b["legal_form"], permits=permits_of(b), assets=b["assets"], turnover=b["turnover"],
        workforce_male=b["workforce_male"], workforce_female=b["workforce_female"],
        workforce_total=b["workforce_male"] + b["workforce_female"], size_class=b["size_class"],
        province_code=b["province_code"], regency_code=b["regency_code"], district_code=b["district_code"],
        village_code=b["village_code"], regency_name=b["regency_name"], sector=b["sector"],
        category=b["category"], founded_year=b["founded_year"],
        members=[{"participant_id": m["participant_id"], "position": m["position"]} for m in members],
    )
