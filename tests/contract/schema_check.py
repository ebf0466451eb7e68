"""Check a JSON answer against a service's OpenAPI response schema (the subset pydantic emits).

A small validator of our own instead of a new dependency: $ref, type, anyOf, properties, required,
additionalProperties, items, enum/const. `strict` treats every object schema that lists
properties as closed, so a fake answering a key the real service never sends is caught too."""
from __future__ import annotations

import re
from typing import Any

_TYPES = {"string": str, "boolean": bool, "array": list, "object": dict}


def _resolve(doc: dict, schema: dict) -> dict:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = doc["components"]["schemas"][name]
    return schema


def _type_ok(kind: str, value: Any) -> bool:
    if kind == "null":
        return value is None
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


def problems(doc: dict, schema: dict, value: Any, where: str = "$", *, strict: bool = True) -> list[str]:
    """Every way `value` disagrees with `schema`, as readable lines (empty when it conforms)."""
    schema = _resolve(doc, schema)
    if "anyOf" in schema:
        options = [problems(doc, s, value, where, strict=strict) for s in schema["anyOf"]]
        return [] if any(not p for p in options) else [f"{where}: matches none of anyOf: {options}"]
    if "const" in schema and value != schema["const"]:
        return [f"{where}: {value!r} != {schema['const']!r}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where}: {value!r} not in {schema['enum']!r}"]
    kind = schema.get("type")
    if kind is not None:
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(_type_ok(k, value) for k in kinds):
            return [f"{where}: expected {kind}, got {type(value).__name__} {value!r:.80}"]
    out: list[str] = []
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            out += problems(doc, schema["items"], item, f"{where}[{i}]", strict=strict)
    if isinstance(value, dict):
        props = schema.get("properties", {})
        out += [f"{where}: missing key {k!r}" for k in schema.get("required", ()) if k not in value]
        extra = schema.get("additionalProperties", True)
        for k, v in value.items():
            if k in props:
                out += problems(doc, props[k], v, f"{where}.{k}", strict=strict)
            elif props and strict:
                out.append(f"{where}: key {k!r} is not in the real service's schema")
            elif isinstance(extra, dict):
                out += problems(doc, extra, v, f"{where}.{k}", strict=strict)
    return out


def _template_regex(template: str) -> re.Pattern:
    parts = re.split(r"\{[^/}]+\}", template)
    return re.compile("^" + "[^/]+".join(re.escape(p) for p in parts) + "$")


def find_operation(doc: dict, method: str, path: str) -> tuple[str, dict] | None:
    """The (template, operation) that serves `method path`; literal segments win over parameters,
    as /enrollments/mine wins over /enrollments/{enrollment_id} in the real router."""
    hits = [(t, ops[method.lower()]) for t, ops in doc["paths"].items()
            if method.lower() in ops and _template_regex(t).match(path)]
    if not hits:
        return None
    return max(hits, key=lambda hit: len(re.sub(r"\{[^/}]+\}", "", hit[0])))


def json_schema_of(operation: dict, status: int) -> dict | None:
    """The application/json schema the operation declares for this status (None if it declares none)."""
    declared = operation["responses"].get(str(status))
    if declared is None:
        return None
    return declared.get("content", {}).get("application/json", {}).get("schema")
