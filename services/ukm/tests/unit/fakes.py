"""In-memory fakes for ukm's service-layer unit tests: a unit of work whose repositories keep
aggregates in dicts; writes staged by `save`/`add` become visible only on commit."""
from __future__ import annotations

import copy
import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from balai_platform.auth import Claims
from balai_platform.clock import Clock
from balai_platform.testing import FakeUnitOfWork, FrozenClock
from services.ukm.tests.support import business_form
from tests.factories import png_photo
from ukm.domain.actors import Actor
from ukm.domain.business import Business
from ukm.domain.errors import NotFound
from ukm.domain.product import Product

ORG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
AT = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)


class _Store:
    def __init__(self, uow: FakeUnitOfWork, missing: str) -> None:
        self.uow, self.missing = uow, missing
        self.rows: dict[uuid.UUID, Any] = {}
        self.staged: dict[uuid.UUID, Any] = {}
        self.saves = 0

    async def get(self, key: uuid.UUID, *, lock: bool = False) -> Any:
        if key not in self.rows:
            raise NotFound(self.missing)
        return self.uow.track(copy.deepcopy(self.rows[key]))

    async def add(self, aggregate: Any) -> None:
        self.uow.track(aggregate)
        await self.save(aggregate)

    async def save(self, aggregate: Any) -> None:
        self.saves += 1
        self.staged[aggregate.id] = aggregate

    def apply(self) -> None:
        for key, aggregate in self.staged.items():
            stored = copy.deepcopy(aggregate)
            stored.pull_events()
            self.rows[key] = stored
        self.staged.clear()


class FakeBusinesses(_Store):
    def __init__(self, uow: FakeUnitOfWork) -> None:
        super().__init__(uow, "UKM/Koperasi tidak ditemukan")
        self.trainings: dict[uuid.UUID, list[Mapping]] = {}
        self.audit: list[tuple[uuid.UUID, str]] = []

    async def save(self, business: Business) -> None:
        self.audit += [(business.id, entry.action) for entry in business.new_audit]
        business.new_audit.clear()
        await super().save(business)

    async def latest_training(self, business_id: uuid.UUID) -> Mapping | None:
        return (self.trainings.get(business_id) or [None])[-1]

    async def training_orgs(self, business_id: uuid.UUID) -> set[uuid.UUID]:
        return {t["org_id"] for t in self.trainings.get(business_id, [])}


class FakeProducts(_Store):
    def __init__(self, uow: FakeUnitOfWork) -> None:
        super().__init__(uow, "Produk tidak ditemukan")

    async def of_business(self, business_id: uuid.UUID, *, lock: bool = False) -> list[Product]:
        return [await self.get(p.id) for p in sorted(self.rows.values(), key=lambda p: p.id)
                if p.business_id == business_id]


class FakeUkmUnitOfWork(FakeUnitOfWork):
    def __init__(self) -> None:
        super().__init__()
        self.businesses = FakeBusinesses(self)
        self.products = FakeProducts(self)

    async def commit(self) -> None:
        self.businesses.apply()
        self.products.apply()
        await super().commit()

    async def rollback(self) -> None:
        self.businesses.staged.clear()
        self.products.staged.clear()
        await super().rollback()


class FakeContext:
    """What the handlers use of UkmContext: a unit of work, a controllable clock and photo links."""

    def __init__(self) -> None:
        self.unit = FakeUkmUnitOfWork()
        self.frozen = FrozenClock()
        self.clock = Clock(self.frozen)

    def uow(self, session: object = None) -> FakeUkmUnitOfWork:
        return self.unit

    def photo_url(self, product_id: object, n: int = 1) -> str:
        return f"/api/ukm/products/{product_id}/photos/{n}"


def claims(role: str = "peserta", sub: uuid.UUID | None = None, org: uuid.UUID | None = None) -> Claims:
    return Claims(sub=str(sub or uuid.uuid4()), role=role, username=f"user-{role}",
                  org=str(org) if org else None, exp=0)


def actor_of(c: Claims) -> Actor:
    return Actor(uuid.UUID(c.sub), c.role, c.username, uuid.UUID(c.org) if c.org else None)


def photo() -> bytes:
    return png_photo()


def registered(owner: Claims, **over: str) -> Business:
    """A business registered by `owner`, its registration event already taken."""
    business = Business.register(uuid.uuid4(), business_form(**over), actor_of(owner), AT)
    business.pull_events()
    business.new_audit.clear()
    return business


def training(business_id: uuid.UUID, org_id: uuid.UUID = ORG) -> dict:
    return dict(business_id=business_id, training_id=uuid.uuid4(), org_id=org_id,
                title="Pemasaran Digital Angkatan 3", start_date=date(2026, 3, 2), end_date=date(2026, 3, 5),
                enrollment_id=uuid.uuid4(), confirmed_at=AT)


def seed(ctx: FakeContext, *aggregates: Business | Product) -> None:
    for aggregate in aggregates:
        store = ctx.unit.businesses if isinstance(aggregate, Business) else ctx.unit.products
        store.rows[aggregate.id] = copy.deepcopy(aggregate)
