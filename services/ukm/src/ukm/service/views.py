"""Answers of the business endpoints: public view, private view (members and admins)."""
from __future__ import annotations

from collections.abc import Mapping

from balai_platform.regions import region_name

from ..domain import reference as ref
from ..domain.business import display_phone, permit_labels, permits_of, whatsapp_url
from ..domain.money import format_rupiah


def _label(options: dict[str, str], key: str | None) -> str | None:
    return options.get(key) if key else None


def business_public(b: Mapping) -> dict:
    """BusinessPublic: what anyone logged in may see (search to join, gallery)."""
    return dict(
        id=str(b["id"]), kind=b["kind"], kind_label=ref.KINDS.get(b["kind"]), name=b["name"], brand=b["brand"],
        owner_name=b["owner_name"], category=b["category"], category_label=_label(ref.CATEGORIES, b["category"]),
        specification=b["specification"], product_type=b["product_type"],
        product_type_label=_label(ref.PRODUCT_TYPES, b["product_type"]),
        sector=b["sector"], sector_label=_label(ref.SECTORS, b["sector"]),
        legal_form=b["legal_form"], legal_form_label=_label(ref.LEGAL_FORMS, b["legal_form"]),
        founded_year=b["founded_year"], social_media=b["social_media"],
        permit_kind=b["permit_kind"], permit_kind_label=_label(ref.PERMIT_KINDS, b["permit_kind"]),
        permit_number=b["permit_number"], halal_number=b["halal_number"], pirt_number=b["pirt_number"],
        bpom_number=b["bpom_number"], haki_number=b["haki_number"], permits=permit_labels(permits_of(b)),
        regency_code=b["regency_code"], regency_name=b["regency_name"], district_code=b["district_code"],
        district_name=region_name(b["district_code"]), village_code=b["village_code"],
        village_name=region_name(b["village_code"]),
        market_segment=b["market_segment"], market_segment_label=_label(ref.MARKET_SEGMENTS, b["market_segment"]),
        distribution_channel=b["distribution_channel"],
        distribution_channel_label=_label(ref.DISTRIBUTION_CHANNELS, b["distribution_channel"]),
    )


def business_private(b: Mapping) -> dict:
    """The private fields: money, workforce, capacity, contact, address, size class."""
    total = b["workforce_male"] + b["workforce_female"]
    return dict(
        address=b["address"], phone=b["phone"], phone_display=display_phone(b["phone"]),
        whatsapp_url=whatsapp_url(b["phone"]),
        capacity=b["capacity"], capacity_unit=b["capacity_unit"],
        capacity_unit_label=_label(ref.CAPACITY_UNITS, b["capacity_unit"]),
        net_profit_month=b["net_profit_month"], net_profit_month_display=format_rupiah(b["net_profit_month"]),
        assets=b["assets"], assets_display=format_rupiah(b["assets"]),
        turnover=b["turnover"], turnover_display=format_rupiah(b["turnover"]),
        workforce_male=b["workforce_male"], workforce_female=b["workforce_female"], workforce_total=total,
        size_class=b["size_class"], size_class_label=ref.SIZE_CLASSES.get(b["size_class"]),
        created_at=b["created_at"].isoformat(), updated_at=b["updated_at"].isoformat(),
    )


def member_view(m: Mapping) -> dict:
    return dict(participant_id=str(m["participant_id"]), position=m["position"],
                position_label=ref.POSITIONS.get(m["position"]), status=m["status"],
                full_name=m.get("full_name"), joined_at=m["joined_at"].isoformat())


def price_label(price_min: int | None, price_max: int | None) -> str | None:
    """"Rp 10.000", "Rp 10.000 – Rp 25.000" or None."""
    if price_min is not None and price_max is not None and price_max != price_min:
        return f"{format_rupiah(price_min)} – {format_rupiah(price_max)}"
    return format_rupiah(price_min if price_min is not None else price_max)


def product_view(p: Mapping, photo_url) -> dict:
    price_min, price_max = p["price_min"], p["price_max"]
    return dict(
        id=str(p["id"]), business_id=str(p["business_id"]), name=p["name"], description=p["description"],
        category=p["category"], category_label=ref.PRODUCT_TYPES.get(p["category"]),
        price_min=price_min, price_max=price_max, price_label=price_label(price_min, price_max),
        photo_urls=[photo_url(p["id"], n) for n in range(1, p["photo_count"] + 1)],
        hidden=p["hidden"], unpublished=p["unpublished_at"] is not None,
        unpublished_reason=p["unpublished_reason"],
    )
