"""Survey handlers with a fake unit of work: invitations once per period, answers once, paper answers."""
from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from balai_contracts.survey import SurveyInvitationCreatedV1, SurveySubmittedV1
from balai_contracts.training import TrainingCompletedV1
from balai_platform.auth import Claims
from balai_platform.consumer import EventMeta
from balai_platform.errors import Conflict, Forbidden, InvalidInput, NotFound
from survey.service import invitations, responses

from .fakes import FakeContext

ORG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")


def completed(pid: uuid.UUID, at: datetime = datetime(2026, 3, 10, 3, tzinfo=UTC), **over) -> TrainingCompletedV1:
    data = dict(enrollment_id=uuid.uuid4(), org_id=ORG, training_id=uuid.uuid4(), training_title="Ekspor Angkatan 1",
                start_date=date(2026, 3, 2), end_date=date(2026, 3, 5), mode="online", participant_id=pid,
                participant_name="Siti", business_id=uuid.uuid4(), business_name="Roti", batch=1, kind="Reguler",
                level="Dasar", hours=30, venue="", sex="P", attendance_percent=None, score=None, completed_at=at)
    data.update(over)
    return TrainingCompletedV1(**data)


def meta() -> EventMeta:
    return EventMeta(event_id=uuid.uuid4(), occurred_at=datetime.now(UTC), correlation_id="t", subject="s")


def raw(**over) -> dict:
    data = {"anonymous": "1", **{f"p{i}": "3" for i in range(1, 10)}, **{f"i{i}": "4" for i in range(1, 10)}}
    data.update(over)
    return data


def claims(pid: uuid.UUID, role="peserta", org=None) -> Claims:
    return Claims(sub=str(pid), role=role, username="u", org=org, exp=0)


@pytest.fixture
def ctx() -> FakeContext:
    return FakeContext()


async def test_two_completions_in_one_period_invite_once(ctx):
    pid = uuid.uuid4()
    await invitations.on_training_completed(ctx, None, completed(pid), meta())
    await invitations.on_training_completed(ctx, None, completed(pid, completed_at=datetime(2026, 5, 1, tzinfo=UTC)),
                                            meta())
    [event] = ctx.unit.events
    assert isinstance(event, SurveyInvitationCreatedV1)
    assert event.participant_id == pid and event.period_name.startswith("Semester I Th. 2026")
    assert len(ctx.unit.invitations.rows) == 1


async def test_a_completion_in_the_next_period_invites_again(ctx):
    pid = uuid.uuid4()
    await invitations.on_training_completed(ctx, None, completed(pid), meta())
    await invitations.on_training_completed(ctx, None, completed(pid, completed_at=datetime(2026, 8, 1, tzinfo=UTC)),
                                            meta())
    assert [e.period_name[:18] for e in ctx.unit.events] == ["Semester I Th. 202", "Semester II Th. 20"]


async def test_online_answer_once_emits_submitted(ctx):
    pid = uuid.uuid4()
    await invitations.on_training_completed(ctx, None, completed(pid), meta())
    [inv_id] = ctx.unit.invitations.rows
    out = await responses.submit_online(ctx, claims(pid), inv_id, raw())
    submitted = ctx.unit.events[-1]
    assert isinstance(submitted, SurveySubmittedV1) and str(submitted.response_id) == out["response_id"]
    assert submitted.channel == "online" and submitted.participant_id == pid
    with pytest.raises(Conflict):
        await responses.submit_online(ctx, claims(pid), inv_id, raw())
    assert len(ctx.unit.responses.rows) == 1


async def test_someone_elses_invitation_is_not_found(ctx):
    pid = uuid.uuid4()
    await invitations.on_training_completed(ctx, None, completed(pid), meta())
    [inv_id] = ctx.unit.invitations.rows
    with pytest.raises(NotFound):
        await responses.submit_online(ctx, claims(uuid.uuid4()), inv_id, raw())


async def test_invalid_answer_stores_nothing(ctx):
    pid = uuid.uuid4()
    await invitations.on_training_completed(ctx, None, completed(pid), meta())
    [inv_id] = ctx.unit.invitations.rows
    with pytest.raises(InvalidInput) as err:
        await responses.submit_online(ctx, claims(pid), inv_id, raw(p9="0"))
    assert "p9" in err.value.errors and not ctx.unit.responses.rows


async def test_paper_entry_by_the_organisations_admin_only(ctx):
    period = await ctx.unit.periods.current(ORG, date(2026, 3, 1))
    out = await responses.submit_paper(ctx, claims(uuid.uuid4(), "admin", str(ORG)), period.id, raw())
    assert ctx.unit.events[-1].channel == "paper" and ctx.unit.events[-1].participant_id is None
    assert out["period_name"] == period.name
    with pytest.raises(Forbidden):
        await responses.submit_paper(ctx, claims(uuid.uuid4(), "admin", str(uuid.uuid4())), period.id, raw())
