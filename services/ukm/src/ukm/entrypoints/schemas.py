"""Response schemas of the ukm API: what the handlers return today, key for key."""
from __future__ import annotations

from typing import Any

from balai_platform.responses import Items, Page, PublicModel


class PermitPublic(PublicModel):
    kind: str
    number: str
    label: str


class BusinessSummary(PublicModel):
    """A line of "Pilih Data UKM/Koperasi": public fields only."""

    id: str
    kind: str
    kind_label: str | None
    name: str
    brand: str
    owner_name: str
    regency_code: str
    regency_name: str
    category: str
    category_label: str | None
    product_type: str


class MyBusiness(BusinessSummary):
    position: str
    position_label: str | None
    status: str


class BusinessAdminItem(BusinessSummary):
    size_class: str
    size_class_label: str | None
    assets_display: str | None
    turnover_display: str | None
    created_at: str


class BusinessPublic(PublicModel):
    """What anyone logged in may see of a business."""

    id: str
    kind: str
    kind_label: str | None
    name: str
    brand: str
    owner_name: str
    category: str
    category_label: str | None
    specification: str
    product_type: str
    product_type_label: str | None
    sector: str
    sector_label: str | None
    legal_form: str
    legal_form_label: str | None
    founded_year: int
    social_media: str | None
    permit_kind: str
    permit_kind_label: str | None
    permit_number: str | None
    halal_number: str | None
    pirt_number: str | None
    bpom_number: str | None
    haki_number: str | None
    permits: list[PermitPublic]
    regency_code: str
    regency_name: str
    district_code: str
    district_name: str | None
    village_code: str
    village_name: str | None
    market_segment: str
    market_segment_label: str | None
    distribution_channel: str
    distribution_channel_label: str | None


class BusinessPrivate(PublicModel):
    """Money, workforce, capacity, contact, address, size class: members and admins only."""

    address: str
    phone: str
    phone_display: str | None
    whatsapp_url: str | None
    capacity: int
    capacity_unit: str
    capacity_unit_label: str | None
    net_profit_month: int
    net_profit_month_display: str | None
    assets: int
    assets_display: str | None
    turnover: int
    turnover_display: str | None
    workforce_male: int
    workforce_female: int
    workforce_total: int
    size_class: str
    size_class_label: str | None
    created_at: str
    updated_at: str


class MemberPublic(PublicModel):
    participant_id: str
    position: str
    position_label: str | None
    status: str
    full_name: str | None
    joined_at: str


class GalleryProductPublic(PublicModel):
    id: str
    business_id: str
    name: str
    description: str
    category: str
    category_label: str | None
    price_min: int | None
    price_max: int | None
    price_label: str | None
    photo_urls: list[str]


class ProductPublic(GalleryProductPublic):
    hidden: bool
    unpublished: bool
    unpublished_reason: str | None


class BusinessDetail(BusinessPublic):
    """`private` and `members` are null unless the caller is an active member or an admin."""

    is_member: bool
    my_position: str | None
    my_status: str | None
    can_edit: bool
    private: BusinessPrivate | None
    members: list[MemberPublic] | None
    products: list[ProductPublic]


class AuditEntry(PublicModel):
    id: int
    at: str
    action: str
    actor_id: str
    actor_role: str
    actor_name: str | None
    changes: dict[str, Any]


class MembershipPublic(PublicModel):
    business_id: str
    participant_id: str
    position: str
    status: str


BusinessList = Items[BusinessSummary]
MyBusinessList = Items[MyBusiness]
BusinessAdminPage = Page[BusinessAdminItem]
AuditPage = Page[AuditEntry]
