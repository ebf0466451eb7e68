"""Loading and saving survey aggregates: periods (questionnaires), invitations, responses."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.errors import Conflict, NotFound
from balai_platform.uow import UnitOfWork

from ..domain.invitation import ALREADY_ANSWERED, Invitation
from ..domain.periods import period_bounds, period_name
from ..domain.questionnaire import QuestionnaireContent, default_content
from ..domain.response import Response
from ..domain.skm_period import SkmPeriod
from .tables import IMP, PERF, invitations, organisations, periods, responses

PERIOD_NOT_FOUND = "Periode SKM tidak ditemukan"
INVITATION_NOT_FOUND = "Undangan survei tidak ditemukan"


def _period(row: Mapping) -> SkmPeriod:
    return SkmPeriod(id=row["id"], org_id=row["org_id"], start=row["start_date"], end=row["end_date"],
                     name=row["name"], content=QuestionnaireContent.from_dict(row["content"]),
                     population=row["population"], follow_up=list(row["follow_up"]), signed_at=row["signed_at"])


class PeriodRepository:
    def __init__(self, session: AsyncSession, uow: UnitOfWork) -> None:
        self.session, self.uow = session, uow

    async def ensure_org(self, org_id: uuid.UUID, name: str = "") -> int:
        """The organisation's survey settings row (created on first sight); returns its period length."""
        await self.session.execute(insert(organisations).values(org_id=org_id, name=name)
                                   .on_conflict_do_nothing(index_elements=["org_id"]))
        return await self.session.scalar(select(organisations.c.period_months)
                                         .where(organisations.c.org_id == org_id))

    async def current(self, org_id: uuid.UUID, day: date) -> SkmPeriod:
        """The period containing `day`, created with the guide's questionnaire when it does not exist."""
        months = await self.ensure_org(org_id)
        existing = (await self.session.execute(select(periods).where(
            periods.c.org_id == org_id, periods.c.start_date <= day, periods.c.end_date >= day)
            .order_by(periods.c.start_date.desc()).limit(1))).mappings().first()
        if existing is not None:
            return _period(existing)
        start, end = period_bounds(day, months)
        await self.session.execute(insert(periods).values(
            id=uuid.uuid4(), org_id=org_id, start_date=start, end_date=end, name=period_name(start, end),
            content=default_content().to_dict()).on_conflict_do_nothing(constraint="one_period_per_start"))
        row = (await self.session.execute(select(periods).where(
            periods.c.org_id == org_id, periods.c.start_date == start))).mappings().one()
        return _period(row)

    async def get(self, period_id: uuid.UUID, *, lock: bool = False) -> SkmPeriod:
        stmt = select(periods).where(periods.c.id == period_id)
        row = (await self.session.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
        if row is None:
            raise NotFound(PERIOD_NOT_FOUND)
        return _period(row)

    async def save(self, period: SkmPeriod, at: datetime) -> None:
        await self.session.execute(update(periods).where(periods.c.id == period.id).values(
            content=period.content.to_dict(), population=period.population, follow_up=period.follow_up,
            updated_at=at))

    async def save_scan(self, period: SkmPeriod, data: bytes, filename: str) -> None:
        await self.session.execute(update(periods).where(periods.c.id == period.id).values(
            signed_scan=data, signed_scan_name=filename[:200], signed_at=period.signed_at))


class InvitationRepository:
    def __init__(self, session: AsyncSession, uow: UnitOfWork) -> None:
        self.session, self.uow = session, uow

    async def add(self, inv: Invitation) -> bool:
        """Insert unless the participant is already invited for the period; only a new row's event is kept."""
        new_id = await self.session.scalar(insert(invitations).values(
            id=inv.id, org_id=inv.org_id, period_id=inv.period_id, participant_id=inv.participant_id,
            training_id=inv.training_id, enrollment_id=inv.enrollment_id, training_title=inv.training_title,
            created_at=inv.created_at).on_conflict_do_nothing(constraint="one_invitation_per_period")
            .returning(invitations.c.id))
        if new_id is None:
            inv.pull_events()
            return False
        self.uow.track(inv)
        return True

    async def get(self, invitation_id: uuid.UUID, participant_id: uuid.UUID, *, lock: bool = False) -> Invitation:
        stmt = select(invitations).where(invitations.c.id == invitation_id,
                                         invitations.c.participant_id == participant_id)
        row = (await self.session.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
        if row is None:
            raise NotFound(INVITATION_NOT_FOUND)
        inv = Invitation(**{k: row[k] for k in (
            "id", "org_id", "period_id", "participant_id", "training_id", "enrollment_id", "training_title",
            "created_at", "answered_at")})
        self.uow.track(inv)
        return inv

    async def save(self, inv: Invitation) -> None:
        await self.session.execute(update(invitations).where(invitations.c.id == inv.id)
                                   .values(answered_at=inv.answered_at))


def response_row(resp: Response) -> dict:
    a, who = resp.answers, resp.answers.respondent
    row = dict(id=resp.id, org_id=resp.org_id, period_id=resp.period_id, channel=resp.channel,
               participant_id=resp.participant_id, training_id=resp.training_id, anonymous=a.anonymous,
               suggestion=a.suggestion, submitted_at=resp.submitted_at,
               **dict(zip(PERF, a.performance, strict=True)), **dict(zip(IMP, a.importance, strict=True)))
    for key in ("name", "email", "phone", "age", "sex", "address", "education", "occupation"):
        row[key] = getattr(who, key, None) if who is not None else None
    return row


class ResponseRepository:
    def __init__(self, session: AsyncSession, uow: UnitOfWork) -> None:
        self.session, self.uow = session, uow

    async def add(self, resp: Response) -> None:
        """Plain INSERT: the unique key refuses a participant's second answer (409; the transaction is
        then rolled back whole, so no savepoint is needed)."""
        try:
            await self.session.execute(insert(responses).values(**response_row(resp)))
        except IntegrityError as exc:
            if "one_answer_per_participant" in str(exc.orig):
                raise Conflict(ALREADY_ANSWERED) from None
            raise
        self.uow.track(resp)

    async def add_many(self, items: list[Response]) -> None:
        """Paper import: all rows in one statement (all or nothing with the transaction)."""
        if items:
            await self.session.execute(insert(responses), [response_row(r) for r in items])
            for r in items:
                self.uow.track(r)
