"""The renderer: pending certificates -> PDF (reportlab) -> PAdES signature -> stored -> CertificateIssued.

Every replica runs one loop. It claims one pending row at a time with SKIP LOCKED (so replicas
share the work and never render one certificate twice), stores the signed PDF and its SHA-256 in
the same transaction as the outbox event, and is woken right after an issuing commit; a sweep
every few seconds picks up rows left pending by a crash or a missing signing key."""
from __future__ import annotations

import asyncio
import contextlib
import hashlib
import time
import uuid
from functools import partial

from balai_platform.logging import get_logger

from ..domain.certificate import Certificate
from ..domain.document import CertificateContent
from ..domain.indonesian import predicate_for
from ..domain.template import OrgTemplate
from .context import CertificateContext

log = get_logger("rendering")
RETRY_FAILED_SECONDS = 60.0


def content_of(ctx: CertificateContext, cert: Certificate) -> CertificateContent:
    title = cert.training_title
    batch = "" if "angkatan" in title.lower() else str(cert.batch)  # training titles usually carry it
    return CertificateContent(
        number=cert.number or "", holder_name=cert.holder_name, training_title=title, batch=batch,
        kind=cert.kind, level=cert.level, start_date=cert.start_date, end_date=cert.end_date, hours=cert.hours,
        score=cert.score, predicate=predicate_for(cert.score), issued_on=cert.issued_on,
        verification_url=ctx.verification_url(cert.code), syllabus=cert.syllabus)


async def signed_pdf(ctx: CertificateContext, cert: Certificate, template: OrgTemplate) -> bytes:
    location, reason = template.content.place, f"Sertifikat pelatihan nomor {cert.number}"
    if ctx.pool is not None:  # a worker process: this process's event loop stays free
        from ..adapters.render_worker import render_and_sign

        p12, password = ctx.signing_material(cert.org_id)  # fails before rendering when no key is set
        call = partial(render_and_sign, content_of(ctx, cert), template.content, p12, password,
                       location=location, reason=reason)
        return await asyncio.get_running_loop().run_in_executor(ctx.pool, call)
    from ..adapters.pdf_render import render_certificate

    signer = ctx.signer(cert.org_id)
    pdf = await asyncio.to_thread(render_certificate, content_of(ctx, cert), template.content)
    return await signer.sign(pdf, location=location, reason=reason)


async def render_one(ctx: CertificateContext, skip: set[uuid.UUID]) -> Certificate | None:
    """Render, sign and store the oldest pending certificate; None when there is none."""
    async with ctx.uow() as uow:
        cert = await uow.certificates.claim_pending(skip)
        if cert is None:
            return None
        template = await uow.templates.find(cert.org_id, cert.kind) or ctx.default_template(cert.org_id)
        try:
            pdf = await signed_pdf(ctx, cert, template)
        except Exception as exc:
            skip.add(cert.id)
            log.error("certificate_render_failed", certificate_id=str(cert.id), error=type(exc).__name__,
                      detail=str(exc)[:200])
            return cert
        cert.verification_url = ctx.verification_url(cert.code)
        cert.stored(hashlib.sha256(pdf).hexdigest(), ctx.clock.now())
        await uow.certificates.save(cert, pdf=pdf)
        await uow.commit()
    return cert


async def drain(ctx: CertificateContext, skip: set[uuid.UUID]) -> int:
    done = 0
    while (cert := await render_one(ctx, skip)) is not None:
        done += cert.status == "issued"
    return done


class Renderer:
    """The background loop of one replica."""

    def __init__(self, ctx: CertificateContext) -> None:
        self.ctx = ctx
        self.task: asyncio.Task | None = None
        self.failed: set[uuid.UUID] = set()
        self.failed_since = time.monotonic()

    def start(self) -> None:
        workers = self.ctx.settings.render_processes
        if workers > 0:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            from ..adapters.render_worker import warm_up

            # spawn, not fork: this process already runs an event loop and threads
            self.ctx.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            self.ctx.pool.submit(warm_up)  # start the worker and import reportlab/pyHanko now, not on demand
        self.task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task
        if self.ctx.pool is not None:
            self.ctx.pool.shutdown(wait=False, cancel_futures=True)
            self.ctx.pool = None

    async def _loop(self) -> None:
        while True:
            self.ctx.wake.clear()
            if time.monotonic() - self.failed_since > RETRY_FAILED_SECONDS:
                self.failed, self.failed_since = set(), time.monotonic()
            try:
                await drain(self.ctx, self.failed)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # database away: the sweep tries again
                log.warning("renderer_failed", error=type(exc).__name__, detail=str(exc)[:200])
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.ctx.wake.wait(), self.ctx.settings.sweep_seconds)
