"""The DLQ tool's pure parts: topic names, what a listing shows, what a replay may send."""
from __future__ import annotations

import json

import pytest

from balai_platform.dlq import main, original_topic, parse


def test_original_topic_strips_the_suffix_and_refuses_other_topics():
    assert original_topic("training.enrollment.dlq") == "training.enrollment"
    with pytest.raises(ValueError):
        original_topic("training.enrollment")


def test_a_valid_envelope_is_listed_by_type_and_id_without_payload():
    body = json.dumps({"id": "6f1c", "type": "ParticipantRegistered", "data": {"full_name": "Siti"}}).encode()
    d = parse(2, 17, b"subject-1", body, [("x-consumer", b"training"), ("x-error", b"OperationalError"),
                                          ("x-attempts", b"5")], 1_767_225_600_000)
    assert (d.partition, d.offset, d.key, d.event_type, d.event_id) == (2, 17, "subject-1", "ParticipantRegistered", "6f1c")
    assert (d.consumer, d.error, d.attempts, d.valid_envelope) == ("training", "OperationalError", "5", True)
    assert d.time == "2026-01-01T00:00:00+00:00"
    assert "Siti" not in json.dumps(d.row())


def test_a_malformed_message_is_listed_but_never_replayable():
    d = parse(0, 3, b"malformed", b"not json \xff", None, 0)
    assert (d.event_type, d.event_id, d.valid_envelope, d.consumer) == ("-", "-", False, "-")


def test_replay_needs_a_position_or_all(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["replay", "--bootstrap", "127.0.0.1:1", "--topic", "ukm.business.dlq"])
    assert exc.value.code == 2 and "--partition and --offset" in capsys.readouterr().err
