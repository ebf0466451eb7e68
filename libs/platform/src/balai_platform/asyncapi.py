"""AsyncAPI 3.0 documents of every service's events, generated with FastStream from the contracts.

`python -m balai_platform.asyncapi docs/asyncapi` writes one `<service>.json` per producer.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from faststream.kafka import KafkaBroker
from faststream.specification import AsyncAPI
from pydantic import Field, create_model

from balai_contracts.catalog import EVENTS
from balai_contracts.envelope import Envelope


def message_model(event: type):
    """The envelope with `data` typed as this event's payload."""
    return create_model(
        f"{event.event_type}Message", __base__=Envelope, __doc__=event.__doc__,
        data=(event, Field(description=f"{event.event_type} v{event.event_version} payload")),
    )


def service_document(service: str) -> str:
    broker = KafkaBroker("kafka:9092", description="Apache Kafka (Tansu in development)")
    for event in EVENTS[service]:
        publisher = broker.publisher(
            event.topic, title=f"{event.topic}:{event.event_type}", schema=message_model(event),
            description=(event.__doc__ or "") + f" Key: aggregate id. Topic: {event.topic}.",
        )
        assert publisher is not None
    spec = AsyncAPI(broker, title=f"Balai {service} events", version="1.0.0",
                    description=f"Events published by the Balai {service} service through its "
                                "transactional outbox. At-least-once delivery; de-duplicate on `id`.")
    return spec.to_specification().to_json()


def _type_of(prop: dict, defs: dict) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        fields = ", ".join(defs.get(name, {}).get("properties", {}))
        return f"object {{{fields}}}"
    if "anyOf" in prop:
        return " \\| ".join(_type_of(p, defs) for p in prop["anyOf"])
    if prop.get("type") == "array":
        return f"list of {_type_of(prop.get('items', {}), defs)}"
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    return prop.get("format") or prop.get("type", "any")


def payload_catalogue() -> str:
    """Markdown tables of every live event's payload, generated from the contracts."""
    lines = ["# Event payloads (generated)", "",
             "Generated from `libs/contracts` by `make asyncapi`; do not edit. The envelope, delivery",
             "guarantees and topics are described in [events.md](events.md).", ""]
    for service, events in EVENTS.items():
        lines += [f"## {service}", ""]
        for event in events:
            schema = event.model_json_schema()
            defs = schema.get("$defs", {})
            doc = " ".join((event.__doc__ or "").split())
            lines += [f"### {event.event_type} v{event.event_version}", "",
                      f"Topic `{event.topic}`, key = subject. {doc}", "",
                      "| field | type | meaning |", "|---|---|---|"]
            for name, prop in schema["properties"].items():
                lines.append(f"| `{name}` | {_type_of(prop, defs)} | {prop.get('description', '')} |")
            lines.append("")
    return "\n".join(lines)


def main(out_dir: str = "docs/asyncapi") -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for service in EVENTS:
        # sorted and indented: stable, reviewable diffs
        doc = json.dumps(json.loads(service_document(service)), indent=2, sort_keys=True)
        (out / f"{service}.json").write_text(doc + "\n")
        print(f"wrote {out / f'{service}.json'}")
    (out.parent / "event-payloads.md").write_text(payload_catalogue())
    print(f"wrote {out.parent / 'event-payloads.md'}")


if __name__ == "__main__":
    main(*sys.argv[1:])
