"""Every route of identity, ukm, training and lodging declares what its 2xx answer is: a JSON schema, an
explicit no-body 204, or a binary media type (photos, materials)."""
from __future__ import annotations

import pytest

from tests.contract.schema_check import problems
from tests.contract.service_apps import SERVICES, openapi_documents

METHODS = ("get", "post", "put", "patch", "delete")


def _operations(service: str):
    doc = openapi_documents()[service]
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            if method in METHODS:
                yield doc, f"{method.upper()} {path}", op


def _answer_problem(doc: dict, status: str, answer: dict) -> str | None:
    content = answer.get("content")
    if status == "204":
        return "a 204 must declare no body" if content else None
    if not content:
        return f"{status} declares no content"
    for media, body in content.items():
        schema = body.get("schema") or {}
        if media == "application/json":
            if "$ref" not in schema and "type" not in schema and "anyOf" not in schema:
                return f"{status} application/json has no schema (got {schema})"
        elif schema.get("format") != "binary":
            return f"{status} {media} is not declared as binary"
    return None


@pytest.mark.parametrize("service", SERVICES)
def test_every_2xx_answer_declares_a_schema(service):
    missing = []
    count = 0
    for doc, name, op in _operations(service):
        count += 1
        successes = {s: a for s, a in op["responses"].items() if s.startswith("2")}
        if not successes:
            missing.append(f"{name}: no 2xx answer declared")
        for status, answer in successes.items():
            problem = _answer_problem(doc, status, answer)
            if problem:
                missing.append(f"{name}: {problem}")
    assert count > 10, f"{service}: only {count} operations found"
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("service", SERVICES)
def test_error_answers_are_declared_as_problems(service):
    """4xx answers are {detail, errors?} (ProblemPublic), never FastAPI's default validation shape."""
    wrong = []
    for doc, name, op in _operations(service):
        for status, answer in op["responses"].items():
            if status.startswith("4"):
                schema = answer.get("content", {}).get("application/json", {}).get("schema", {})
                if problems(doc, schema, {"detail": "Tidak ditemukan"}):
                    wrong.append(f"{name} {status}")
    assert not wrong, "\n".join(wrong)


def test_schema_check_catches_drift():
    """The validator used against the gateway's fakes flags missing keys, wrong types and extra keys."""
    doc = openapi_documents()["training"]
    schema = {"$ref": "#/components/schemas/EnrollmentStatus"}
    assert problems(doc, schema, {"id": "x", "status": "verified", "status_label": "Sudah diverifikasi"}) == []
    assert problems(doc, schema, {"id": "x", "status": "verified"})
    assert problems(doc, schema, {"id": 1, "status": "verified", "status_label": "x"})
    assert problems(doc, schema, {"id": "x", "status": "verified", "status_label": "x", "extra": 1})
