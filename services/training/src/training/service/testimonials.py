"""Testimoni: 1-5 stars and a text per training after confirmation; the average; moderation."""
from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert

from balai_platform.auth import Claims

from ..adapters.tables import participants, trainings
from ..adapters.tables_class import testimonials
from ..domain import lifecycle
from . import enrollment_reads
from .access import org_scope, require_org
from .context import TrainingContext
from .errors import Conflict, Forbidden, NotFound
from .views import display_title

MAY_REVIEW = (lifecycle.CONFIRMED, lifecycle.COMPLETED, lifecycle.NOT_COMPLETED)


async def write(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID,
                rating: int, text: str) -> dict:
    """Give or change one's testimonial ("KIRIM ULASAN")."""
    async with ctx.sessionmaker() as s, s.begin():
        x = await enrollment_reads.load(s, enrollment_id)
        if x.e["participant_id"] != participant_id:
            raise Forbidden("Anda tidak berhak memberi ulasan untuk pendaftaran ini")
        online_ok = x.t["mode"] == "online" and x.e["status"] == lifecycle.VERIFIED
        if x.e["status"] not in MAY_REVIEW and not online_ok:
            raise Conflict("Testimoni dapat diisi setelah konfirmasi pelatihan")
        now = ctx.now()
        stmt = insert(testimonials).values(id=uuid.uuid4(), enrollment_id=enrollment_id, training_id=x.t["id"],
                                           participant_id=participant_id, rating=rating, text=text.strip(),
                                           created_at=now, updated_at=now)
        await s.execute(stmt.on_conflict_do_update(
            index_elements=["enrollment_id"],
            set_={"rating": stmt.excluded.rating, "text": stmt.excluded.text, "updated_at": now}))
    return await training_testimonials(ctx, x.t["id"], page=1, per_page=10)


def _item(r) -> dict:
    return dict(id=str(r["id"]), training_id=str(r["training_id"]), rating=r["rating"], text=r["text"],
                participant_name=r["full_name"], hidden=r["hidden"], created_at=r["created_at"].isoformat(),
                updated_at=r["updated_at"].isoformat())


def _select():
    return (select(testimonials, participants.c.full_name)
            .outerjoin(participants, participants.c.participant_id == testimonials.c.participant_id))


async def training_testimonials(ctx: TrainingContext, training_id: uuid.UUID, *, page: int, per_page: int) -> dict:
    """Public: visible testimonials and "Rata-rata Penilaian" of a training."""
    async with ctx.sessionmaker() as s:
        t = (await s.execute(select(trainings.c.id, trainings.c.title, trainings.c.batch)
                             .where(trainings.c.id == training_id))).mappings().first()
        if t is None:
            raise NotFound("Pelatihan tidak ditemukan")
        visible = (testimonials.c.training_id == training_id) & testimonials.c.hidden.is_(False)
        avg, count = (await s.execute(select(func.avg(testimonials.c.rating), func.count()).where(visible))).one()
        rows = (await s.execute(_select().where(visible).order_by(testimonials.c.created_at.desc())
                                .limit(per_page).offset((page - 1) * per_page))).mappings().all()
    return dict(training_id=str(training_id), training_title=display_title(t),
                average_rating=round(float(avg), 1) if avg is not None else 0, total=count,
                items=[{**_item(r), "participant_name": _short(r["full_name"])} for r in rows],
                page=page, per_page=per_page)


def _short(name: str | None) -> str:
    """Public pages show the first name and initials only."""
    parts = (name or "Peserta").split()
    return " ".join([parts[0], *(p[0] + "." for p in parts[1:])])


async def admin_list(ctx: TrainingContext, claims: Claims, *, org_id, training_id, page: int, per_page: int) -> dict:
    scope = org_scope(claims, org_id)
    stmt = _select().join(trainings, trainings.c.id == testimonials.c.training_id)
    if scope is not None:
        stmt = stmt.where(trainings.c.org_id == scope)
    if training_id is not None:
        stmt = stmt.where(testimonials.c.training_id == training_id)
    async with ctx.sessionmaker() as s:
        total = await s.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = (await s.execute(stmt.order_by(testimonials.c.created_at.desc())
                                .limit(per_page).offset((page - 1) * per_page))).mappings().all()
    return dict(items=[_item(r) for r in rows], total=total, page=page, per_page=per_page)


async def moderate(ctx: TrainingContext, claims: Claims, testimonial_id: uuid.UUID, hidden: bool) -> dict:
    async with ctx.sessionmaker() as s, s.begin():
        r = (await s.execute(select(testimonials.c.id, trainings.c.org_id)
                             .join(trainings, trainings.c.id == testimonials.c.training_id)
                             .where(testimonials.c.id == testimonial_id))).first()
        if r is None:
            raise NotFound("Testimoni tidak ditemukan")
        require_org(claims, r.org_id)
        await s.execute(testimonials.update().where(testimonials.c.id == testimonial_id)
                        .values(hidden=hidden, moderated_by=uuid.UUID(claims.sub), updated_at=ctx.now()))
        row = (await s.execute(_select().where(testimonials.c.id == testimonial_id))).mappings().one()
    return _item(row)
