"""Contract tests: envelope shape, no personal identifiers on the wire, AsyncAPI kept current."""
from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from balai_contracts.catalog import EVENTS
from balai_contracts.envelope import Envelope
from balai_contracts.identity import ParticipantRegisteredV1
from balai_platform.asyncapi import service_document

DOCS = Path(__file__).resolve().parents[3] / "docs" / "asyncapi"


def _registered(**over):
    data = dict(participant_id=uuid.uuid4(), username="siti", full_name="Siti", birth_date=date(1990, 1, 1),
                sex="P", province_code="33", regency_code="33.74", district_code="33.74.01",
                village_code="33.74.01.1001", regency_name="Kota Semarang", phone_wa="6281234567890",
                registered_at=datetime.now(UTC))
    data.update(over)
    return ParticipantRegisteredV1(**data)


def test_envelope_wraps_event_with_metadata():
    event = _registered()
    env = Envelope.wrap(event, source="identity", subject=str(event.participant_id), correlation_id="c1")
    dumped = json.loads(env.model_dump_json())
    assert set(dumped) == {"id", "type", "version", "source", "occurred_at", "correlation_id", "subject", "data"}
    assert dumped["type"] == "ParticipantRegistered" and dumped["version"] == 1
    assert dumped["data"]["birth_date"] == "1990-01-01"
    assert Envelope.model_validate_json(env.model_dump_json()) == env


def test_events_are_frozen_and_strict():
    event = _registered()
    with pytest.raises(ValidationError):
        event.full_name = "x"
    with pytest.raises(ValidationError):
        _registered(nik="3374014101900001")
    with pytest.raises(ValidationError):
        _registered(sex="X")


@pytest.mark.parametrize("service", sorted(EVENTS))
def test_no_nik_or_kk_fields_in_any_event(service):
    for event in EVENTS[service]:
        names = set(event.model_fields)
        assert not names & {"nik", "kk", "npwp", "password"}, event


@pytest.mark.parametrize("service", sorted(EVENTS))
def test_committed_asyncapi_is_current(service):
    committed = json.loads((DOCS / f"{service}.json").read_text())
    assert committed == json.loads(service_document(service)), "run `make asyncapi` and commit docs/asyncapi"


def test_consumers_ignore_fields_added_later():
    event = _registered()
    wire = {**event.model_dump(mode="json"), "added_in_a_later_release": 1}
    assert ParticipantRegisteredV1.from_wire(wire) == event


def test_committed_payload_catalogue_is_current():
    from balai_platform.asyncapi import payload_catalogue

    committed = (DOCS.parent / "event-payloads.md").read_text()
    assert committed == payload_catalogue(), "run `make asyncapi` and commit docs/event-payloads.md"
