"""SIGTERM's drain (balai_platform.drain, balai_platform.serve) and the readiness verdict.

A stopping process keeps serving for the drain, with `Connection: close` on every answer and
/readyz 503, and only then runs uvicorn's graceful shutdown; a service is ready only once its
consumers joined their groups, unless the broker is unreachable (then it is degraded, not out).
"""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from balai_platform import web
from balai_platform.drain import DRAIN, ConnectionCloseWhileDraining, Drain
from balai_platform.readiness import service_checks
from balai_platform.serve import DrainingServer, parse_args


@pytest.fixture(autouse=True)
def no_drain():
    DRAIN.reset()
    yield
    DRAIN.reset()


# -- readiness ---------------------------------------------------------------------------------
def test_consumers_are_required_once_the_broker_is_reachable():
    required, info = service_checks(database=True, broker=True, consumers=False, requires_broker=False)
    assert required == {"database": True, "consumers": False}
    assert info == {"broker": True}
    required, _ = service_checks(database=True, broker=True, consumers=True, requires_broker=False)
    assert all(required.values())


def test_an_unreachable_broker_only_degrades_even_before_the_consumers_started():
    # the outbox absorbs a broker outage: it must not take every replica out of its Service
    required, info = service_checks(database=True, broker=False, consumers=False, requires_broker=False)
    assert required == {"database": True}
    assert info == {"broker": False, "consumers": False}


def test_a_service_without_consumers_needs_only_its_database():
    assert service_checks(database=True, broker=True, consumers=None, requires_broker=False) == (
        {"database": True}, {"broker": True})
    required, _ = service_checks(database=False, broker=True, consumers=None, requires_broker=False)
    assert not all(required.values())


def test_readiness_requires_broker_makes_broker_and_consumers_required():
    required, info = service_checks(database=True, broker=False, consumers=False, requires_broker=True)
    assert required == {"database": True, "broker": False, "consumers": False}
    assert info == {}


def app_with_readyz(checks) -> FastAPI:
    async def readiness():
        return checks

    app = FastAPI()
    web.install(app, service="t", readiness=readiness)

    @app.post("/things")
    async def create():
        return {"ok": True}

    app.add_middleware(ConnectionCloseWhileDraining)
    return app


def client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


async def test_readyz_answers_503_until_the_consumers_started_then_200():
    checks = service_checks(database=True, broker=True, consumers=False, requires_broker=False)
    async with client(app_with_readyz(checks)) as c:
        r = await c.get("/readyz")
    assert r.status_code == 503
    assert r.json()["checks"]["consumers"] is False
    checks = service_checks(database=True, broker=True, consumers=True, requires_broker=False)
    async with client(app_with_readyz(checks)) as c:
        r = await c.get("/readyz")
    assert r.status_code == 200 and r.json()["status"] == "ok"


async def test_readyz_answers_503_draining_and_every_answer_closes_its_connection():
    async with client(app_with_readyz(({"database": True}, {}))) as c:
        r = await c.get("/readyz")
        assert r.status_code == 200 and "connection" not in r.headers
        assert "connection" not in (await c.post("/things")).headers
        DRAIN.start()
        r = await c.get("/readyz")
        assert r.status_code == 503 and r.json() == {"status": "draining"}
        assert r.headers["connection"] == "close"
        r = await c.post("/things")
        assert r.status_code == 200 and r.headers["connection"] == "close"


async def test_connection_close_is_decided_when_the_answer_starts():
    drain = Drain()
    started = asyncio.Event()
    release = asyncio.Event()
    app = FastAPI()

    @app.post("/slow")
    async def slow():
        started.set()
        await release.wait()
        return {"ok": True}

    wrapped = ConnectionCloseWhileDraining(app, drain)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=wrapped), base_url="http://t") as c:
        task = asyncio.create_task(c.post("/slow"))
        await started.wait()
        drain.start()  # the request came before the drain, its answer leaves during it
        release.set()
        r = await task
    assert r.headers["connection"] == "close"


# -- the server runner -----------------------------------------------------------------------
def server(drain_seconds: float, drain: Drain) -> DrainingServer:
    config = uvicorn.Config(FastAPI(), timeout_graceful_shutdown=1)
    return DrainingServer(config, drain_seconds=drain_seconds, drain=drain)


async def test_the_first_sigterm_drains_then_the_server_exits():
    drain = Drain()
    s = server(0.3, drain)
    s.handle_exit(signal.SIGTERM, None)
    assert drain.active and not s.should_exit
    assert await s.on_tick(1) is False
    await asyncio.sleep(0.35)
    assert await s.on_tick(2) is True
    assert s._captured_signals == [signal.SIGTERM]  # re-raised after the shutdown: exit status -15


async def test_a_second_signal_cuts_the_drain_short():
    drain = Drain()
    s = server(30, drain)
    s.handle_exit(signal.SIGTERM, None)
    assert not s.should_exit
    s.handle_exit(signal.SIGINT, None)
    assert s.should_exit


async def test_no_drain_stops_at_once():
    drain = Drain()
    s = server(0, drain)
    s.handle_exit(signal.SIGTERM, None)
    assert s.should_exit and not drain.active


def test_cli_defaults(monkeypatch):
    monkeypatch.setenv("BALAI_DRAIN_SECONDS", "2.5")
    args = parse_args(["x.main:create_app", "--factory", "--fd", "3", "--fd", "4"])
    assert args.drain_seconds == 2.5 and args.fd == [3, 4] and args.factory
    monkeypatch.delenv("BALAI_DRAIN_SECONDS")
    assert parse_args(["x:app"]).drain_seconds == 5.0


APP = textwrap.dedent('''
    from fastapi import FastAPI
    from balai_platform import web
    from balai_platform.drain import ConnectionCloseWhileDraining

    async def readiness():
        return {"database": True}, {}

    def create_app():
        app = FastAPI()
        web.install(app, service="t", readiness=readiness)

        @app.post("/things")
        async def create():
            return {"ok": True}

        app.add_middleware(ConnectionCloseWhileDraining)
        return app
''')


def test_a_real_process_drains_on_sigterm(tmp_path):
    (tmp_path / "drain_app.py").write_text(APP)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "balai_platform.serve", "drain_app:create_app", "--factory", "--port", str(port),
         "--drain-seconds", "1.5", "--timeout-graceful-shutdown", "2", "--log-level", "warning"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path)})
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as c:
            deadline = time.monotonic() + 30
            while True:
                try:
                    r = c.get("/readyz")
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline and proc.poll() is None
                    time.sleep(0.1)
            assert r.status_code == 200 and "connection" not in r.headers
            started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            time.sleep(0.3)
            r = c.post("/things")  # still served, on the connection it kept
            assert r.status_code == 200 and r.headers["connection"] == "close"
            r = c.get("/readyz")  # a new connection: still accepted during the drain
            assert r.status_code == 503 and r.json() == {"status": "draining"}
            assert r.headers["connection"] == "close"
        assert proc.wait(15) == -signal.SIGTERM
        assert time.monotonic() - started >= 1.5
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
