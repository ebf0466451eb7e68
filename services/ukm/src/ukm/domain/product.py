"""The Product aggregate: create, edit, photos, hide/unhide, admin unpublish, entering the E-Dukasi gallery.

Concurrency: writes load the product row FOR UPDATE; the gallery entry's primary key (product_id)
makes a second entry of one product impossible, so a product is showcased (ProductShowcased) once
per stay in the gallery: leaving it (hidden or unpublished) records ProductWithdrawn, and showing it
again showcases it afresh.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from balai_contracts.ukm import ProductShowcasedV1, ProductWithdrawnV1, WithdrawalReason
from balai_platform.aggregate import Aggregate

from .actors import Actor
from .business import Business
from .business_rules import permits_of
from .errors import NOTHING_CHANGED, Conflict, Forbidden, InvalidInput
from .photo import CheckedPhoto
from .validation import PRODUCT_FIELDS, validate_product

PhotoUrl = Callable[[uuid.UUID, int], str]


@dataclass
class GalleryEntry:
    """The product's place in the gallery: which training (and balai) put it there, when it was showcased."""

    org_id: uuid.UUID
    training_id: uuid.UUID
    enrollment_id: uuid.UUID
    training_title: str
    training_start_date: date
    published_at: datetime
    showcased_at: datetime | None = None


@dataclass(eq=False)
class Product(Aggregate):
    """A product of a business; `new_photos` are the photo slots changed since it was loaded."""

    id: uuid.UUID
    business_id: uuid.UUID
    name: str
    description: str
    category: str
    price_min: int | None
    price_max: int | None
    created_at: datetime
    updated_at: datetime
    photo_count: int = 0
    hidden: bool = False
    unpublished_reason: str | None = None
    unpublished_by: uuid.UUID | None = None
    unpublished_at: datetime | None = None
    gallery: GalleryEntry | None = None
    new_photos: dict[int, CheckedPhoto] = field(default_factory=dict)

    @classmethod
    def create(cls, product_id: uuid.UUID, business_id: uuid.UUID, form: Mapping,
               photos: Mapping[int, CheckedPhoto], at: datetime, *,
               errors: Mapping[str, str] | None = None) -> Product:
        """A new product with its photos; `errors` are those found outside (the photos)."""
        clean, found = validate_product(form)
        found.update(errors or {})
        if found:
            raise InvalidInput(found)
        product = cls(id=product_id, business_id=business_id, name=clean["name"],
                      description=clean.get("description") or "", category=clean["category"],
                      price_min=clean.get("price_min"), price_max=clean.get("price_max"),
                      created_at=at, updated_at=at)
        product.add_photos(photos)
        return product

    @staticmethod
    def edited_fields(form: Mapping, photos: Mapping[int, bytes | None]) -> list[str]:
        """The fields an edit names; refuses an edit with neither fields nor photos."""
        wanted = [name for name in PRODUCT_FIELDS if name in form]
        if not wanted and not any(photos.values()):
            raise InvalidInput({"body": NOTHING_CHANGED})
        return wanted

    def edit(self, form: Mapping, wanted: list[str], photos: Mapping[int, CheckedPhoto], at: datetime, *,
             errors: Mapping[str, str] | None = None) -> list[str]:
        """Change the fields given and put new photos in their slots; returns the changed field names."""
        clean, found = validate_product(form, wanted, current=self.row())
        found.update(errors or {})
        if found:
            raise InvalidInput(found)
        if "description" in clean:
            clean["description"] = clean["description"] or ""
        for name, value in clean.items():
            setattr(self, name, value)
        self.updated_at = at
        self.add_photos(photos)
        return sorted(clean)

    def add_photos(self, photos: Mapping[int, CheckedPhoto]) -> None:
        """Put photos in their slots; slots stay contiguous (a photo 3 without a 2 becomes 2)."""
        for n, photo in sorted(photos.items()):
            slot = min(n, self.photo_count + 1)
            self.new_photos[slot] = photo
            self.photo_count = max(self.photo_count, slot)

    def hide(self, at: datetime) -> None:
        """A member takes the product out of the public gallery (reversible)."""
        was_visible = self.visible
        self.hidden = True
        self._withdraw_if_left(was_visible, "hidden_by_owner", at)

    def unhide(self) -> None:
        self.hidden = False

    def unpublish(self, actor: Actor, reason: str, training_orgs: Collection[uuid.UUID], at: datetime) -> None:
        """An admin of a balai whose training put the business in the gallery takes the product out."""
        self._ensure_gallery_admin(actor, training_orgs)
        was_visible = self.visible
        self.unpublished_reason, self.unpublished_by, self.unpublished_at = reason, actor.participant_id, at
        self._withdraw_if_left(was_visible, "unpublished_by_admin", at)

    def republish(self, actor: Actor, training_orgs: Collection[uuid.UUID]) -> None:
        self._ensure_gallery_admin(actor, training_orgs)
        self.unpublished_reason = self.unpublished_by = self.unpublished_at = None

    def enter_gallery(self, training: Mapping, at: datetime) -> bool:
        """Take a gallery place through `training` (a business_trainings row); False when it has one."""
        if self.gallery is not None:
            return False
        self.gallery = GalleryEntry(
            org_id=training["org_id"], training_id=training["training_id"], enrollment_id=training["enrollment_id"],
            training_title=training["title"], training_start_date=training["start_date"], published_at=at)
        return True

    @property
    def visible(self) -> bool:
        return not self.hidden and self.unpublished_at is None

    @property
    def due_for_showcase(self) -> bool:
        """In the gallery, visible, never showcased: an entry hidden on entry is showcased when first shown."""
        return self.gallery is not None and self.visible and self.gallery.showcased_at is None

    def showcase(self, business: Business, photo_url: PhotoUrl, at: datetime) -> bool:
        """Record ProductShowcased once, when the product is due; True when it was."""
        if not self.due_for_showcase:
            return False
        g, b = self.gallery, business.data
        assert g is not None  # due_for_showcase checked it
        g.showcased_at = at
        self.record(ProductShowcasedV1(
            product_id=self.id, name=self.name, description=self.description, category=self.category,
            price_min=self.price_min, price_max=self.price_max,
            photo_url=photo_url(self.id, 1) if self.photo_count else None,
            business_id=business.id, business_name=b["name"], brand=b["brand"], regency_code=b["regency_code"],
            regency_name=b["regency_name"], permits=permits_of(b), organisation_id=g.org_id,
            training_id=g.training_id, training_title=g.training_title, training_start_date=g.training_start_date,
            enrollment_id=g.enrollment_id, showcased_at=at))
        return True

    def _withdraw_if_left(self, was_visible: bool, reason: WithdrawalReason, at: datetime) -> None:
        """A showcased product that stops being visible records ProductWithdrawn once; clearing
        `showcased_at` makes it due for a fresh ProductShowcased when it is shown again."""
        g = self.gallery
        if not was_visible or self.visible or g is None or g.showcased_at is None:
            return
        g.showcased_at = None
        self.record(ProductWithdrawnV1(product_id=self.id, business_id=self.business_id,
                                       organisation_id=g.org_id, reason=reason, withdrawn_at=at))

    def row(self) -> dict[str, Any]:
        """The product as a `products` row (for the views and the repository)."""
        return {name: getattr(self, name) for name in PRODUCT_COLUMNS}

    def _ensure_gallery_admin(self, actor: Actor, training_orgs: Collection[uuid.UUID]) -> None:
        if not actor.is_admin:
            raise Forbidden("Halaman ini hanya untuk admin/petugas")
        if actor.role != "superadmin" and (actor.org_id is None or actor.org_id not in training_orgs):
            raise Forbidden("Produk ini tidak masuk galeri melalui pelatihan balai Anda")
        if self.gallery is None:
            raise Conflict("Produk ini belum tampil di galeri")


PRODUCT_COLUMNS = ("id", "business_id", "name", "description", "category", "price_min", "price_max",
                   "photo_count", "hidden", "unpublished_reason", "unpublished_by", "unpublished_at",
                   "created_at", "updated_at")
