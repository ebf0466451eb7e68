"""Lighthouse (npm `lighthouse` 12.2.3, mobile form factor, simulated slow 4G) on the public pages:
home, Jadwal Pelatihan, the gallery with 20 products photographed by phones, registration.
Prints the median of RUNS runs of the four category scores per page (Lighthouse's own advice:
one run varies with the machine's load); exits 1 when any is below 95. Not a test (slow).
Run: make lighthouse   (starts its own stack with fresh databases and the demo seed)
"""
from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from balai_devstack.infra import free_port  # noqa: E402
from balai_devstack.stack import Stack  # noqa: E402
from tests.gallery_seed import seed_phone_gallery  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = (("Beranda", "/"), ("Jadwal Pelatihan", "/jadwal"), ("Galeri (20 foto ponsel)", "/galeri"),
         ("Pendaftaran", "/daftar"))
MINIMUM = 95
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))


def lighthouse(url: str, out: Path) -> dict:
    cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
           "--form-factor=mobile", "--throttling-method=simulate", "--only-categories=" + ",".join(CATEGORIES),
           "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"]
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROME}, timeout=300)
    report = json.loads(out.read_text())
    audits = report["audits"]
    return {"scores": {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
            "bytes": audits["total-byte-weight"]["numericValue"],
            "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
            "failed": sorted(a["id"] for a in audits.values()
                             if a.get("score") is not None and a["score"] < 0.9
                             and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"))}


def median_run(runs: list[dict]) -> dict:
    """Per category the median score; bytes and LCP of the run with the median performance."""
    by_perf = sorted(runs, key=lambda r: r["scores"]["performance"])
    middle = by_perf[len(by_perf) // 2]
    scores = {c: round(statistics.median(r["scores"][c] for r in runs)) for c in CATEGORIES}
    return {**middle, "scores": scores,
            "all_performance": [r["scores"]["performance"] for r in runs]}


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("lighthouse missing: run `npm ci` in the repository root", file=sys.stderr)
        return 2
    stack = Stack(prefix=f"balai_lighthouse_{os.getpid()}", drop_databases_on_exit=True, gateway_port=free_port(),
                  kafka_port=free_port(), fresh_databases=True, state_dir=ROOT / ".state" / "bench",
                  extra_env={"GATEWAY_RATE_LIMIT_PER_MINUTE": "100000"})
    rows = []
    with stack, tempfile.TemporaryDirectory() as tmp:
        asyncio.run(seed_phone_gallery(stack.gateway_url, stack.kafka_bootstrap))
        for name, path in PAGES:
            # a first visit warms nothing that matters: thumbnails are made once, on the first request
            subprocess.run(["curl", "-s", "-o", "/dev/null", stack.gateway_url + path], check=False)
            runs = [lighthouse(stack.gateway_url + path, Path(tmp) / "report.json") for _ in range(RUNS)]
            rows.append((name, path, median_run(runs)))
    print(f"\nmedian of {RUNS} runs per page, mobile, simulated slow 4G")
    print(f"| page | {' | '.join(CATEGORIES)} | bytes | LCP (s) | performance of each run |")
    print("|---|" + "---|" * (len(CATEGORIES) + 3))
    worst = 100
    for name, path, r in rows:
        s = r["scores"]
        worst = min(worst, *s.values())
        print(f"| {name} (`{path}`) | " + " | ".join(str(s[c]) for c in CATEGORIES)
              + f" | {r['bytes'] / 1024:.0f} KB | {r['lcp_ms'] / 1000:.1f} | {r['all_performance']} |")
    for name, _, r in rows:
        if r["failed"]:
            print(f"{name}: audits below 0.9: {', '.join(r['failed'])}")
    return 0 if worst >= MINIMUM else 1


if __name__ == "__main__":
    sys.exit(main())
