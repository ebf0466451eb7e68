"""Standar Pelayanan: validation of the six components and the limits, the org-scoped save, the event."""
from __future__ import annotations

import uuid

import pytest

from balai_contracts.identity import DEFAULT_DEADLINES, ServiceStandardsPublishedV1
from balai_platform.auth import Claims
from balai_platform.errors import Forbidden, InvalidInput
from identity.domain.service_standards import ServiceStandards, validate_deadlines, validate_services
from identity.seed_standards import demo_services
from identity.service import service_standards

from .fakes import make_ctx

ORG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
OTHER = uuid.UUID("0b0a1a10-0000-4000-8000-000000000002")


class FakeStandards:
    def __init__(self, uow) -> None:
        self.uow, self.rows = uow, {}

    async def get(self, org_id, *, lock=False):
        std = self.rows.get(org_id) or ServiceStandards(org_id=org_id, org_code="balatkop-jateng", org_name="Balatkop")
        self.rows[org_id] = std
        return self.uow.track(std)

    async def save(self, std) -> None:
        self.rows[std.org_id] = std


def admin(org=ORG, role="admin") -> Claims:
    return Claims(sub=str(uuid.uuid4()), role=role, username="admin.jateng", org=str(org) if org else None, exp=0)


@pytest.fixture
def env():
    ctx, uow, frozen = make_ctx()
    uow.service_standards = FakeStandards(uow)
    return ctx, uow


def test_the_demo_services_have_all_six_components():
    services = validate_services(demo_services("Si Pentol"))
    assert [s.name for s in services] == ["Penyelenggaraan Pelatihan", "Bimbingan dan Konsultasi",
                                          "Pengoperasian Aplikasi Si Pentol"]
    assert "SP4N-LAPOR!" in services[0].complaints


def test_a_missing_component_is_named_by_service_and_field():
    raw = demo_services("Si Pentol")
    raw[1]["cost"] = "  "
    raw[2]["name"] = raw[0]["name"].upper()
    with pytest.raises(InvalidInput) as exc:
        validate_services(raw)
    assert set(exc.value.errors) == {"services.1.cost", "services.2.name"}
    with pytest.raises(InvalidInput):
        validate_services([])


def test_limits_keep_defaults_and_refuse_nonsense():
    assert validate_deadlines({}) == DEFAULT_DEADLINES
    got = validate_deadlines({"complaint_verification": {"amount": "2", "unit": "working_days"}})
    assert got["complaint_verification"] == (2, "working_days")
    assert got["complaint_follow_up"] == DEFAULT_DEADLINES["complaint_follow_up"]
    with pytest.raises(InvalidInput) as exc:
        validate_deadlines({"complaint_follow_up": {"amount": "0", "unit": "working_days"},
                            "consultation_first_answer": {"amount": "3", "unit": "minggu"}})
    assert set(exc.value.errors) == {"deadlines.complaint_follow_up.amount", "deadlines.consultation_first_answer.unit"}


async def test_saving_publishes_every_deadline_keyed_by_the_organisation(env):
    ctx, uow = env
    out = await service_standards.save(ctx, admin(), ORG, {
        "services": demo_services("Si Pentol"),
        "deadlines": {"complaint_verification": {"amount": 2, "unit": "working_days"}}})
    assert out["version"] == 1 and len(out["services"]) == 3
    [(subject, event)] = uow.published
    assert subject == str(ORG) and isinstance(event, ServiceStandardsPublishedV1)
    limits = {d.key: (d.amount, d.unit) for d in event.deadlines}
    assert limits == {**DEFAULT_DEADLINES, "complaint_verification": (2, "working_days")}


async def test_admins_stay_in_their_organisation(env):
    ctx, uow = env
    with pytest.raises(Forbidden):
        await service_standards.save(ctx, admin(OTHER), ORG, {"services": demo_services("Si Pentol")})
    with pytest.raises(Forbidden):
        await service_standards.admin_get(ctx, admin(ORG, role="peserta"), ORG)
    out = await service_standards.save(ctx, admin(None, role="superadmin"), ORG,
                                       {"services": demo_services("Si Pentol")})
    assert out["version"] == 1 and uow.published
