"""Event payloads built from rows (the wire contracts live in balai_contracts.ukm)."""
from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.ukm import BusinessRegisteredV1, BusinessUpdatedV1

from ..adapters.tables import business_members, businesses
from ..domain.business import permits_of
from .context import UkmContext


def business_fields(b: Mapping, members: Sequence[Mapping]) -> dict:
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


async def emit_business(ctx: UkmContext, s: AsyncSession, business_id: uuid.UUID, at: datetime, *,
                        registered_by: uuid.UUID | None = None) -> None:
    """Add BusinessRegistered (when `registered_by`) or BusinessUpdated with current values to the outbox."""
    b = (await s.execute(select(businesses).where(businesses.c.id == business_id))).mappings().one()
    members = (await s.execute(
        select(business_members.c.participant_id, business_members.c.position)
        .where(business_members.c.business_id == business_id, business_members.c.status == "active")
        .order_by(business_members.c.joined_at))).mappings().all()
    fields = business_fields(b, members)
    if registered_by is not None:
        event = BusinessRegisteredV1(registered_by=registered_by, registered_at=at, **fields)
    else:
        event = BusinessUpdatedV1(updated_at=at, **fields)
    await ctx.outbox.add(s, event, subject=str(business_id))
