"""Start the whole Balai system: broker, databases, migrations, topics, services, demo data."""
from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from balai_contracts.topics import ALL_TOPICS, PARTITIONS, dlq
from balai_platform.auth import generate_keypair
from balai_platform.crypto import new_key_b64

from .infra import (
    Postgres,
    create_database,
    create_topics,
    drop_databases,
    free_port,
    port_open,
    resolve_postgres,
    start_broker,
)

ROOT = Path(__file__).resolve().parents[4]


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    app: str
    database: bool = True
    seeds: bool = True  # has a `python -m <name> seed-demo --admin-username .. --admin-password ..`


def _available(spec: ServiceSpec) -> bool:
    """A service joins the stack once its app module exists (services land one by one)."""
    import importlib.util

    return importlib.util.find_spec(spec.app.split(":")[0]) is not None


SERVICES = [spec for spec in (
    ServiceSpec("identity", "identity.main:create_app"),
    ServiceSpec("ukm", "ukm.main:create_app"),
    ServiceSpec("training", "training.main:create_app"),
    ServiceSpec("lodging", "lodging.main:create_app"),
    ServiceSpec("survey", "survey.main:create_app"),
    ServiceSpec("certificate", "certificate.main:create_app"),
) if _available(spec)]
GATEWAY = ServiceSpec("gateway", "gateway.main:create_app", database=False)


def load_keys(state_dir: Path) -> dict:
    """Key material persists with the data it protects (.state/keys.json)."""
    path = state_dir / "keys.json"
    if path.exists():
        keys = json.loads(path.read_text())
        if "survey_form" in keys:
            return keys
        keys["survey_form"] = new_key_b64()  # added with the survey service: older states lack it
    else:
        private, public = generate_keypair()
        keys = {"jwt_private": private, "jwt_public": public, "pii": {"k1": new_key_b64()},
                "blind_index": new_key_b64(), "survey_form": new_key_b64()}
    state_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(keys))
    path.chmod(0o600)
    return keys


def certificate_env(state_dir: Path, keys: dict, public_base_url: str) -> dict[str, str]:
    """A dev CA and one signing certificate per demo organisation (kept under .state like keys.json),
    the Open Badges issuer key and the demo organisations' profiles."""
    from certificate.adapters.devpki import write_dev_pki
    from certificate.demo import DEMO_PROFILES, dev_pki_orgs

    if "badge_private" not in keys:
        keys["badge_private"] = generate_keypair()[0]
        (state_dir / "keys.json").write_text(json.dumps(keys))
    password = keys.setdefault("pki_password", "balai-dev")
    orgs = dev_pki_orgs()
    paths = write_dev_pki(state_dir / "certificate-pki", [(f, name, signer) for _, f, name, signer in orgs], password)
    signing = {org_id: {"p12_path": str(paths[f]), "password": password} for org_id, f, _, _ in orgs}
    return {"CERTIFICATE_SIGNING_KEYS": json.dumps(signing), "CERTIFICATE_BADGE_PRIVATE_KEY": keys["badge_private"],
            "CERTIFICATE_PUBLIC_BASE_URL": public_base_url,
            "CERTIFICATE_ORG_PROFILES": json.dumps({k: p.model_dump() for k, p in DEMO_PROFILES.items()})}


@dataclass
class Stack:
    prefix: str = "balai"
    gateway_port: int = 8000
    kafka_port: int = 9092
    fresh_databases: bool = False
    state_dir: Path = ROOT / ".state"
    admin_username: str = "admin"
    admin_password: str = "Balai-Demo-2026"
    seed: bool = True
    log_to_console: bool = False
    with_services: bool = True
    extra_env: dict[str, str] = field(default_factory=dict)
    drop_databases_on_exit: bool = False
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)
    pg: Postgres | None = None
    broker: subprocess.Popen | None = None
    # a broker started elsewhere (testcontainers, BALAI_TEST_KAFKA_BOOTSTRAP): no Tansu is started;
    # `broker_controls` (pause()/resume()) stands in for SIGSTOP/SIGCONT when it can
    external_kafka: str | None = None
    broker_controls: object | None = None
    # SIGTERM's drain phase (balai_platform.serve): none for a developer's stack, which has no load
    # balancer to leave; the fault suite drains as a pod does
    drain_seconds: float = 0.0

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.gateway_port}"

    @property
    def kafka_bootstrap(self) -> str:
        return self.external_kafka or f"127.0.0.1:{self.kafka_port}"

    def service_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def database_url(self, name: str) -> str:
        assert self.pg is not None
        return self.pg.database_url(f"{self.prefix}_{name}")

    def log_path(self, name: str) -> Path:
        return self.state_dir / "logs" / f"{self.prefix}-{name}.log"

    def env_for(self, spec: ServiceSpec) -> dict[str, str]:
        k = self.keys
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        p = spec.name.upper() + "_"
        env.update({p + "KAFKA_BOOTSTRAP": self.kafka_bootstrap, p + "JWT_PUBLIC_KEY": k["jwt_public"]})
        if spec.database:
            env[p + "DATABASE_URL"] = self.database_url(spec.name)
        if spec.name == "identity":
            env.update({
                "IDENTITY_JWT_PRIVATE_KEY": k["jwt_private"], "IDENTITY_PII_KEYS": json.dumps(k["pii"]),
                "IDENTITY_PII_ACTIVE_KEY_ID": "k1", "IDENTITY_BLIND_INDEX_KEY": k["blind_index"],
                "IDENTITY_DEV_MAILBOX": "true", "IDENTITY_PUBLIC_BASE_URL": self.gateway_url})
        if spec.name == "survey":
            env.update({"SURVEY_FORM_SECRET": k["survey_form"],
                        "SURVEY_PUBLIC_BASE_URL": self.gateway_url})
        if spec.name == "certificate":
            env.update(certificate_env(self.state_dir, self.keys, self.gateway_url))
        if spec.name == "gateway":
            env["GATEWAY_SERVICE_URLS"] = json.dumps({s.name: self.service_url(s.name) for s in SERVICES})
        env.update(self.extra_env)
        return env

    def _run(self, spec: ServiceSpec, *args: str) -> None:
        self._run_all([spec], *args)

    def _run_all(self, specs: list[ServiceSpec], *args: str) -> None:
        """`python -m <service> *args` for every spec at once (each its own database); all must succeed."""
        procs = [(spec, subprocess.Popen([sys.executable, "-m", spec.name, *args], env=self.env_for(spec), cwd=ROOT,
                                         stdout=subprocess.DEVNULL if not self.log_to_console else None))
                 for spec in specs]
        failed = [spec.name for spec, proc in procs if proc.wait() != 0]
        if failed:
            raise RuntimeError(f"{' '.join(args)} failed for {', '.join(failed)}")

    def migrate(self, specs: list[ServiceSpec]) -> None:
        """Every service's migrations in one process (balai_devstack.migrate_all): one interpreter
        and one import of SQLAlchemy/Alembic instead of one per service (2.4 s of CPU instead of 15)."""
        env: dict[str, str] = {}
        for spec in specs:
            env.update(self.env_for(spec))
        subprocess.run([sys.executable, "-m", "balai_devstack.migrate_all", *(spec.name for spec in specs)],
                       env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL if not self.log_to_console else None)

    def start_service(self, spec: ServiceSpec, *, key: str | None = None, port: int | None = None) -> None:
        """Start a service process; `key`/`port` name and place another instance of it."""
        key = key or spec.name
        port = port or (self.gateway_port if spec is GATEWAY else self.ports[spec.name])
        out = None if self.log_to_console else open(self.log_path(key), "ab")  # noqa: SIM115 - the child keeps it
        self.procs[key] = subprocess.Popen(
            [sys.executable, "-m", "balai_platform.serve", spec.app, "--factory", "--host", "127.0.0.1",
             "--port", str(port), "--no-access-log", "--timeout-graceful-shutdown", "5",
             "--drain-seconds", str(self.drain_seconds)],
            env=self.env_for(spec), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

    @contextlib.contextmanager
    def second_instance(self, name: str):
        """Another process of service `name` beside the stack's one: own port, same database and
        consumer groups (a scaled-out replica). Yields the process and its log file."""
        spec, key, port = next(s for s in SERVICES if s.name == name), f"{name}-2", free_port()
        self.start_service(spec, key=key, port=port)
        try:
            self.wait_healthy(key, f"http://127.0.0.1:{port}")
            yield self.procs[key], self.log_path(key)
        finally:
            self.stop_service(key)

    def wait_healthy(self, name: str, url: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            proc = self.procs.get(name)
            if proc is not None and proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}; see {self.log_path(name)}")
            with contextlib.suppress(Exception), urllib.request.urlopen(url + "/healthz", timeout=1) as r:
                if r.status == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError(f"{name} not healthy after {timeout}s; see {self.log_path(name)}")

    def start(self) -> Stack:
        (self.state_dir / "logs").mkdir(parents=True, exist_ok=True)
        had_keys = (self.state_dir / "keys.json").exists()
        self.keys = load_keys(self.state_dir)
        if not had_keys:  # data encrypted under lost keys could never be read again: start clean
            self.fresh_databases = True
        if port_open("127.0.0.1", self.gateway_port):
            raise RuntimeError(f"port {self.gateway_port} is taken; set BALAI_GATEWAY_PORT")
        self.pg = resolve_postgres(self.state_dir)
        if self.external_kafka is None:
            self.broker = start_broker(self.kafka_port, self.log_path("broker"))
        topics = [t for topic in ALL_TOPICS for t in (topic, dlq(topic))]
        asyncio.run(self._prepare(topics))
        if not self.with_services:
            return self
        # every step runs for all services at once (each has its own database): on a warm
        # machine `make run` is ready in about half the time of one service after the other
        for spec in SERVICES:
            self.ports[spec.name] = free_port()
        self.migrate([spec for spec in SERVICES if spec.database])
        for spec in [*SERVICES, GATEWAY]:  # the gateway only needs the services' addresses
            self.start_service(spec)
        for spec in SERVICES:
            self.wait_healthy(spec.name, self.service_url(spec.name))
        self.wait_healthy("gateway", self.gateway_url)
        if self.seed:  # identity first: the others' demo data refers to its organisations
            seeds = [spec for spec in SERVICES if spec.seeds]
            args = ("seed-demo", "--admin-username", self.admin_username, "--admin-password", self.admin_password)
            self._run_all([spec for spec in seeds if spec.name == "identity"], *args)
            self._run_all([spec for spec in seeds if spec.name != "identity"], *args)
        return self

    async def _prepare(self, topics: list[str]) -> None:
        await create_topics(self.kafka_bootstrap, topics, PARTITIONS)
        for spec in SERVICES:
            if spec.database:
                await create_database(self.pg, f"{self.prefix}_{spec.name}", fresh=self.fresh_databases)

    def stop_service(self, name: str, sig: int = signal.SIGTERM) -> None:
        self.stop_services([name], sig)

    def stop_services(self, names: list[str], sig: int = signal.SIGTERM) -> None:
        """Signal every process at once, then wait for each (SIGKILL after the drain and 10 s)."""
        procs = [p for p in (self.procs.pop(name, None) for name in names) if p is not None and p.poll() is None]
        for proc in procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)
        deadline = time.monotonic() + 10 + self.drain_seconds
        for proc in procs:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)

    def pause_broker(self) -> None:
        if self.broker is None:
            if self.broker_controls is None:
                raise RuntimeError("the broker was started elsewhere and cannot be paused from here")
            self.broker_controls.pause()
            return
        os.kill(self.broker.pid, signal.SIGSTOP)

    def resume_broker(self) -> None:
        if self.broker is None:
            if self.broker_controls is not None:
                self.broker_controls.resume()
            return
        os.kill(self.broker.pid, signal.SIGCONT)

    def stop(self) -> None:
        if "gateway" in self.procs:
            self.stop_service("gateway")
        self.stop_services(list(self.procs))
        if self.broker is not None and self.broker.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.broker.pid, signal.SIGCONT)
                os.killpg(self.broker.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.broker.wait(5)
        if self.pg is not None and self.drop_databases_on_exit:
            with contextlib.suppress(Exception):
                asyncio.run(drop_databases(self.pg, self.prefix + "_"))
        if self.pg is not None and self.pg.handle is not None:
            with contextlib.suppress(Exception):
                self.pg.handle.cleanup()

    def __enter__(self) -> Stack:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()
