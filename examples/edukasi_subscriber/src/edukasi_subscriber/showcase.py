"""The showcase: one SQLite file, one row per product ever seen.

Applying is idempotent and order-safe:
- an event id already applied (`applied_events`) changes nothing (Balai delivers at least once);
- a product row keeps the time of the newest event applied to it; an older event (a redelivery
  after a newer one) changes nothing. A withdrawal keeps the row (state 'withdrawn') so that an
  older ProductShowcased arriving late cannot bring the product back.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from .models import SHOWCASED, WITHDRAWN, Envelope, ProductShowcased, ProductWithdrawn

SCHEMA = """
CREATE TABLE IF NOT EXISTS products (
    product_id TEXT PRIMARY KEY,
    state TEXT NOT NULL CHECK (state IN ('shown', 'withdrawn')),
    changed_at TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS applied_events (event_id TEXT PRIMARY KEY);
"""


class Showcase:
    def __init__(self, path: str | Path) -> None:
        self.db = sqlite3.connect(str(path))
        self.db.executescript(SCHEMA)
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def apply(self, env: Envelope) -> str:
        """'shown', 'withdrawn', 'stale', 'duplicate' or 'ignored'; commits before returning."""
        if env.type not in (SHOWCASED, WITHDRAWN) or env.version != 1:
            return "ignored"
        with self.db:  # one transaction: the event id and its effect together
            seen = self.db.execute("INSERT OR IGNORE INTO applied_events VALUES (?)", (str(env.id),))
            if seen.rowcount == 0:
                return "duplicate"
            if env.type == SHOWCASED:
                shown = ProductShowcased.model_validate(env.data)
                return self._write(str(shown.product_id), "shown", shown.showcased_at.isoformat(),
                                   shown.model_dump_json())
            gone = ProductWithdrawn.model_validate(env.data)
            return self._write(str(gone.product_id), "withdrawn", gone.withdrawn_at.isoformat(),
                               gone.model_dump_json())

    def _write(self, product_id: str, state: str, changed_at: str, data: str) -> str:
        cur = self.db.execute(
            "INSERT INTO products (product_id, state, changed_at, data) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (product_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at, "
            "data = excluded.data WHERE excluded.changed_at >= products.changed_at",
            (product_id, state, changed_at, data))
        return state if cur.rowcount else "stale"

    def shown(self) -> list[dict]:
        """The products on show, newest first."""
        rows = self.db.execute("SELECT data FROM products WHERE state = 'shown' ORDER BY changed_at DESC")
        return [json.loads(data) for (data,) in rows]
