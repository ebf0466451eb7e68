"""Load through the gateway: whole participant journeys that make events flow through every consumer.

One journey: register (identity) -> log in -> enter a business (ukm) -> wait until training's local
copies let her enrol -> enrol (training) -> an admin verifies -> she confirms attendance. Journeys
are grouped in waves, one residential training each; when a wave's journeys are done its admin
records attendance and closes the training (TrainingCompleted). Events reach: training, ukm and
lodging (ParticipantRegistered), training (BusinessRegistered), identity and certificate
(EnrollmentSubmitted), lodging and ukm (AttendanceConfirmed), certificate and survey
(TrainingCompleted).

Registering and entering a business run in one pool, the rest in another: while the broker is
frozen enrolling waits for the copies, but registrations keep flowing (they must not depend on it).
A step answered 5xx (or not answered) is retried like a patient user would; a step that then gets
a 4xx abandons the journey. Only what the system acknowledged (201/200) is expected to have effects.
"""
from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

import httpx

from services.training.tests.support import WIB, png, training_body
from services.ukm.tests.support import business_form, photo_files
from tests.factories import participant_form, png_photo

TRAINING = "/api/training"
RETRYABLE = {502, 503, 504}
LOAD_KEEPALIVE_SECONDS = 2.0


class Abandoned(Exception):
    pass


@dataclass
class Wave:
    training_id: str
    size: int
    started: int = 0
    finished: int = 0
    confirmed: list[str] = field(default_factory=list)
    closed: bool = False


@dataclass
class Results:
    participants: list[str] = field(default_factory=list)
    businesses: list[str] = field(default_factory=list)
    submitted: list[tuple[str, str]] = field(default_factory=list)  # (enrollment, participant)
    confirmed: list[str] = field(default_factory=list)
    completed: list[str] = field(default_factory=list)
    abandoned: int = 0
    requests: int = 0
    status: Counter = field(default_factory=Counter)  # (service, status class) -> count
    errors: list[str] = field(default_factory=list)


def service_of(path: str) -> str:
    parts = path.split("/")
    return parts[2] if len(parts) > 2 and parts[1] == "api" else "gateway"


class Load:
    def __init__(self, gateway_url: str, admin_password: str, *, wave_size: int = 10,
                 concurrency: int = 6, step_timeout: float = 300) -> None:
        self.url = gateway_url
        self.admin_password = admin_password
        self.wave_size = wave_size
        self.concurrency = concurrency
        self.step_timeout = step_timeout
        self.results = Results()
        self.waves: list[Wave] = []
        self.stop = asyncio.Event()
        self.progress = 0  # journeys finished
        self._wave_lock = asyncio.Lock()
        self._admin: dict[str, str] | None = None
        self._admin_at = 0.0

    # -- HTTP with patience -------------------------------------------------------------
    async def call(self, client: httpx.AsyncClient, method: str, path: str, *, ok=(200, 201),
                   attempts: int = 60, **kw) -> httpx.Response:
        svc = service_of(path)
        for _ in range(attempts):
            self.results.requests += 1
            try:
                r = await client.request(method, path, **kw)
            except httpx.HTTPError as exc:  # the gateway itself did not answer
                self.results.status[("gateway", "no-answer")] += 1
                self.results.errors.append(f"{method} {path}: {type(exc).__name__}")
                await asyncio.sleep(1)
                continue
            self.results.status[(svc, f"{r.status_code // 100}xx")] += 1
            if r.status_code >= 500:
                if len(self.results.errors) < 50:
                    self.results.errors.append(f"{method} {path}: {r.status_code} {r.text[:120]}")
                await asyncio.sleep(1)
                continue
            if r.status_code in ok:
                return r
            raise Abandoned(f"{method} {path}: {r.status_code} {r.text[:200]}")
        raise Abandoned(f"{method} {path}: still failing after {attempts} attempts")

    async def admin(self, client) -> dict[str, str]:
        if self._admin is None or time.monotonic() - self._admin_at > 600:
            r = await self.call(client, "POST", "/api/identity/auth/login",
                                json={"login": "admin.jateng", "password": self.admin_password})
            self._admin = {"Authorization": f"Bearer {r.json()['access_token']}"}
            self._admin_at = time.monotonic()
        return self._admin

    # -- waves ----------------------------------------------------------------------------
    async def wave_for_next(self, client) -> Wave:
        async with self._wave_lock:
            if not self.waves or self.waves[-1].started >= self.wave_size:
                r = await self.call(client, "POST", f"{TRAINING}/admin/trainings", headers=await self.admin(client),
                                    json=training_body(quota=self.wave_size, requirements=dict(
                                        age_max=60, permits=["nib"], checklist=["NIB"])))
                self.waves.append(Wave(r.json()["id"], self.wave_size))
            wave = self.waves[-1]
            wave.started += 1
            return wave

    async def finish(self, client, wave: Wave, *, final: bool = False) -> None:
        wave.finished += 1
        if wave.finished >= wave.size or (final and wave.finished >= wave.started):
            await self.close(client, wave)

    async def close(self, client, wave: Wave) -> None:
        if wave.closed:
            return
        wave.closed = True
        try:
            admin = await self.admin(client)
            if wave.confirmed:
                today = datetime.now(WIB).date().isoformat()
                await self.call(client, "PUT", f"{TRAINING}/admin/trainings/{wave.training_id}/attendance",
                                headers=admin, json={"day": today, "records": [
                                    {"enrollment_id": e, "present": True} for e in wave.confirmed]})
            # closing twice answers 409: a retry after a lost answer must not count as closed twice
            r = await self.call(client, "POST", f"{TRAINING}/admin/trainings/{wave.training_id}/close",
                                headers=admin, ok=(200, 409))
            if r.status_code == 200 and r.json().get("completed") != len(wave.confirmed):
                self.results.errors.append(
                    f"close {wave.training_id}: {r.json().get('completed')} != {len(wave.confirmed)}")
        except Abandoned as exc:  # then its completions are missing: the check reports them lost
            self.results.errors.append(f"close failed: {str(exc)[:200]}")
        self.results.completed.extend(wave.confirmed)

    # -- one journey ---------------------------------------------------------------------
    async def register(self, client) -> tuple[str, dict[str, str], str]:
        form = participant_form()
        files = {"photo": ("foto.png", png_photo(), "image/png")}
        r = await self.call(client, "POST", "/api/identity/participants", data=form, files=files, attempts=1)
        pid = r.json()["id"]
        self.results.participants.append(pid)
        r = await self.call(client, "POST", "/api/identity/auth/login",
                            json={"login": form["username"], "password": form["password"]})
        me = {"Authorization": f"Bearer {r.json()['access_token']}"}
        r = await self.call(client, "POST", "/api/ukm/businesses", data=business_form(), files=photo_files(1),
                            headers=me, attempts=1)
        business = r.json()["id"]
        self.results.businesses.append(business)
        return pid, me, business

    async def enrol(self, client, wave: Wave, pid: str, me: dict[str, str], business: str) -> None:
        deadline = time.monotonic() + self.step_timeout
        while True:  # the copies of her and her business reach training by events
            r = await self.call(client, "GET", f"{TRAINING}/trainings/{wave.training_id}/eligibility",
                                params={"business_id": business}, headers=me, ok=(200, 409))
            if r.status_code == 200:
                if not r.json()["eligible"]:
                    raise Abandoned(f"not eligible: {r.text[:200]}")
                break
            if time.monotonic() > deadline:
                raise Abandoned("copies never reached training")
            await asyncio.sleep(0.5)
        r = await self.call(client, "POST", f"{TRAINING}/trainings/{wave.training_id}/enrollments",
                            data={"business_id": business, "ticks": ["0"]}, headers=me, attempts=1)
        enrollment = r.json()["id"]
        self.results.submitted.append((enrollment, pid))
        await self.call(client, "POST", f"{TRAINING}/admin/enrollments/{enrollment}/verify",
                        headers=await self.admin(client), attempts=1)
        await self.call(client, "POST", f"{TRAINING}/enrollments/{enrollment}/confirm", headers=me,
                        files={"photo": ("biru.png", png((30, 90, 200)), "image/png")}, attempts=1)
        wave.confirmed.append(enrollment)
        self.results.confirmed.append(enrollment)

    # -- driving ----------------------------------------------------------------------------
    async def run(self, n: int, *, until_stopped: bool = False) -> Results:
        """Run `n` journeys (or, with until_stopped, as many as fit until `stop` is set, at least n)."""
        registered: asyncio.Queue = asyncio.Queue()
        # idle connections kept 2 s: less than the gateway's drain on SIGTERM (tests/chaos/stack.py
        # DRAIN_SECONDS) and its uvicorn's --timeout-keep-alive (5 s), so the gateway never closes
        # an idle connection this client is about to send a POST on (docs/operations.md)
        limits = httpx.Limits(max_connections=4 * self.concurrency, keepalive_expiry=LOAD_KEEPALIVE_SECONDS)
        async with httpx.AsyncClient(base_url=self.url, timeout=120, limits=limits) as client:
            await self.admin(client)
            counter = {"next": 0}

            def more() -> bool:
                if counter["next"] < n:
                    return True
                return until_stopped and not self.stop.is_set()

            async def registrar() -> None:
                while more():
                    counter["next"] += 1
                    try:
                        wave = await self.wave_for_next(client)
                    except Abandoned as exc:
                        self._abandon(exc)
                        continue
                    try:
                        pid, me, business = await self.register(client)
                    except Abandoned as exc:
                        self._abandon(exc)
                        await self.finish(client, wave)
                        continue
                    await registered.put((wave, pid, me, business))

            async def enroller() -> None:
                while True:
                    item = await registered.get()
                    if item is None:
                        return
                    wave, pid, me, business = item
                    try:
                        await self.enrol(client, wave, pid, me, business)
                    except Abandoned as exc:
                        self._abandon(exc)
                    self.progress += 1
                    await self.finish(client, wave)

            enrollers = [asyncio.create_task(enroller()) for _ in range(2 * self.concurrency)]
            await asyncio.gather(*(registrar() for _ in range(self.concurrency)))
            for _ in enrollers:
                await registered.put(None)
            await asyncio.gather(*enrollers)
            for wave in self.waves:  # a last, partly filled wave
                await self.close(client, wave)
        return self.results

    def _abandon(self, exc: Exception) -> None:
        self.results.abandoned += 1
        if len(self.results.errors) < 50:
            self.results.errors.append(f"abandoned: {str(exc)[:200]}")

    async def wait_progress(self, k: int, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while self.progress < k and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
