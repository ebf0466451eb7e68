"""Property-based fuzzing of every service's HTTP API (schemathesis, from each OpenAPI document):
nothing a client can send gets a 500. Runs as a participant and as an admin of an organisation."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.integration
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


def _token(stack, login: str, password: str) -> str:
    r = httpx.post(f"{stack.gateway_url}/api/identity/auth/login", json={"login": login, "password": password},
                   timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


@pytest.fixture(scope="module")
def tokens(balai_stack) -> dict[str, str]:
    """Both tokens up front: fuzzing the login endpoint may throttle this IP's later logins."""
    return {"peserta": _token(balai_stack, "rossy", balai_stack.admin_password),
            "admin": _token(balai_stack, "admin.jateng", balai_stack.admin_password)}


@pytest.mark.parametrize("service", ["identity", "ukm", "training", "lodging", "certificate", "survey"])
@pytest.mark.parametrize("who", ["peserta", "admin"])
def test_no_server_error_for_any_generated_request(balai_stack, tokens, service, who, tmp_path):
    from balai_devstack.stack import SERVICES

    if service not in {s.name for s in SERVICES}:
        pytest.skip(f"{service} is not part of the stack")
    token = tokens[who]
    result = subprocess.run(
        [str(SCHEMATHESIS), "run", f"{balai_stack.service_url(service)}/openapi.json",
         "--checks", "not_a_server_error", "--phases", "examples,fuzzing", "--max-examples", "20",
         "--workers", "2", "--seed", "20261126", "-H", f"Authorization: Bearer {token}"],
        capture_output=True, text=True, timeout=240, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]
