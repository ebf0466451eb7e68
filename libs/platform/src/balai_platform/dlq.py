"""Dead-letter tooling for operators: list, show and replay the messages of a `<topic>.dlq`.

    python -m balai_platform.dlq list   --bootstrap HOST:PORT --topic identity.participant.dlq [--json]
    python -m balai_platform.dlq show   --bootstrap HOST:PORT --topic T.dlq --partition P --offset O
    python -m balai_platform.dlq replay --bootstrap HOST:PORT --topic T.dlq (--all | --partition P --offset O)

Replay publishes the dead letter's original bytes, with its original key, to the original topic
(the DLQ name without `.dlq`) and a header `x-replayed-from: <dlq>:<partition>:<offset>`. It is safe
to replay the same message several times, or a message several consumers dead-lettered: every
consumer's inbox skips an event id it already applied. A message that is not a valid envelope
(malformed JSON) is never replayed: it would only be dead-lettered again. The listing prints no
payload (it may hold personal data); `show` prints it, for the operator who investigates.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

SUFFIX = ".dlq"


@dataclass(frozen=True)
class DeadLetter:
    partition: int
    offset: int
    key: str
    event_type: str
    event_id: str
    consumer: str
    error: str
    attempts: str
    time: str
    valid_envelope: bool
    value: bytes

    def row(self) -> dict:
        out = asdict(self)
        out.pop("value")
        return out


def original_topic(dlq_topic: str) -> str:
    if not dlq_topic.endswith(SUFFIX):
        raise ValueError(f"{dlq_topic} is not a dead-letter topic (it must end in {SUFFIX})")
    return dlq_topic[: -len(SUFFIX)]


def parse(partition: int, offset: int, key: bytes | None, value: bytes, headers, timestamp_ms: int) -> DeadLetter:
    h = {k: (v or b"").decode("utf-8", "replace") for k, v in (headers or [])}
    event_type = event_id = "-"
    valid = False
    try:
        env = json.loads(value)
        if isinstance(env, dict):
            event_type, event_id = str(env.get("type", "-")), str(env.get("id", "-"))
            valid = "id" in env and "type" in env
    except ValueError:
        pass
    return DeadLetter(partition=partition, offset=offset, key=(key or b"").decode("utf-8", "replace"),
                      event_type=event_type, event_id=event_id, consumer=h.get("x-consumer", "-"),
                      error=h.get("x-error", "-"), attempts=h.get("x-attempts", "-"),
                      time=datetime.fromtimestamp(timestamp_ms / 1000, UTC).isoformat(timespec="seconds"),
                      valid_envelope=valid, value=value)


async def read_dead_letters(bootstrap: str, topic: str) -> list[DeadLetter]:
    """Every message of `topic` from the beginning to its current end, in partition/offset order."""
    original_topic(topic)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, fetch_max_wait_ms=50)
    await consumer.start()
    try:
        parts = consumer.partitions_for_topic(topic)
        if not parts:
            await consumer._client.force_metadata_update()
            parts = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        if not tps:
            return []
        consumer.assign(tps)
        ends = await consumer.end_offsets(tps)
        await consumer.seek_to_beginning(*tps)
        out: list[DeadLetter] = []
        todo = {tp for tp in tps if ends[tp] > 0}
        for tp in tps:  # the beginning may be past 0 (retention): nothing to wait for then
            if tp in todo and await consumer.position(tp) >= ends[tp]:
                todo.discard(tp)
        while todo:
            batch = await consumer.getmany(*todo, timeout_ms=500)
            for tp, msgs in batch.items():
                for m in msgs:
                    if m.offset < ends[tp]:
                        out.append(parse(tp.partition, m.offset, m.key, m.value, m.headers, m.timestamp))
                if await consumer.position(tp) >= ends[tp]:
                    todo.discard(tp)
        return sorted(out, key=lambda d: (d.partition, d.offset))
    finally:
        await consumer.stop()


async def replay(bootstrap: str, topic: str, letters: list[DeadLetter]) -> tuple[int, int]:
    """Publish `letters` back to the original topic; (replayed, skipped as malformed)."""
    target = original_topic(topic)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    replayed = skipped = 0
    try:
        for d in letters:
            if not d.valid_envelope:
                skipped += 1
                continue
            await producer.send_and_wait(
                target, d.value, key=d.key.encode() if d.key else None,
                headers=[("content-type", b"application/json"), ("event-type", d.event_type.encode()),
                         ("x-replayed-from", f"{topic}:{d.partition}:{d.offset}".encode())])
            replayed += 1
    finally:
        await producer.stop()
    return replayed, skipped


def _select(letters: list[DeadLetter], args: argparse.Namespace) -> list[DeadLetter]:
    if getattr(args, "all", False):
        return letters
    chosen = [d for d in letters if d.partition == args.partition and d.offset == args.offset]
    if not chosen:
        raise SystemExit(f"no dead letter at partition {args.partition} offset {args.offset} of {args.topic}")
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m balai_platform.dlq", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    for name, help_text in (("list", "list the dead letters"), ("show", "one dead letter with its payload"),
                            ("replay", "publish dead letters back to the original topic")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--bootstrap", required=True)
        p.add_argument("--topic", required=True, help="the dead-letter topic, e.g. identity.participant.dlq")
        if name == "list":
            p.add_argument("--json", action="store_true", help="one JSON object per line")
        else:
            if name == "replay":
                p.add_argument("--all", action="store_true")
            p.add_argument("--partition", type=int)
            p.add_argument("--offset", type=int)
    args = parser.parse_args(argv)
    try:
        original_topic(args.topic)
    except ValueError as exc:
        parser.error(str(exc))
    if args.cmd != "list" and not getattr(args, "all", False) and (args.partition is None or args.offset is None):
        parser.error("give --partition and --offset" + (" (or --all)" if args.cmd == "replay" else ""))
    letters = asyncio.run(read_dead_letters(args.bootstrap, args.topic))
    if args.cmd == "list":
        if args.json:
            for d in letters:
                print(json.dumps(d.row()))
        else:
            print(f"{len(letters)} dead letter(s) in {args.topic}")
            for d in letters:
                print(f"{d.partition:>3} {d.offset:>7}  {d.time}  key={d.key or '-'}  {d.event_type}  "
                      f"id={d.event_id}  consumer={d.consumer}  error={d.error}")
        return 0
    chosen = _select(letters, args)
    if args.cmd == "show":
        d = chosen[0]
        print(json.dumps({**d.row(), "value": d.value.decode("utf-8", "replace")}, indent=2))
        return 0
    replayed, skipped = asyncio.run(replay(args.bootstrap, args.topic, chosen))
    print(f"replayed {replayed} to {original_topic(args.topic)}; skipped {skipped} malformed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
