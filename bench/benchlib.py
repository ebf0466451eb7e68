"""The one table `make bench` prints: every benchmark reports rows through `report()`.

A row is a figure with its value, the bare baseline it is compared with (measured in the same
run), the ratio, the goal and whether the goal is met. `report()` prints the row and, when
BENCH_ROWS is set (by bench/run_all.py), appends it as one JSON line to that file so the runner can
print all rows as one table at the end.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of values."""
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


@dataclass
class Row:
    figure: str            # e.g. "ukm GET /gallery direct, req/s"
    value: float
    unit: str = ""         # "req/s", "ms", "%", "MiB", "s"
    baseline: str = ""     # e.g. "bare asyncpg+orjson 1,464 req/s" ("" when the goal is absolute)
    ratio: float | None = None   # value / baseline value, when the goal is a ratio
    goal: str = ""         # e.g. ">= 50 % of baseline", "p99 <= 100 ms"
    met: bool | None = None


def report(*rows: Row) -> None:
    path = os.environ.get("BENCH_ROWS")
    for row in rows:
        ratio = f" ({row.ratio:.0%} of baseline)" if row.ratio is not None else ""
        verdict = "" if row.met is None else (" — met" if row.met else " — NOT met")
        print(f"{row.figure}: {row.value:,.1f} {row.unit}{ratio}; goal {row.goal or '-'}{verdict}", flush=True)
        if path:
            with open(path, "a", encoding="utf-8") as f:
                f.write(json.dumps(asdict(row)) + "\n")
