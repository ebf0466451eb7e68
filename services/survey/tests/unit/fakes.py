"""In-memory repositories and a context for survey handler tests (no database, no broker)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from balai_platform.clock import Clock
from balai_platform.errors import Conflict, NotFound
from balai_platform.testing import FakeUnitOfWork, FrozenClock
from survey.domain.invitation import ALREADY_ANSWERED, Invitation
from survey.domain.periods import period_bounds, period_name
from survey.domain.questionnaire import default_content
from survey.domain.response import Response
from survey.domain.skm_period import SkmPeriod


class FakePeriods:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self.uow, self.rows, self.months = uow, {}, {}

    async def ensure_org(self, org_id, name=""):
        return self.months.setdefault(org_id, 6)

    async def current(self, org_id, day: date) -> SkmPeriod:
        months = await self.ensure_org(org_id)
        for p in self.rows.values():
            if p.org_id == org_id and p.start <= day <= p.end:
                return p
        start, end = period_bounds(day, months)
        p = SkmPeriod(uuid.uuid4(), org_id, start, end, period_name(start, end), default_content())
        self.rows[p.id] = p
        return p

    async def get(self, period_id, *, lock=False) -> SkmPeriod:
        if period_id not in self.rows:
            raise NotFound("Periode SKM tidak ditemukan")
        return self.rows[period_id]

    async def save(self, period, at) -> None:
        self.rows[period.id] = period


class FakeInvitations:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self.uow, self.rows = uow, {}

    async def add(self, inv: Invitation) -> bool:
        if any(i.period_id == inv.period_id and i.participant_id == inv.participant_id for i in self.rows.values()):
            inv.pull_events()
            return False
        self.rows[inv.id] = inv
        self.uow.track(inv)
        return True

    async def get(self, invitation_id, participant_id, *, lock=False) -> Invitation:
        inv = self.rows.get(invitation_id)
        if inv is None or inv.participant_id != participant_id:
            raise NotFound("Undangan survei tidak ditemukan")
        self.uow.track(inv)
        return inv

    async def save(self, inv) -> None:
        pass


class FakeResponses:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self.uow, self.rows = uow, []

    async def add(self, resp: Response) -> None:
        if resp.participant_id and any(r.period_id == resp.period_id and r.participant_id == resp.participant_id
                                       for r in self.rows):
            raise Conflict(ALREADY_ANSWERED)
        self.rows.append(resp)
        self.uow.track(resp)

    async def add_many(self, items) -> None:
        for r in items:
            await self.add(r)


class SurveyFakeUnitOfWork(FakeUnitOfWork):
    def __init__(self) -> None:
        super().__init__()
        self.periods = FakePeriods(self)
        self.invitations = FakeInvitations(self)
        self.responses = FakeResponses(self)


@dataclass
class FakeContext:
    unit: SurveyFakeUnitOfWork = field(default_factory=SurveyFakeUnitOfWork)
    frozen: FrozenClock = field(default_factory=FrozenClock)

    def __post_init__(self) -> None:
        self.clock = Clock(self.frozen)

    def uow(self, session=None) -> SurveyFakeUnitOfWork:
        return self.unit
