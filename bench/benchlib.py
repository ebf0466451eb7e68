"""The one table `make bench` prints: every benchmark reports rows through `report()`.

A row is a figure with its value, the bare baseline it is compared with (measured in the same
run), the ratio, the goal and whether the goal is met. `report()` prints the row and, when
BENCH_ROWS is set (by bench/run_all.py), appends it as one JSON line to that file so the runner can
print all rows as one table at the end.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of values."""
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


@dataclass
class Wrk:
    rps: float
    p50: float
    p90: float
    p99: float
    errors: int  # non-2xx/3xx answers plus socket errors
    requests: int = 0  # answered in the measured run

    def line(self) -> str:
        return f"{self.rps:8.0f} req/s  p50 {self.p50:6.1f} ms  p90 {self.p90:6.1f} ms  p99 {self.p99:6.1f} ms" + (
            f"  ERRORS {self.errors}" if self.errors else "")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(value: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value.strip())
    if not m:
        raise ValueError(f"unknown wrk duration {value!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def parse_wrk(out: str) -> Wrk:
    """Requests/sec and the --latency percentiles (50/90/99) of wrk's output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    pct = {int(p): _ms(v) for p, v in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M)}
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", out))
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if sock:
        errors += sum(int(x) for x in sock.groups())
    done = re.search(r"(\d+) requests in", out)
    return Wrk(rps, pct[50], pct[90], pct[99], errors, int(done.group(1)) if done else 0)


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
