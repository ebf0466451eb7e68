"""What the suite checks after a scenario, straight from each service's database.

Events: every event a service wrote to its outbox during the scenario (`created_at >= since`) must
be published, and applied by every consumer service that handles its type (an inbox row, which the
consumer writes in the effect's own transaction). Missing ones are *lost*; the delay of an event is
`inbox.processed_at - outbox.created_at`.

Effects: each acknowledged participant, business and enrollment has its expected local copy,
stay, gallery link, certificate and invitation exactly once: missing rows are *lost*, extra rows
*duplicate effects*.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import datetime

import asyncpg

from .load import Results

# consumer service -> the event types it applies (its entrypoints/consumers.py)
HANDLED: dict[str, set[str]] = {
    "training": {"ParticipantRegistered", "ParticipantUpdated", "BusinessRegistered", "BusinessUpdated"},
    "ukm": {"ParticipantRegistered", "ParticipantUpdated", "AttendanceConfirmed"},
    "lodging": {"ParticipantRegistered", "ParticipantUpdated", "AttendanceConfirmed", "EnrollmentCancelled",
                "EnrollmentRejected"},
    "identity": {"EnrollmentSubmitted"},
    "certificate": {"TrainingCompleted", "EnrollmentSubmitted", "SurveySubmitted"},
    "survey": {"TrainingCompleted"},
}
# topic -> the services consuming it (each in its own group <service>.<topic>)
SUBSCRIBERS: dict[str, list[str]] = {
    "identity.participant": ["training", "ukm", "lodging"],
    "ukm.business": ["training"],
    "training.enrollment": ["identity", "certificate", "lodging", "ukm", "survey"],
    "survey.response": ["certificate"],
}
SERVICES = ("identity", "ukm", "training", "lodging", "certificate", "survey")


@dataclass
class Tally:
    events: int = 0
    applications: int = 0
    lost_events: list[str] = field(default_factory=list)
    unpublished: int = 0
    max_delay: float = 0.0
    missing_effects: list[str] = field(default_factory=list)
    duplicate_effects: list[str] = field(default_factory=list)

    @property
    def lost(self) -> int:
        return len(self.lost_events) + self.unpublished + len(self.missing_effects)


async def _fetch(dsn: str, sql: str, *args) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(dsn, timeout=10)
    try:
        return await conn.fetch(sql, *args)
    finally:
        await conn.close()


async def db_now(stack) -> datetime:
    return (await _fetch(stack.db_dsn("identity"), "SELECT now() AS t"))[0]["t"]


async def tally_events(stack, since: datetime) -> Tally:
    t = Tally()
    produced: dict = {}
    for svc in SERVICES:
        for row in await _fetch(stack.db_dsn(svc), "SELECT event_id, event_type, created_at, published_at "
                                                   "FROM outbox WHERE created_at >= $1", since):
            produced[row["event_id"]] = row
    t.events = len(produced)
    t.unpublished = sum(1 for r in produced.values() if r["published_at"] is None)
    for svc, types in HANDLED.items():
        wanted = [eid for eid, r in produced.items() if r["event_type"] in types]
        rows = await _fetch(stack.db_dsn(svc), "SELECT event_id, processed_at FROM inbox "
                                               "WHERE consumer = $1 AND event_id = ANY($2::uuid[])", svc, wanted)
        applied = {r["event_id"]: r["processed_at"] for r in rows}
        t.applications += len(applied)
        for eid in wanted:
            if eid not in applied:
                t.lost_events.append(f"{svc}:{produced[eid]['event_type']}:{eid}")
            else:
                t.max_delay = max(t.max_delay, (applied[eid] - produced[eid]["created_at"]).total_seconds())
    return t


# (service, table, key column, which acknowledged keys it must hold once)
EFFECTS = [
    ("training", "participants", "participant_id", "participants"),
    ("ukm", "participants", "participant_id", "participants"),
    ("lodging", "participants", "participant_id", "participants"),
    ("training", "businesses", "business_id", "businesses"),
    ("identity", "participant_orgs", "participant_id", "submitted_participants"),
    ("lodging", "stays", "enrollment_id", "confirmed"),
    ("ukm", "business_trainings", "enrollment_id", "confirmed"),
    ("certificate", "certificates", "enrollment_id", "completed"),
    ("survey", "invitations", "enrollment_id", "completed"),
]


async def tally_effects(stack, results: Results, t: Tally) -> None:
    keys = {"participants": results.participants, "businesses": results.businesses,
            "submitted_participants": sorted({p for _, p in results.submitted}),
            "confirmed": results.confirmed, "completed": results.completed}
    t.missing_effects.clear()
    t.duplicate_effects.clear()
    for svc, table, column, which in EFFECTS:
        wanted = keys[which]
        rows = await _fetch(stack.db_dsn(svc), f"SELECT {column}::text AS k, count(*) AS n FROM {table} "
                                               f"WHERE {column} = ANY($1::uuid[]) GROUP BY {column}", wanted)
        found = {r["k"]: r["n"] for r in rows}
        t.missing_effects += [f"{svc}.{table}:{k}" for k in wanted if k not in found]
        t.duplicate_effects += [f"{svc}.{table}:{k}x{n}" for k, n in found.items() if n > 1]


async def settle(stack, results: Results, since: datetime, timeout: float) -> Tally:
    """Wait (up to `timeout`) until nothing is lost, then tally; the last tally if it never is."""
    deadline = time.monotonic() + timeout
    while True:
        t = await tally_events(stack, since)
        await tally_effects(stack, results, t)
        if t.lost == 0 or time.monotonic() > deadline:
            return t
        await asyncio.sleep(2)
