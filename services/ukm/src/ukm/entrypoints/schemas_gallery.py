"""Response schemas of the public E-Dukasi gallery and the form's choice lists."""
from __future__ import annotations

from balai_platform.responses import Page, PublicModel

from .schemas import GalleryProductPublic, PermitPublic


class GalleryItem(PublicModel):
    product_id: str
    name: str
    category: str
    category_label: str | None
    price_min: int | None
    price_max: int | None
    price_label: str | None
    photo_url: str | None
    business_id: str
    business_name: str
    brand: str
    regency_code: str
    regency_name: str
    permits: list[str]
    published_at: str


class GalleryPage(Page[GalleryItem]):
    pages: int


class GalleryBusiness(PublicModel):
    """The business behind a gallery product: contact and permits, no money figures."""

    id: str
    kind: str
    kind_label: str | None
    name: str
    brand: str
    owner_name: str
    category: str
    category_label: str | None
    specification: str
    founded_year: int
    legal_form_label: str | None
    sector_label: str | None
    regency_code: str
    regency_name: str
    district_name: str | None
    village_name: str | None
    phone_display: str | None
    whatsapp_url: str | None
    social_media: str | None
    permits: list[PermitPublic]


class GalleryTraining(PublicModel):
    training_id: str
    title: str
    start_date: str
    end_date: str
    org_id: str


class GalleryOtherProduct(PublicModel):
    product_id: str
    name: str
    photo_url: str | None


class GalleryDetail(PublicModel):
    product: GalleryProductPublic
    business: GalleryBusiness
    published_at: str
    trainings: list[GalleryTraining]
    other_products: list[GalleryOtherProduct]


class ChoicePublic(PublicModel):
    value: str
    label: str
