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
import subprocess
import tempfile
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


def wrk(url: str, *, threads: int, connections: int, duration: str, script: str | None = None,
        headers: dict | None = None, script_args: list[str] | None = None) -> Wrk:
    """Run Debian's wrk (a C load generator: the client steals little of the CPU it measures)."""
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}", "--latency"]
    for k, v in (headers or {}).items():
        cmd += ["-H", f"{k}: {v}"]
    if script:
        cmd += ["-s", script]
    cmd.append(url)
    if script_args:
        cmd += ["--", *script_args]
    return parse_wrk(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


# Every request a different one, read from a file of tab-separated lines "METHOD<TAB>path<TAB>
# Authorization<TAB>form body": wrk's threads take every n-th line, so no request is sent twice
# while the file lasts (after that a thread starts over: the duplicates answer 4xx and count as
# errors, so a run that ran out shows it).
REQUESTS_LUA = """
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
local lines, idx = {}, 0
function init(args)
  local path, nthreads, i = args[1], tonumber(args[2]), 0
  for line in io.lines(path) do
    if i % nthreads == id then
      local m, p, auth, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      local h = {["Authorization"] = auth}
      if body ~= "" then h["Content-Type"] = "application/x-www-form-urlencoded" end
      lines[#lines + 1] = wrk.format(m, p, h, body ~= "" and body or nil)
    end
    i = i + 1
  end
end
function request()
  idx = idx % #lines + 1
  return lines[idx]
end
"""


def wrk_requests(base: str, lines: list[tuple[str, str, str, str]], *, threads: int, connections: int,
                 duration: str) -> Wrk:
    """wrk sending each of `lines` (method, path under base, Authorization, urlencoded body) once."""
    with tempfile.TemporaryDirectory() as d:
        script, data = os.path.join(d, "requests.lua"), os.path.join(d, "requests.tsv")
        with open(script, "w") as f:
            f.write(REQUESTS_LUA)
        with open(data, "w") as f:
            f.writelines("\t".join(line) + "\n" for line in lines)
        return wrk(base, threads=threads, connections=connections, duration=duration, script=script,
                   script_args=[data, str(threads)])


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
