"""The part of Balai's published contract this subscriber reads (docs/asyncapi/ukm.json,
channel `ukm.product`). Fields it does not know are ignored: a newer producer may add fields
without a new version (Balai's docs/events.md, Versioning)."""
from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

SHOWCASED = "ProductShowcased"
WITHDRAWN = "ProductWithdrawn"
HANDLED_VERSION = 1


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Envelope(_Wire):
    id: uuid.UUID
    type: str
    version: int = 1
    source: str
    occurred_at: datetime
    subject: str
    data: dict


class Permit(_Wire):
    kind: str
    number: str


class ProductShowcased(_Wire):
    product_id: uuid.UUID
    name: str
    description: str
    category: str
    price_min: int | None
    price_max: int | None
    photo_url: str | None
    business_id: uuid.UUID
    business_name: str
    brand: str
    regency_code: str
    regency_name: str
    permits: list[Permit]
    organisation_id: uuid.UUID
    training_id: uuid.UUID
    training_title: str
    training_start_date: date
    showcased_at: datetime


class ProductWithdrawn(_Wire):
    product_id: uuid.UUID
    business_id: uuid.UUID
    organisation_id: uuid.UUID
    reason: str
    withdrawn_at: datetime
