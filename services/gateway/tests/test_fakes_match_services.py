"""The gateway's fake services answer what the real services answer.

Every JSON answer a fake gave while the gateway's tests ran (recorded by gw_recorder) is checked
against the REAL service's OpenAPI response schema of that method and path (built from its
create_app()). conftest runs this module last, so a whole `pytest services/gateway` run checks
every answer the web tests relied on; run alone it checks what its own tour of the fakes records."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest
from gw_fake_tour import tour_fakes
from gw_recorder import RECORDED

from tests.contract.schema_check import find_operation, json_schema_of, problems
from tests.contract.service_apps import openapi_documents

# routes only the gateway's own proxy tests use; the real services have no such paths
TEST_ONLY = ("/healthz", "/slow", "/big", "/echo/")


def _check(answer) -> list[str]:
    doc = openapi_documents()[answer.service]
    found = find_operation(doc, answer.method, answer.path)
    if found is None:
        where = f"{answer.service} {answer.method} {answer.path}"
        return [] if answer.path.startswith(TEST_ONLY) else [f"{where}: the real service has no such route"]
    template, op = found
    where = f"{answer.service} {answer.method} {template} -> {answer.status}"
    if 200 <= answer.status < 300 and str(answer.status) not in op["responses"]:
        ok = sorted(s for s in op["responses"] if s.startswith("2"))
        return [f"{where}: the real {template} answers {ok}, not {answer.status}"]
    schema = json_schema_of(op, answer.status)
    if schema is None:
        return [] if answer.status >= 500 else [f"{where}: the real {template} declares no JSON for it"]
    return [f"{where}: {p}" for p in problems(doc, schema, json.loads(answer.body or b"null"))]


def covered_operations() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for a in RECORDED:
        found = find_operation(openapi_documents()[a.service], a.method, a.path)
        if found:
            out[a.service].add(f"{a.method} {found[0]}")
    return out


@pytest.fixture(scope="module")
async def fake_tour(keypair):
    await tour_fakes(keypair)


@pytest.mark.usefixtures("fake_tour")
def test_every_fake_answer_matches_the_real_schema():
    assert RECORDED, "no fake answered anything"
    # one line per distinct disagreement, however often the tests hit it
    failures = list(dict.fromkeys(line for answer in RECORDED for line in _check(answer)))
    assert not failures, f"{len(failures)} disagreements:\n" + "\n".join(failures[:150])


def test_report_which_real_operations_the_fakes_answered(capsys):
    """Not a gate: lists the real operations no fake answer covered in this run (see -s or -rP)."""
    covered = covered_operations()
    for service, doc in openapi_documents().items():
        ops = {f"{m.upper()} {p}" for p, o in doc["paths"].items() for m in o}
        missing = sorted(ops - covered.get(service, set()))
        print(f"{service}: {len(ops) - len(missing)}/{len(ops)} operations answered by the fake; not: {missing}")
