"""Benchmark of the ukm service (not a test). Prints:
- gallery listing requests/s and p50/p99 with several filters, through the gateway and direct,
  over 10,000 published products,
- latency from AttendanceConfirmed published (acked by the broker) to the product visible in
  the gallery API, p50/p99.
Run: .venv/bin/python bench/ukm_bench.py   (starts its own stack with fresh bench databases)
"""
from __future__ import annotations

import asyncio
import os
import random
import sys
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import aiohttp
import asyncpg
from aiokafka import AIOKafkaProducer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from balai_contracts.envelope import Envelope  # noqa: E402
from balai_contracts.topics import TRAINING_ENROLLMENT  # noqa: E402
from balai_contracts.training import AttendanceConfirmedV1  # noqa: E402
from balai_devstack.infra import free_port  # noqa: E402
from balai_devstack.stack import Stack  # noqa: E402
from bench.benchlib import Row, pct, report  # noqa: E402
from tests.factories import png_photo  # noqa: E402
from ukm.adapters.gallery_sql import _NAMES, _SELECT  # noqa: E402

PRODUCTS = 10_000
PER_BUSINESS = 5
REGENCIES = ["33.74", "33.72", "33.29", "33.06", "33.19", "35.78", "35.73", "35.15", "35.07", "35.25"]
WORDS = ["Roti", "Keripik", "Batik", "Kopi", "Sambal", "Tas", "Madu", "Jamu", "Dodol", "Tenun", "Bakpia", "Abon"]
CATEGORIES = ["makanan", "minuman", "batik", "kerajinan", "herbal", "pakaian"]
ORG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")


async def insert_businesses(conn, n: int, prefix: str) -> list[uuid.UUID]:
    ids = [uuid.uuid4() for _ in range(n)]
    rows = []
    for i, bid in enumerate(ids):
        reg = REGENCIES[i % len(REGENCIES)]
        word = WORDS[i % len(WORDS)]
        rows.append((bid, f"{prefix} {word} {i}", f"Merk {word} {i}", reg, f"{reg}.01", f"{reg}.01.1001",
                     "1234567890123" if i % 2 else None, f"ID{i:017d}" if i % 3 == 0 else None,
                     f"P-IRT {i}" if i % 4 == 0 else None, uuid.uuid4()))
    await conn.executemany("""
        INSERT INTO businesses (id, kind, permit_kind, permit_number, name, owner_name, address, province_code,
            regency_code, district_code, village_code, regency_name, category, specification, halal_number,
            pirt_number, brand, founded_year, phone, legal_form, capacity, capacity_unit, net_profit_month,
            product_type, workforce_male, workforce_female, sector, assets, turnover, market_segment,
            distribution_channel, size_class, search_text, created_by)
        VALUES ($1, 'ukm', CASE WHEN $7::varchar IS NULL THEN 'belum_ada' ELSE 'nib' END, $7::varchar, $2::varchar,
            'Pemilik Bench', 'Jl. Bench No. 1', left($4::varchar, 2), $4::varchar, $5, $6,
            'Kab/Kota ' || $4::varchar, 'makanan_minuman', 'Bench', $8, $9, $3,
            2015, '6281234567890', 'perorangan', 100, 'pcs', 5000000, 'makanan', 1, 1, 'industri_pengolahan',
            100000000, 500000000, 'kab_kota', 'produsen_konsumen', 'mikro', lower($2::varchar), $10)""", rows)
    return ids


async def insert_products(conn, business_ids: list[uuid.UUID], per_business: int, photo: bytes) -> list[uuid.UUID]:
    rows, photos = [], []
    for i, bid in enumerate(business_ids):
        for j in range(per_business):
            pid = uuid.uuid4()
            word = WORDS[(i + j) % len(WORDS)]
            rows.append((pid, bid, f"{word} {random.choice(['Spesial', 'Asli', 'Premium', 'Rumahan'])} {i}-{j}",
                         CATEGORIES[(i + j) % len(CATEGORIES)], 10_000 * (j + 1), 20_000 * (j + 1)))
            photos.append((pid, photo))
    await conn.executemany("""INSERT INTO products (id, business_id, name, description, category, price_min,
        price_max, photo_count) VALUES ($1, $2, $3, 'Produk bench', $4, $5, $6, 1)""", rows)
    await conn.executemany("""INSERT INTO product_photos (product_id, n, data, content_type, etag)
        VALUES ($1, 1, $2, 'image/png', 'bench')""", photos)
    return [r[0] for r in rows]


async def seed(dsn: str) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        t = time.perf_counter()
        ids = await insert_businesses(conn, PRODUCTS // PER_BUSINESS, "UKM Bench")
        await insert_products(conn, ids, PER_BUSINESS, png_photo())
        training = uuid.uuid4()
        await conn.executemany("""INSERT INTO business_trainings (business_id, training_id, org_id, title, start_date,
            end_date, enrollment_id, confirmed_at) VALUES ($1, $2, $3, 'Bench Angkatan 1', '2026-01-05',
            '2026-01-08', $4, now())""", [(b, training, ORG, uuid.uuid4()) for b in ids])
        await conn.execute(f"""INSERT INTO gallery_entries (product_id, business_id, org_id, training_id,
            enrollment_id, published_at, showcased_at, {_NAMES})
            SELECT p.id, b.id, $1, $2, gen_random_uuid(), now() - random() * interval '90 days', now(), {_SELECT}
            FROM products p JOIN businesses b ON b.id = p.business_id""", ORG, training)
        await conn.execute("ANALYZE")
        print(f"seeded {PRODUCTS} gallery products in {time.perf_counter() - t:.1f} s")
    finally:
        await conn.close()


async def hammer(session, url: str, n: int, concurrency: int) -> tuple[float, list[float]]:
    lat: list[float] = []
    left = iter(range(n))

    async def worker():
        for _ in left:
            t = time.perf_counter()
            async with session.get(url) as r:
                assert r.status == 200, await r.text()
                await r.read()
            lat.append((time.perf_counter() - t) * 1000)

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return n / (time.perf_counter() - start), lat


async def visibility_latency(session, stack: Stack, dsn: str, n: int) -> list[float]:
    """AttendanceConfirmed acked by the broker -> GET /gallery/{product} answers 200 (direct, polled)."""
    conn = await asyncpg.connect(dsn)
    try:
        ids = await insert_businesses(conn, n + 1, "Latency")
        products = await insert_products(conn, ids, 1, png_photo())
    finally:
        await conn.close()
    producer = AIOKafkaProducer(bootstrap_servers=stack.kafka_bootstrap, acks="all", linger_ms=0)
    await producer.start()
    base = stack.service_url("ukm")

    async def send(bid: uuid.UUID) -> None:
        e = AttendanceConfirmedV1(
            enrollment_id=uuid.uuid4(), org_id=ORG, training_id=uuid.uuid4(), training_title="Bench",
            start_date=date(2026, 2, 1), end_date=date(2026, 2, 3), mode="online", residential=False,
            participant_id=uuid.uuid4(), participant_name="Bench", sex="L", business_id=bid, business_name="Bench",
            confirmed_at=datetime.now(UTC))
        env = Envelope.wrap(e, source="training", subject=str(e.enrollment_id))
        await producer.send_and_wait(TRAINING_ENROLLMENT, env.model_dump_json().encode(), key=env.subject.encode())

    async def wait_visible(pid: uuid.UUID, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            async with session.get(f"{base}/gallery/{pid}") as r:
                await r.read()
                if r.status == 200:
                    return
            await asyncio.sleep(0.002)
        raise TimeoutError("product never became visible")

    await send(ids[0])  # warm-up: waits for the consumer group to be joined
    await wait_visible(products[0])
    lat = []
    for bid, pid in zip(ids[1:], products[1:], strict=False):
        await send(bid)
        t = time.perf_counter()
        await wait_visible(pid)
        lat.append((time.perf_counter() - t) * 1000)
        await asyncio.sleep(0.02)
    await producer.stop()
    return lat


async def run(stack: Stack) -> None:
    dsn = stack.database_url("ukm").replace("postgresql+asyncpg://", "postgresql://", 1)
    await seed(dsn)
    scenarios = {
        "page 1, newest": "/gallery?per_page=24",
        "regency filter": "/gallery?regency_code=33.74&per_page=24",
        "category+permit": "/gallery?category=batik&permit=halal&per_page=24",
        "text search 'roti'": "/gallery?q=roti&per_page=24",
        "search+regency, by name": "/gallery?q=kopi%20asli&regency_code=35.78&sort=name",
        "deep page 200": "/gallery?page=200&per_page=24",
    }
    connector = aiohttp.TCPConnector(limit=64)
    async with aiohttp.ClientSession(connector=connector) as session:
        results = []
        for name, path in scenarios.items():
            for label, base in (("gateway", stack.gateway_url + "/api/ukm"), ("direct", stack.service_url("ukm"))):
                await hammer(session, base + path, 100, 8)  # warm-up
                rate, lat = await hammer(session, base + path, 1500, 32)
                results.append((name, label, rate, pct(lat, 50), pct(lat, 99)))
        lat_vis = await visibility_latency(session, stack, dsn, 100)
    print(f"\n== Balai ukm benchmark ({PRODUCTS} products in the gallery; 1500 requests x 32 concurrent) ==")
    for name, label, rate, p50, p99 in results:
        print(f"{name:26s} {label:8s}: {rate:7.1f} req/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms")
    print(f"AttendanceConfirmed acked -> visible in gallery: p50 {pct(lat_vis, 50):6.1f} ms  "
          f"p99 {pct(lat_vis, 99):6.1f} ms  (100 sequential events, polled every 2 ms)")
    report(*(Row(f"ukm gallery {name} {label} (Python client), req/s", rate, "req/s", goal=f"p99 {p99:.0f} ms")
             for name, label, rate, _, p99 in results if name in ("text search 'roti'", "deep page 200")),
           Row("ukm AttendanceConfirmed -> visible in gallery, p99", pct(lat_vis, 99), "ms"))


def main() -> None:
    stack = Stack(prefix=f"balai_bench_ukm_{os.getpid()}", drop_databases_on_exit=True, gateway_port=free_port(), kafka_port=free_port(), fresh_databases=True,
                  state_dir=ROOT / ".state" / "bench", seed=False,
                  extra_env={"GATEWAY_RATE_LIMIT_PER_MINUTE": "10000000",
                             "GATEWAY_LOGIN_RATE_LIMIT_PER_MINUTE": "10000000"})
    with stack:
        asyncio.run(run(stack))


if __name__ == "__main__":
    main()
