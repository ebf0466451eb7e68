"""The gateway logs through the platform: personal data is redacted, the correlation id is kept."""
from __future__ import annotations

import json

import structlog
from gw_servers import gateway_settings

from balai_platform import logging as platform_logging
from gateway.main import create_app
from gateway.request_id import current_request_id

NIK = "3374011201990001"
PHONE = "081234567890"


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_nik_and_phone_are_redacted_in_gateway_logs(capsys) -> None:
    create_app(gateway_settings("http://127.0.0.1:9", "", log_json=True))
    log = structlog.get_logger("gateway.test_logging")  # bound now, to the captured stdout
    token = current_request_id.set("req-42")
    try:
        log.info("participant_looked_up", nik=NIK, phone=PHONE, kk=NIK, service="identity")
    finally:
        current_request_id.reset(token)
    out = capsys.readouterr().out
    assert NIK not in out and PHONE not in out
    (line,) = [x for x in _lines(out) if x.get("event") == "participant_looked_up"]
    assert line["nik"] == line["phone"] == line["kk"] == "[redacted]"
    assert line["correlation_id"] == "req-42"


def test_request_id_is_the_platform_correlation_id() -> None:
    assert current_request_id is platform_logging.correlation_id
