"""Benchmark of the request path (not a test), measured with wrk (a C load generator) so the client
does not steal the CPU it measures. One stack (10,000 gallery products, 40 trainings, rate limit
raised), and in the same run two bare baselines on the same machine:
- a raw ASGI "hello" under uvicorn,
- a raw ASGI app that runs the gallery's first-page query on asyncpg and answers it with orjson.
Then: ukm `GET /gallery` direct and through the gateway, the `/galeri` and `/jadwal` HTML pages and
the home page (anonymous: the micro-cache serves these), plus `/galeri` with a different page per
request (what the micro-cache cannot help with).
Every figure is reported through bench/benchlib.py (`make bench` prints them as one table).
Run: .venv/bin/python bench/web_bench.py   (starts its own stack with fresh bench databases)
Env: WRK_DURATION (default 8s), WRK_CONNECTIONS (32), WRK_THREADS (2);
WEB_BENCH_ONLY=ukm measures only the gallery baseline and the ukm rows (quicker while iterating);
WEB_BENCH_PROFILE=<file.svg|file.txt> records a py-spy flame graph (collapsed stacks for .txt) of
the ukm process during "ukm direct" (py-spy must be installed in the venv).
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import benchlib  # noqa: E402
from bench.baselines import hello_app as _hello_app  # noqa: E402
from bench.baselines import query_app  # noqa: E402
from bench.benchlib import Row, Wrk, report  # noqa: E402

DURATION = os.environ.get("WRK_DURATION", "8s")
CONNECTIONS = int(os.environ.get("WRK_CONNECTIONS", "32"))
THREADS = int(os.environ.get("WRK_THREADS", "2"))
ONLY = os.environ.get("WEB_BENCH_ONLY", "")
PROFILE = os.environ.get("WEB_BENCH_PROFILE", "")
PER_PAGE = 24  # what /galeri shows per page
TRAININGS = 40

# The gallery's first page, exactly as ukm's list_gallery builds it for /gallery?per_page=24.
GALLERY_SQL = f"""
    SELECT product_id, product_name, business_id, business_name, brand, regency_code, regency_name,
           category, price_min, price_max, has_photo, permits, published_at
    FROM gallery_entries WHERE visible ORDER BY published_at DESC, product_id DESC LIMIT {PER_PAGE}"""


# -- the bare baselines (run in their own uvicorn process: `web_bench.py bare-hello|bare-gallery PORT`) --

def _gallery_app(dsn: str):
    return query_app(dsn, GALLERY_SQL, {"page": 1, "per_page": PER_PAGE})


def _serve_bare(kind: str, port: int, dsn: str = "") -> None:
    import uvicorn
    app = _hello_app if kind == "bare-hello" else _gallery_app(dsn)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False,
                lifespan="on" if kind == "bare-gallery" else "off")


def start_bare(kind: str, port: int, dsn: str = "") -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, __file__, kind, str(port), dsn], cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as r:
                if r.status == 200:
                    return proc
        except Exception:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"{kind} did not start")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


# -- wrk --

def wrk(url: str, *, duration: str = DURATION, script: str | None = None, headers: dict | None = None) -> Wrk:
    return benchlib.wrk(url, threads=THREADS, connections=CONNECTIONS, duration=duration, script=script,
                        headers=headers)


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a process so far (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(name: str, url: str, results: dict, *, pid: int | None = None, **kw) -> Wrk:
    """wrk against url; with `pid`, also the server process's CPU per request (a figure that other
    load on the machine disturbs far less than req/s)."""
    wrk(url, duration="2s", **kw)  # warm-up: connections, caches, JIT-less but warm imports
    cpu = _cpu_seconds(pid) if pid else 0.0
    r = wrk(url, **kw)
    results[name] = r
    per_request = ""
    if pid and r.requests:
        per_request = f"  server CPU {(_cpu_seconds(pid) - cpu) / r.requests * 1e6:5.0f} us/req"
    print(f"{name:44s} {r.line()}{per_request}", flush=True)
    return r


# a different gallery page on every request: what the micro-cache cannot absorb
PAGES_LUA = """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?page=" .. (counter % 400 + 1))
end
"""


# -- the stack --

async def seed_trainings(stack) -> None:
    from services.training.tests.support import ORG1, token, training_body
    admin = token(stack, role="admin", org=ORG1)
    async with aiohttp.ClientSession() as s:
        for i in range(TRAININGS):
            body = training_body(title=f"Pelatihan Bench {i}", quota=30 + i)
            async with s.post(stack.service_url("training") + "/admin/trainings", json=body, headers=admin) as r:
                assert r.status == 201, await r.text()


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: run scripts/setup.sh browser (installs Debian's wrk)")
    from balai_devstack.infra import free_port
    from balai_devstack.stack import Stack
    from bench.ukm_bench import PRODUCTS, seed

    stack = Stack(prefix=f"balai_bench_web_{os.getpid()}", drop_databases_on_exit=True, gateway_port=free_port(),
                  kafka_port=free_port(), fresh_databases=True, state_dir=ROOT / ".state" / "bench", seed=False,
                  extra_env={"GATEWAY_RATE_LIMIT_PER_MINUTE": "10000000",
                             "GATEWAY_LOGIN_RATE_LIMIT_PER_MINUTE": "10000000"})
    results: dict[str, Wrk] = {}
    with stack:
        dsn = stack.database_url("ukm").replace("postgresql+asyncpg://", "postgresql://", 1)
        asyncio.run(seed(dsn))
        asyncio.run(seed_trainings(stack))
        print(f"\n== Balai request path (wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION} --latency; "
              f"{PRODUCTS} gallery products, {TRAININGS} trainings) ==", flush=True)
        for kind in ("bare-gallery",) if ONLY == "ukm" else ("bare-hello", "bare-gallery"):
            port = free_port()
            proc = start_bare(kind, port, dsn)
            try:
                measure({"bare-hello": "bare ASGI hello",
                         "bare-gallery": f"bare asyncpg: {PER_PAGE} gallery rows -> orjson"}[kind],
                        f"http://127.0.0.1:{port}/", results, pid=proc.pid)
            finally:
                stop(proc)
        gw = stack.gateway_url
        with profiled(stack.procs["ukm"].pid):
            measure("ukm GET /gallery direct", f"{stack.service_url('ukm')}/gallery?per_page={PER_PAGE}", results,
                    pid=stack.procs["ukm"].pid)
        measure("ukm GET /gallery via gateway", f"{gw}/api/ukm/gallery?per_page={PER_PAGE}", results)
        if ONLY == "ukm":
            report_ukm(results)
            return
        measure("/galeri page (HTML)", f"{gw}/galeri", results)
        measure("/jadwal page (HTML)", f"{gw}/jadwal", results)
        measure("home page", f"{gw}/", results)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
            f.write(PAGES_LUA)
        try:
            measure("/galeri, pages 1-400 (uncached)", f"{gw}/galeri", results, script=f.name)
        finally:
            os.unlink(f.name)
    report_rows(results)


@contextlib.contextmanager
def profiled(pid: int):
    """py-spy record of `pid` while the block runs (WEB_BENCH_PROFILE=<file.svg>), else nothing."""
    if not PROFILE:
        yield
        return
    spy = subprocess.Popen([str(Path(sys.executable).parent / "py-spy"), "record", "-o", PROFILE, "--pid", str(pid),
                            "--rate", "200", "--nonblocking", *(["--format", "raw"] if PROFILE.endswith(".txt") else [])])
    try:
        yield
    finally:
        spy.send_signal(signal.SIGINT)  # py-spy writes the flame graph on SIGINT
        spy.wait(60)


def _ukm_rows(r: dict[str, Wrk]) -> list[Row]:
    bare = r[f"bare asyncpg: {PER_PAGE} gallery rows -> orjson"]
    direct, via = r["ukm GET /gallery direct"], r["ukm GET /gallery via gateway"]
    bare_s = f"bare asyncpg+orjson {bare.rps:,.0f} req/s"
    return [
        Row(f"bare asyncpg {PER_PAGE} gallery rows -> orjson, req/s", bare.rps, "req/s", goal=f"p99 {bare.p99:.0f} ms"),
        Row("ukm GET /gallery direct, req/s", direct.rps, "req/s", bare_s, direct.rps / bare.rps,
            ">= 50 % of baseline", direct.rps / bare.rps >= 0.5),
        Row("ukm GET /gallery via gateway, req/s", via.rps, "req/s", f"ukm direct {direct.rps:,.0f} req/s",
            via.rps / direct.rps, ">= 85 % of baseline", via.rps / direct.rps >= 0.85),
    ]


def report_ukm(r: dict[str, Wrk]) -> None:
    print()
    report(*_ukm_rows(r))


def report_rows(r: dict[str, Wrk]) -> None:
    hello, bare = r["bare ASGI hello"], r[f"bare asyncpg: {PER_PAGE} gallery rows -> orjson"]
    bare_s = f"bare asyncpg+orjson {bare.rps:,.0f} req/s"
    rows = [Row("bare ASGI hello (uvicorn), req/s", hello.rps, "req/s", goal=f"p99 {hello.p99:.0f} ms"),
            *_ukm_rows(r)]
    for name in ("/galeri page (HTML)", "/jadwal page (HTML)", "/galeri, pages 1-400 (uncached)"):
        w = r[name]
        rows.append(Row(f"{name}, req/s", w.rps, "req/s", bare_s, w.rps / bare.rps, ">= 40 % of baseline",
                        w.rps / bare.rps >= 0.4 and w.errors == 0))
        rows.append(Row(f"{name}, p99", w.p99, "ms", goal="p99 <= 100 ms", met=w.p99 <= 100))
    home = r["home page"]
    rows.append(Row("home page, req/s", home.rps, "req/s", goal=f"p99 {home.p99:.0f} ms"))
    print()
    report(*rows)
    bad = [name for name, w in r.items() if w.errors]
    if bad:
        print(f"WARNING: error answers during {', '.join(bad)}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("bare-"):
        _serve_bare(sys.argv[1], int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "")
    else:
        main()
