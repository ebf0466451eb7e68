"""The outside subscriber example (examples/edukasi_subscriber) against the dev stack.

It runs as its own process with the project's Python and PYTHONPATH=examples/edukasi_subscriber/src
(its dependencies, aiokafka and pydantic, are in the project venv); it imports no Balai package.
"""
from __future__ import annotations

import ast
import json
import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from services.ukm.tests.support import API, attendance, create_business, new_participant, publish, wait_for

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "edukasi_subscriber"
SRC = EXAMPLE / "src"


def _example():
    """Import the example's modules by path (it is not a workspace package)."""
    if str(SRC) not in sys.path:
        sys.path.insert(0, str(SRC))
    from edukasi_subscriber import models, showcase
    return models, showcase


def test_example_imports_no_balai_package():
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            for name in names:
                top = name.split(".")[0]
                assert not top.startswith("balai") and top not in {
                    "identity", "ukm", "training", "lodging", "certificate", "survey", "gateway", "services"}, (
                    f"{path.name} imports {name}")
    deps = (EXAMPLE / "pyproject.toml").read_text()
    assert "balai" not in deps.split("dependencies", 1)[1].split("]", 1)[0]


def test_models_read_only_fields_the_asyncapi_document_publishes():
    models, _ = _example()
    schemas = json.loads((ROOT / "docs/asyncapi/ukm.json").read_text())["components"]["schemas"]
    for model, published in ((models.ProductShowcased, "ProductShowcasedV1"),
                             (models.ProductWithdrawn, "ProductWithdrawnV1")):
        assert set(model.model_fields) <= set(schemas[published]["required"]), published
    envelope = schemas["ProductShowcasedMessage"]["properties"]
    assert set(models.Envelope.model_fields) - {"data"} <= set(envelope)


def _env(models, kind: str, product_id: uuid.UUID, at: datetime, **data):
    base = {"product_id": str(product_id), "business_id": str(uuid.uuid4()), "organisation_id": str(uuid.uuid4())}
    if kind == "ProductShowcased":
        base |= dict(name="Keripik", description="", category="makanan", price_min=None, price_max=None,
                     photo_url=None, business_name="Usaha", brand="Merk", regency_code="33.74",
                     regency_name="Kota Semarang", permits=[], training_id=str(uuid.uuid4()),
                     training_title="Pelatihan", training_start_date="2026-01-05", showcased_at=at.isoformat(),
                     a_field_added_later="ignored")
    else:
        base |= dict(reason="hidden_by_owner", withdrawn_at=at.isoformat())
    return models.Envelope(id=uuid.uuid4(), type=kind, source="ukm", occurred_at=at, subject=str(product_id),
                           data=base | data)


def test_showcase_is_idempotent_and_an_older_event_never_wins(tmp_path):
    models, showcase_mod = _example()
    showcase = showcase_mod.Showcase(tmp_path / "s.sqlite")
    pid, t0 = uuid.uuid4(), datetime(2026, 1, 5, tzinfo=UTC)
    shown = _env(models, "ProductShowcased", pid, t0)
    gone = _env(models, "ProductWithdrawn", pid, t0 + timedelta(minutes=1))
    assert showcase.apply(shown) == "shown"
    assert showcase.apply(shown) == "duplicate"
    assert [p["product_id"] for p in showcase.shown()] == [str(pid)]
    assert showcase.apply(gone) == "withdrawn"
    late = _env(models, "ProductShowcased", pid, t0 - timedelta(minutes=1))
    assert showcase.apply(late) == "stale"
    assert showcase.shown() == []
    again = _env(models, "ProductShowcased", pid, t0 + timedelta(minutes=2), name="Keripik Baru")
    assert showcase.apply(again) == "shown"
    assert [p["name"] for p in showcase.shown()] == ["Keripik Baru"]
    other_version = models.Envelope(**{**again.model_dump(), "id": uuid.uuid4(), "version": 2})
    assert showcase.apply(other_version) == "ignored"
    showcase.close()


def _shown(db: Path) -> set[str]:
    if not db.exists():
        return set()
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT product_id FROM products WHERE state = 'shown'")}


@pytest.mark.integration
async def test_subscriber_follows_showcase_and_withdrawal(balai_stack, tmp_path):
    db = tmp_path / "showcase.sqlite"
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONUNBUFFERED": "1"}
    log = open(tmp_path / "subscriber.log", "wb")  # noqa: SIM115 - the child writes to it
    proc = subprocess.Popen(
        [sys.executable, "-m", "edukasi_subscriber", "run", "--bootstrap", balai_stack.kafka_bootstrap,
         "--db", str(db), "--group", f"edukasi-test-{uuid.uuid4().hex[:6]}"],
        env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60) as client:
            pid, headers = await new_participant(client)
            business = await create_business(client, headers, photos=1)
            product = business["products"][0]["id"]
            await publish(balai_stack.kafka_bootstrap, [attendance(business["id"], pid)])

            async def shown() -> bool:
                return product in _shown(db)

            async def gone() -> bool:
                return product not in _shown(db)

            await wait_for(shown, timeout=90)
            r = await client.post(f"{API}/products/{product}/hide", headers=headers)
            assert r.status_code == 200, r.text
            await wait_for(gone, timeout=60)
            r = await client.post(f"{API}/products/{product}/unhide", headers=headers)
            assert r.status_code == 200, r.text
            await wait_for(shown, timeout=60)
        listed = subprocess.run([sys.executable, "-m", "edukasi_subscriber", "list", "--db", str(db)],
                                env=env, capture_output=True, text=True, check=True)
        assert product in {p["product_id"] for p in json.loads(listed.stdout)}
        assert proc.poll() is None, (tmp_path / "subscriber.log").read_text()[-2000:]
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(15)
        log.close()
    assert proc.returncode == 0, (tmp_path / "subscriber.log").read_text()[-2000:]
