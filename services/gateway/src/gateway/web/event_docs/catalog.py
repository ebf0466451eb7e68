"""The event documentation page's model, built from `balai_contracts.catalog` (the same source as
the AsyncAPI documents of `make asyncapi`), so the page needs no docs folder in the image.

Per event: topic, key, description, a payload table (nested objects flattened as `parent[].child`)
and an example envelope whose `data` validates against the contract (the unit tests check it).
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from balai_contracts.catalog import EVENTS
from balai_contracts.envelope import Envelope, EventData

_EXAMPLE_NS = uuid.UUID("6c1d3f57-3a43-4a8e-9b1e-5d0e4c2b7a10")
EXAMPLE_TIME = "2026-03-02T01:30:00Z"
EXAMPLE_DATE = "2026-03-02"
SERVICE_TITLES = {"identity": "Identitas peserta (identity)", "ukm": "UKM dan koperasi (ukm)",
                  "training": "Pelatihan (training)", "lodging": "Asrama (lodging)",
                  "certificate": "Sertifikat (certificate)", "survey": "Survei (survey)"}


@dataclass(frozen=True)
class FieldRow:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class EventDoc:
    anchor: str
    event_type: str
    version: int
    topic: str
    key: str
    description: str
    fields: tuple[FieldRow, ...]
    example: str


@dataclass(frozen=True)
class ServiceDoc:
    anchor: str
    name: str
    title: str
    events: tuple[EventDoc, ...]


def _ref(prop: dict, defs: dict) -> dict | None:
    if "$ref" in prop:
        return defs.get(prop["$ref"].rsplit("/", 1)[-1], {})
    return None


def type_of(prop: dict, defs: dict) -> str:
    """A short readable type: `uuid`, `date-time`, `integer atau null`, `daftar objek`..."""
    if (target := _ref(prop, defs)) is not None:
        return "objek" if target.get("type", "object") == "object" else type_of(target, defs)
    if "anyOf" in prop:
        return " atau ".join(type_of(p, defs) for p in prop["anyOf"])
    if "enum" in prop:
        return " | ".join(json.dumps(v) for v in prop["enum"])
    if "const" in prop:
        return json.dumps(prop["const"])
    if prop.get("type") == "array":
        return f"daftar {type_of(prop.get('items', {}), defs)}"
    return prop.get("format") or prop.get("type", "apa saja")


def _rows(schema: dict, defs: dict, prefix: str = "") -> list[FieldRow]:
    required = set(schema.get("required", ()))
    rows: list[FieldRow] = []
    for name, prop in schema.get("properties", {}).items():
        rows.append(FieldRow(prefix + name, type_of(prop, defs), name in required,
                             " ".join(prop.get("description", "").split())))
        nested = _ref(prop, defs)
        if nested is None and prop.get("type") == "array":
            nested, name = _ref(prop.get("items", {}), defs), name + "[]"
        if nested and nested.get("properties"):
            rows += _rows(nested, defs, f"{prefix}{name}.")
    return rows


def example_value(prop: dict, defs: dict, name: str) -> Any:
    """A plausible value for one schema property (deterministic: the page is cacheable)."""
    if (target := _ref(prop, defs)) is not None:
        return example_value(target, defs, name)
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"] or prop["anyOf"]
        return example_value(options[0], defs, name)
    if "const" in prop:
        return prop["const"]
    if "enum" in prop:
        return prop["enum"][0]
    kind, fmt = prop.get("type"), prop.get("format")
    if kind == "object" or "properties" in prop:
        return {k: example_value(p, defs, k) for k, p in prop.get("properties", {}).items()}
    if kind == "array":
        return [example_value(prop.get("items", {}), defs, name)]
    if fmt == "uuid":
        return str(uuid.uuid5(_EXAMPLE_NS, name))
    if fmt == "date-time":
        return EXAMPLE_TIME
    if fmt == "date":
        return EXAMPLE_DATE
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    return prop.get("title") or name


def example_data(event: type[EventData]) -> dict[str, Any]:
    schema = event.model_json_schema()
    return example_value(schema, schema.get("$defs", {}), event.event_type)


def _key_field(schema: dict) -> str:
    for name, prop in schema.get("properties", {}).items():
        if "subject" in prop.get("description", "").lower():
            return name
    return ""


def event_doc(service: str, event: type[EventData]) -> EventDoc:
    schema = event.model_json_schema()
    data = example_data(event)
    key_field = _key_field(schema)
    subject = str(data.get(key_field, uuid.uuid5(_EXAMPLE_NS, event.event_type)))
    envelope = Envelope(id=uuid.uuid5(_EXAMPLE_NS, f"event:{event.event_type}"), type=event.event_type,
                        version=event.event_version, source=service, occurred_at=EXAMPLE_TIME,
                        correlation_id="a1b2c3d4e5f6", subject=subject, data=data)
    key = f"subject = {key_field}" if key_field else "subject (id agregat)"
    return EventDoc(anchor=f"{event.event_type.lower()}-v{event.event_version}",
                    event_type=event.event_type, version=event.event_version, topic=event.topic, key=key,
                    description=" ".join((event.__doc__ or "").split()),
                    fields=tuple(_rows(schema, schema.get("$defs", {}))),
                    example=json.dumps(envelope.model_dump(mode="json"), indent=2, ensure_ascii=False))


def envelope_fields() -> tuple[FieldRow, ...]:
    schema = Envelope.model_json_schema()
    return tuple(_rows(schema, schema.get("$defs", {})))


@lru_cache(maxsize=1)
def services() -> tuple[ServiceDoc, ...]:
    return tuple(ServiceDoc(anchor=f"layanan-{name}", name=name, title=SERVICE_TITLES.get(name, name),
                            events=tuple(event_doc(name, e) for e in events))
                 for name, events in EVENTS.items())
