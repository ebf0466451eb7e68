"""Benchmark of certificate issuing on the real stack (not a test). Prints:
- certificates issued per second for 1,000 TrainingCompleted published at once (PDF rendered, PAdES-signed,
  stored, CertificateIssued in the outbox), with one and with two certificate replicas;
- p50/p99 from TrainingCompleted committed on the broker to the PDF downloadable (row `issued`), for that
  burst and for a steady trickle (10 completions/s);
- bare baselines in the same run: the same events' time to the reserved row (broker + inbox + number, no
  PDF), and one in-process render + sign loop (no broker, no database).
Run: .venv/bin/python bench/certificate_bench.py   (starts its own stack with fresh bench databases)
"""
from __future__ import annotations

import asyncio
import json
import os
import sys
import time
import uuid
from pathlib import Path

import asyncpg
from aiokafka import AIOKafkaProducer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from balai_contracts.topics import TRAINING_ENROLLMENT  # noqa: E402
from balai_contracts.training import TrainingCompletedV1  # noqa: E402
from balai_devstack.infra import free_port  # noqa: E402
from balai_devstack.stack import SERVICES, Stack  # noqa: E402
from bench.benchlib import Row, pct, report  # noqa: E402
from services.certificate.tests.support import completed, second_instance  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1"


async def publish(producer: AIOKafkaProducer, envs, rate: float | None) -> dict[str, float]:
    """Send; the commit time of each event is when the broker acknowledged it."""
    sent: dict[str, float] = {}
    futures = []
    for env in envs:
        fut = await producer.send(TRAINING_ENROLLMENT, env.model_dump_json().encode(), key=env.subject.encode())
        fut.add_done_callback(lambda f, key=env.subject: sent.__setitem__(key, time.time()))
        futures.append(fut)
        if rate:
            await asyncio.sleep(1 / rate)
    await asyncio.gather(*futures)
    return sent


async def wait_issued(conn, training: uuid.UUID, n: int, timeout: float = 900) -> list:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count = await conn.fetchval("SELECT count(*) FROM certificates WHERE training_id = $1 AND status = 'issued'",
                                    training)
        if count >= n:
            return await conn.fetch("SELECT enrollment_id, created_at, issued_at FROM certificates "
                                    "WHERE training_id = $1", training)
        await asyncio.sleep(0.2)
    raise TimeoutError(f"only {count} of {n} issued")


async def scenario(conn, producer, label: str, n: int, rate: float | None) -> dict:
    org, training = uuid.uuid4(), uuid.uuid4()
    envs = [completed(uuid.uuid4(), org_id=org, training_id=training, participant_name=f"Peserta Uji {i:04d}")
            for i in range(n)]
    start = time.time()
    sent = await publish(producer, envs, rate)
    rows = await wait_issued(conn, training, n)
    reserve = [(r["created_at"].timestamp() - sent[str(r["enrollment_id"])]) * 1000 for r in rows]
    ready = [(r["issued_at"].timestamp() - sent[str(r["enrollment_id"])]) * 1000 for r in rows]
    span = max(r["issued_at"].timestamp() for r in rows) - start
    out = dict(label=label, n=n, per_second=n / span, seconds=span,
               reserve_p50=pct(reserve, 50), reserve_p99=pct(reserve, 99),
               ready_p50=pct(ready, 50), ready_p99=pct(ready, 99))
    print(f"{label:34s} {n:5d} certs  {out['per_second']:6.1f}/s  downloadable p50 {out['ready_p50']:7.0f} ms "
          f"p99 {out['ready_p99']:7.0f} ms | bare (reserved row) p50 {out['reserve_p50']:5.0f} ms "
          f"p99 {out['reserve_p99']:5.0f} ms | load {os.getloadavg()[0]:.1f}", flush=True)
    return out


def in_process_baseline(stack, n: int = 40) -> dict:
    """Render + sign in this process only: what one core does without broker or database."""
    from certificate.adapters.pdf_render import render_certificate
    from certificate.adapters.signing import PdfSigner
    from certificate.demo import DEMO_PROFILES
    from certificate.domain.certificate import Certificate, new_code
    from certificate.seed import demo_template
    from certificate.service.rendering import content_of

    env = stack.env_for(next(s for s in SERVICES if s.name == "certificate"))
    keys = json.loads(env["CERTIFICATE_SIGNING_KEYS"])["default"]
    signer = PdfSigner.from_pkcs12(Path(keys["p12_path"]).read_bytes(), keys["password"].encode())
    template = demo_template(next(iter(DEMO_PROFILES.values())))

    class Ctx:
        def verification_url(self, code):
            return f"https://balai.example/verifikasi/{code}"

    e = TrainingCompletedV1.model_validate(completed(uuid.uuid4()).data)
    render_ms, sign_ms = [], []
    for i in range(n):
        cert = Certificate(id=uuid.uuid4(), code=new_code(), org_id=e.org_id, enrollment_id=uuid.uuid4(),
                           training_id=e.training_id, participant_id=e.participant_id,
                           holder_name=f"Peserta Uji {i:04d}", training_title=e.training_title, batch=2,
                           kind="Reguler", level="Dasar", start_date=e.start_date, end_date=e.end_date, hours=32,
                           score=88, issued_on=e.start_date, created_at=e.completed_at)
        cert.assign_number(2026, i + 1, f"{i + 1:03d}/BALATKOP-UKM/VI/2026")
        t0 = time.perf_counter()
        pdf = render_certificate(content_of(Ctx(), cert), template.content)
        t1 = time.perf_counter()
        signer.sign_sync(pdf, location="Semarang", reason="bench")
        t2 = time.perf_counter()
        render_ms.append((t1 - t0) * 1000)
        sign_ms.append((t2 - t1) * 1000)
    r, s = pct(render_ms[5:], 50), pct(sign_ms[5:], 50)
    print(f"{'in-process render + sign (baseline)':34s} render p50 {r:.1f} ms, sign p50 {s:.1f} ms, "
          f"{1000 / (r + s):.1f} certs/s on one core | load {os.getloadavg()[0]:.1f}", flush=True)
    return dict(render_ms=r, sign_ms=s)


async def run(stack: Stack, base: dict) -> None:
    conn = await asyncpg.connect(stack.database_url("certificate").replace("postgresql+asyncpg://", "postgresql://"))
    producer = AIOKafkaProducer(bootstrap_servers=stack.kafka_bootstrap, acks="all", linger_ms=5)
    await producer.start()
    burst, trickle = (300, 50) if QUICK else (1000, 100)
    one_core = 1000 / (base["render_ms"] + base["sign_ms"])
    rows = []

    def row(out: dict) -> None:
        rows.append(Row(f"certificate {out['label']}: issued, downloadable p99 {out['ready_p99']:,.0f} ms",
                        round(out["per_second"], 1), "certs/s", f"in-process render + sign {one_core:.1f}/s on one core",
                        out["per_second"] / one_core))

    try:
        await scenario(conn, producer, "warm-up", 20, None)
        row(await scenario(conn, producer, f"trickle 10/s, one replica ({trickle})", trickle, 10))
        row(await scenario(conn, producer, f"burst of {burst}, one replica", burst, None))
        if not QUICK:  # a second replica joining the consumer group takes ~20 s on the dev broker
            with second_instance(stack):
                await asyncio.sleep(20)
                await scenario(conn, producer, "warm-up (two replicas)", 20, None)
                row(await scenario(conn, producer, "trickle 10/s, two replicas", trickle, 10))
                row(await scenario(conn, producer, f"burst of {burst}, two replicas", burst, None))
        gaps = await conn.fetchval("SELECT count(*) FROM (SELECT org_id, year, max(seq) - count(*) AS gap "
                                   "FROM certificates GROUP BY org_id, year) g WHERE gap <> 0")
        print(f"organisations whose numbers have a gap: {gaps}", flush=True)
        rows.append(Row("certificate organisations whose numbers have a gap", gaps, "", goal="0", met=gaps == 0))
    finally:
        report(*rows)
        await producer.stop()
        await conn.close()


def main() -> None:
    stack = Stack(prefix=f"balai_bench_{os.getpid()}", drop_databases_on_exit=True,
                  gateway_port=free_port(), kafka_port=free_port(), fresh_databases=True,
                  state_dir=ROOT / ".state" / "bench", seed=False)
    with stack:
        base = in_process_baseline(stack)
        asyncio.run(run(stack, base))


if __name__ == "__main__":
    main()
