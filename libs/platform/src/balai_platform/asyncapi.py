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


def main(out_dir: str = "docs/asyncapi") -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for service in EVENTS:
        # sorted and indented: stable, reviewable diffs
        doc = json.dumps(json.loads(service_document(service)), indent=2, sort_keys=True)
        (out / f"{service}.json").write_text(doc + "\n")
        print(f"wrote {out / f'{service}.json'}")


if __name__ == "__main__":
    main(*sys.argv[1:])
