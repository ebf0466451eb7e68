"""`make bench`: run the bare baselines and every bench/*_bench.py, then print ONE table.

Each script runs as its own subprocess (each starts and stops its own stack) with BENCH_ROWS set
to a file it appends its rows to (bench/benchlib.py `report`); a script that fails is listed
under the table with its exit code and the rows it reported before failing are kept.
--quick (make bench-quick) sets BENCH_QUICK=1 and a shorter wrk run: smaller n everywhere, the
whole table in about 15 minutes on the 2-core machine. --only NAME[,NAME] runs a subset.
The table is Markdown, headed by the date and the machine (nproc, CPU model, load), so it can
go into README "Measured figures" as printed; .state/bench/table.md holds it as it grows.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
# benches that take long at full size and have no quick mode of their own: left out of --quick
SLOW_ONLY_FULL = {"certificate_documents_bench"}


def scripts(only: set[str] | None) -> list[Path]:
    found = [BENCH / "baselines.py", *sorted(BENCH.glob("*_bench.py"))]
    return [p for p in found if only is None or p.stem in only]


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs (nproc), {model}, {platform.system()} {platform.release()}, load {load}"


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}" if abs(value) >= 10 else f"{value:,.2f}"
    return f"{text} {unit}".strip()


def table(rows: list[dict]) -> str:
    out = ["| figure | value | baseline | ratio | goal | met |", "|---|---|---|---|---|---|"]
    for r in rows:
        ratio = f"{r['ratio']:.0%}" if r.get("ratio") is not None else ""
        met = "" if r.get("met") is None else ("met" if r["met"] else "**not met**")
        cells = [r["figure"], fmt(r["value"], r.get("unit", "")), r.get("baseline", ""), ratio, r.get("goal", ""), met]
        out.append("| " + " | ".join(str(c).replace("|", "/") for c in cells) + " |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller n: the whole table in ~15 minutes")
    parser.add_argument("--only", help="comma-separated script names (e.g. idle_bench,baselines)")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if args.quick:
        env.update({"BENCH_QUICK": "1", "WRK_DURATION": env.get("WRK_DURATION", "4s")})
    started = datetime.now(UTC)
    header = f"Measured {started:%Y-%m-%d %H:%M} UTC on {machine()}; mode {'quick' if args.quick else 'full'}"
    rows: list[dict] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for script in scripts(only):
            if args.quick and script.stem in SLOW_ONLY_FULL:
                continue
            path = Path(tmp) / f"{script.stem}.jsonl"
            cmd = [sys.executable, str(script)]
            print(f"\n=== {script.name} ===", flush=True)
            t0 = time.monotonic()
            rc = subprocess.call(cmd, cwd=ROOT, env={**env, "BENCH_ROWS": str(path)})
            took = time.monotonic() - t0
            print(f"=== {script.name}: exit {rc} after {took:.0f} s", flush=True)
            got = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
            rows.extend(got)
            if rc != 0:
                failures.append(f"{script.name} exited with {rc} after {took:.0f} s ({len(got)} rows reported)")
            # the table so far, in case a long run is stopped before the end
            partial = ROOT / ".state" / "bench" / "table.md"
            partial.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(f"{header} (so far)\n\n{table(rows)}\n")
    took = (datetime.now(UTC) - started).total_seconds()
    print(f"\n{header}; took {took / 60:.1f} min\n")
    print(table(rows))
    for failure in failures:
        print(f"\n- {failure}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
