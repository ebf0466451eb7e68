"""The consultation repository: a thread row (locked for writes) with its messages, saved back with
only what changed; and the organisation facts a consultation needs (deadlines copy, review setting)."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.consultation import Alumnus, Consultation, Message
from .tables import enrollments, participants, trainings
from .tables_consultation import (
    consultation_files,
    consultation_messages,
    consultation_settings,
    consultations,
    service_deadlines,
)

_COLUMNS = ("status", "first_answered_at", "closed_at", "updated_at")
_MESSAGE_COLUMNS = ("state", "published_at", "reviewed_by", "review_note")


class ConsultationRepository:
    def __init__(self, session: AsyncSession, uow: Any) -> None:
        self.session = session
        self.uow = uow
        self._seen: dict[uuid.UUID, tuple[dict, dict[uuid.UUID, tuple]]] = {}

    async def get(self, consultation_id: uuid.UUID, *, lock: bool = False) -> Consultation | None:
        stmt = select(consultations).where(consultations.c.id == consultation_id)
        row = (await self.session.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
        if row is None:
            return None
        msgs = (await self.session.execute(select(consultation_messages).where(
            consultation_messages.c.consultation_id == consultation_id).order_by(consultation_messages.c.seq))
                ).mappings().all()
        files = (await self.session.execute(select(consultation_files.c.id, consultation_files.c.message_id).where(
            consultation_files.c.consultation_id == consultation_id).order_by(consultation_files.c.id))).all()
        by_message: dict[uuid.UUID, list[uuid.UUID]] = {}
        for fid, mid in files:
            by_message.setdefault(mid, []).append(fid)
        c = Consultation(**{k: row[k] for k in (
            "id", "org_id", "training_id", "enrollment_id", "participant_id", "topic", "status", "opened_at",
            "due_at", "first_answered_at", "closed_at", "updated_at")},
            messages=[Message(id=m["id"], seq=m["seq"], author=m["author"], author_id=m["author_id"], body=m["body"],
                              state=m["state"], created_at=m["created_at"], published_at=m["published_at"],
                              reviewed_by=m["reviewed_by"], review_note=m["review_note"],
                              file_ids=by_message.get(m["id"], [])) for m in msgs])
        self._snapshot(c)
        self.uow.track(c)
        return c

    async def add(self, c: Consultation) -> None:
        await self.session.execute(consultations.insert().values(
            id=c.id, org_id=c.org_id, training_id=c.training_id, enrollment_id=c.enrollment_id,
            participant_id=c.participant_id, topic=c.topic, status=c.status, opened_at=c.opened_at, due_at=c.due_at,
            first_answered_at=c.first_answered_at, closed_at=c.closed_at, updated_at=c.updated_at))
        self._seen[c.id] = ({}, {})
        await self._write_messages(c, {})
        self._snapshot(c)
        self.uow.track(c)

    async def save(self, c: Consultation) -> None:
        head, old = self._seen.get(c.id, ({}, {}))
        now = {k: getattr(c, k) for k in _COLUMNS}
        if now != head:
            await self.session.execute(update(consultations).where(consultations.c.id == c.id).values(**now))
        await self._write_messages(c, old)
        self._snapshot(c)

    async def _write_messages(self, c: Consultation, old: dict[uuid.UUID, tuple]) -> None:
        for m in c.messages:
            if m.id not in old:
                await self.session.execute(consultation_messages.insert().values(
                    id=m.id, consultation_id=c.id, seq=m.seq, author=m.author, author_id=m.author_id, body=m.body,
                    state=m.state, created_at=m.created_at, published_at=m.published_at, reviewed_by=m.reviewed_by,
                    review_note=m.review_note))
                for f in m.files:
                    fid = uuid.uuid4()
                    await self.session.execute(consultation_files.insert().values(
                        id=fid, message_id=m.id, consultation_id=c.id, filename=f.filename,
                        content_type=f.content_type, size=f.size, data=f.data, etag=f.etag))
                    m.file_ids.append(fid)
                m.files = []
            elif old[m.id] != _message_state(m):
                await self.session.execute(update(consultation_messages).where(
                    consultation_messages.c.id == m.id).values(**dict(zip(_MESSAGE_COLUMNS, _message_state(m),
                                                                           strict=True))))

    def _snapshot(self, c: Consultation) -> None:
        self._seen[c.id] = ({k: getattr(c, k) for k in _COLUMNS}, {m.id: _message_state(m) for m in c.messages})

    # -- facts about the organisation and the asker ------------------------------------------------

    async def alumnus(self, participant_id: uuid.UUID, training_id: uuid.UUID) -> Alumnus | None:
        """The asker's latest enrollment in the training (any status), or None."""
        row = (await self.session.execute(
            select(enrollments.c.id, enrollments.c.status, trainings.c.org_id)
            .join(trainings, trainings.c.id == enrollments.c.training_id)
            .where(enrollments.c.participant_id == participant_id, enrollments.c.training_id == training_id)
            .order_by((enrollments.c.status == "completed").desc(), enrollments.c.submitted_at.desc()).limit(1))
               ).first()
        if row is None:
            return None
        return Alumnus(participant_id=participant_id, enrollment_id=row.id, training_id=training_id,
                       org_id=row.org_id, status=row.status)

    async def labels(self, c: Consultation) -> tuple[dict, str | None]:
        """The training's title and batch, the asker's name (local copy) for the thread's heading."""
        t = (await self.session.execute(select(trainings.c.title, trainings.c.batch)
                                        .where(trainings.c.id == c.training_id))).mappings().one()
        name = await self.session.scalar(select(participants.c.full_name)
                                         .where(participants.c.participant_id == c.participant_id))
        return dict(t), name

    async def deadlines(self, org_id: uuid.UUID) -> dict | None:
        return await stored_deadlines(self.session, org_id)

    async def review_required(self, org_id: uuid.UUID) -> bool:
        return bool(await self.session.scalar(select(consultation_settings.c.review_required)
                                              .where(consultation_settings.c.org_id == org_id)))


async def stored_deadlines(session: AsyncSession, org_id: uuid.UUID) -> dict | None:
    """The organisation's copied service-standard limits (`{key: [amount, unit]}`), None when it published none."""
    return await session.scalar(select(service_deadlines.c.deadlines).where(service_deadlines.c.org_id == org_id))


def _message_state(m: Message) -> tuple:
    return tuple(getattr(m, k) for k in _MESSAGE_COLUMNS)
