"""NIK privacy rules without I/O: who sees a full NIK, the typed consumer wiring, no-store."""
from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from types import SimpleNamespace

import httpx
import pytest
from fastapi import FastAPI, Response
from faststream.kafka import KafkaBroker

from balai_contracts.envelope import Envelope
from balai_contracts.training import EnrollmentSubmittedV1
from identity.domain.nik_access import may_see_full_nik, must_log_view
from identity.entrypoints import consumers
from identity.entrypoints.privacy_headers import install_no_store
from identity.service import participant_orgs

P, ADMIN, JATENG, JATIM = "p-1", "a-1", "org-jateng", "org-jatim"


@pytest.mark.parametrize("viewer,role,org,orgs,expected", [
    (P, "peserta", None, set(), True),            # the participant herself
    ("p-2", "peserta", None, {JATENG}, False),    # another participant
    (ADMIN, "admin", JATENG, {JATENG}, True),     # admin of a balai she applied to
    (ADMIN, "admin", JATIM, {JATENG}, False),     # admin of another balai
    (ADMIN, "admin", None, {JATENG}, False),      # an admin without organisation
    (ADMIN, "admin", JATIM, set(), False),        # applied nowhere yet
    (ADMIN, "superadmin", None, set(), True),
])
def test_who_sees_the_full_nik(viewer, role, org, orgs, expected):
    assert may_see_full_nik(viewer_id=viewer, viewer_role=role, viewer_org=org, participant_id=P,
                            participant_orgs=orgs) is expected


def test_only_views_by_others_are_logged():
    assert must_log_view(viewer_id=ADMIN, participant_id=P)
    assert not must_log_view(viewer_id=P, participant_id=P)


def _submitted() -> EnrollmentSubmittedV1:
    return EnrollmentSubmittedV1(
        enrollment_id=uuid.uuid4(), org_id=uuid.uuid4(), training_id=uuid.uuid4(), training_title="Uji 1",
        start_date=date(2026, 7, 1), end_date=date(2026, 7, 3), mode="residential",
        participant_id=uuid.uuid4(), participant_name="Siti", business_id=uuid.uuid4(), business_name="Roti",
        submitted_at=datetime(2026, 6, 1, tzinfo=UTC))


async def test_consumer_hands_the_typed_event_to_the_handler(monkeypatch):
    seen = []

    async def handler(session, event, meta):
        seen.append((session, event))
    monkeypatch.setattr(participant_orgs, "on_enrollment_submitted", handler)
    settings = SimpleNamespace(consumer_group="identity", consumer_max_retries=2, kafka_fetch_max_wait_ms=20)
    ctx = SimpleNamespace(settings=settings, sessionmaker=None)
    consumer = consumers.build_consumer(ctx, KafkaBroker("127.0.0.1:1"))
    assert consumer.name == "identity" and set(consumer.contracts) == {"EnrollmentSubmitted"}
    event = _submitted()
    env = Envelope.wrap(event, source="training", subject=str(event.enrollment_id))
    decoded = consumer.decode(Envelope.model_validate_json(env.model_dump_json()))
    await decoded.handler("session", decoded.event, decoded.meta)
    assert seen == [("session", event)]


async def test_answers_are_no_store_unless_they_set_their_own_caching():
    app = FastAPI()

    @app.get("/me")
    async def me():
        return {"nik": "x"}

    @app.get("/photo")
    async def photo():
        return Response(b"img", headers={"Cache-Control": "private, max-age=300"})
    install_no_store(app)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://identity") as client:
        assert (await client.get("/me")).headers["cache-control"] == "no-store"
        assert (await client.get("/missing")).headers["cache-control"] == "no-store"
        assert (await client.get("/photo")).headers["cache-control"] == "private, max-age=300"
