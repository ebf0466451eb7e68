"""Requests for a narasumber from outside bodies (SOP Permintaan Narasumber): public submission with the
request letter, the head's decision naming an approved narasumber or a reason, the confirmation letter;
the requester follows it by the link token."""
from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from sqlalchemy import select

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.narasumber_letters import Letter, date_id, render_letter
from ..adapters.tables_narasumber import narasumber, narasumber_requests
from ..domain.narasumber import letter_number
from ..domain.narasumber_documents import DocumentError, check_pdf
from ..domain.narasumber_request import NarasumberRequest, RequestLetter, token_hash, valid_token
from .access import require_org
from .context import TrainingContext
from .errors import InvalidInput, NotFound

log = get_logger("narasumber_requests")
LETTER_KIND = "PERM-NARSUM"
ORG_REQUIRED = "Pilih balai/UPT tujuan permintaan"
NOT_FOUND = "Permintaan narasumber tidak ditemukan. Periksa kembali tautan Anda"
STATUS_LABELS = {"submitted": "Diterima, sedang diproses", "approved": "Disetujui", "rejected": "Tidak dapat dipenuhi"}


async def submit(ctx: TrainingContext, org_id: uuid.UUID | None, data: dict, filename: str | None,
                 letter: bytes | None) -> dict:
    """Record a request ("Diterima"); answers its id and the requester's link token (shown once)."""
    errors: dict[str, str] = {} if org_id else {"org_id": ORG_REQUIRED}
    parsed = None
    try:
        parsed = RequestLetter.parse(data, ctx.today())
    except InvalidInput as exc:
        errors.update(exc.errors)
    try:
        checked = check_pdf(letter, filename, "Surat permintaan")
    except DocumentError as exc:
        errors["letter"] = exc.message
    if errors or parsed is None or org_id is None:
        raise InvalidInput(errors)
    async with ctx.uow() as uow:
        if not await uow.letters.office_known(org_id):
            raise InvalidInput({"org_id": ORG_REQUIRED})
        request, token = NarasumberRequest.submit(org_id, parsed, ctx.now())
        await uow.narasumber_requests.add(request, checked)
        await uow.commit()
    log.info("narasumber_request_submitted", request_id=str(request.id), org_id=str(org_id))
    return {"id": str(request.id), "token": token, "status": request.status}


async def decide(ctx: TrainingContext, claims: Claims, request_id: uuid.UUID, decision: str,
                 narasumber_id: uuid.UUID | None, reason: str) -> dict:
    """The head approves naming an approved narasumber of the organisation, or rejects with a reason."""
    if decision not in ("approve", "reject"):
        raise InvalidInput({"decision": "Pilih setujui atau tolak"})
    async with ctx.uow() as uow:
        r = await uow.narasumber_requests.get(request_id, lock=True)
        require_org(claims, r.org_id)
        seq = await uow.letters.next_seq(r.org_id, LETTER_KIND, ctx.today().year)
        number = letter_number(seq, LETTER_KIND, ctx.today())
        head = uuid.UUID(claims.sub)
        if decision == "approve":
            if narasumber_id is None:
                raise InvalidInput({"narasumber_id": "Pilih narasumber yang ditugaskan"})
            found = await uow.narasumber.status_of(narasumber_id)
            if found is None:
                raise InvalidInput({"narasumber_id": "Pilih narasumber yang sudah disetujui"})
            r.approve(head, narasumber_id, found[0], found[1], reason, number, ctx.now())
        else:
            r.reject(head, reason, number, ctx.now())
        await uow.narasumber_requests.save(r)
        await uow.commit()
    log.info("narasumber_request_decided", request_id=str(request_id), status=r.status)
    return {"id": str(r.id), "status": r.status, "answer_number": r.answer_number}


def _with_narasumber(*columns):
    """The request's `columns` with the named narasumber's name and expertise (None before a decision)."""
    return (select(*columns, narasumber.c.full_name.label("narasumber_name"),
                   narasumber.c.expertise.label("narasumber_expertise"))
            .outerjoin(narasumber, narasumber.c.id == narasumber_requests.c.narasumber_id))


async def _by_token(s, token: str):
    if not valid_token(token):
        raise NotFound(NOT_FOUND)
    row = (await s.execute(
        _with_narasumber(narasumber_requests.c.id, narasumber_requests.c.org_id, narasumber_requests.c.body_name,
                         narasumber_requests.c.letter_number, narasumber_requests.c.letter_date,
                         narasumber_requests.c.topic, narasumber_requests.c.event_date, narasumber_requests.c.place,
                         narasumber_requests.c.audience, narasumber_requests.c.status,
                         narasumber_requests.c.decision_reason, narasumber_requests.c.decided_at,
                         narasumber_requests.c.answer_number, narasumber_requests.c.submitted_at)
        .where(narasumber_requests.c.token_hash == token_hash(token)))).mappings().first()
    if row is None:
        raise NotFound(NOT_FOUND)
    return row


async def status(ctx: TrainingContext, token: str) -> dict:
    """What the requester sees by the link: no contact data, the decision and the letter when decided."""
    async with ctx.uow() as uow:
        row = await _by_token(uow.session, token)
        head = await uow.letters.letterhead(row["org_id"])
    out = {k: row[k] for k in ("body_name", "letter_number", "letter_date", "topic", "event_date", "place",
                               "audience", "status", "decided_at", "answer_number", "submitted_at")}
    out.update(id=str(row["id"]), office_name=head.name, status_label=STATUS_LABELS[row["status"]],
               decision_reason=row["decision_reason"] if row["status"] != "submitted" else None,
               narasumber_name=row["narasumber_name"] if row["status"] == "approved" else None,
               narasumber_expertise=row["narasumber_expertise"] if row["status"] == "approved" else None,
               has_answer=row["status"] != "submitted")
    return out


async def answer_by_token(ctx: TrainingContext, token: str) -> tuple[str, bytes]:
    async with ctx.uow() as uow:
        row = await _by_token(uow.session, token)
        return await _answer(ctx, uow, row)


async def answer_for_admin(ctx: TrainingContext, claims: Claims, request_id: uuid.UUID) -> tuple[str, bytes]:
    async with ctx.uow() as uow:
        r = await uow.narasumber_requests.get(request_id)
        require_org(claims, r.org_id)
        found = (await uow.session.execute(
            _with_narasumber(narasumber_requests).where(narasumber_requests.c.id == request_id))).mappings().first()
        return await _answer(ctx, uow, found)


async def _answer(ctx: TrainingContext, uow, row) -> tuple[str, bytes]:
    if row["status"] == "submitted" or not row["answer_number"]:
        raise NotFound("Surat konfirmasi belum tersedia: permintaan belum diputuskan")
    head = await uow.letters.letterhead(row["org_id"])
    on = row["decided_at"].astimezone(ZoneInfo(ctx.settings.timezone)).date()
    intro = (f"Menanggapi surat Saudara nomor {row['letter_number']} tanggal {date_id(row['letter_date'])} "
             "perihal permintaan narasumber, dengan ini kami sampaikan bahwa permintaan tersebut ")
    details = [("Topik/materi", row["topic"]), ("Tanggal kegiatan", date_id(row["event_date"])),
               ("Tempat", row["place"]), ("Jumlah peserta", f"{row['audience']} orang")]
    if row["status"] == "approved":
        paragraphs = [intro + "DAPAT KAMI PENUHI, dengan rincian sebagai berikut:",
                      "Narasumber akan berkoordinasi dengan pihak Saudara terkait teknis pelaksanaan. Demikian surat "
                      "konfirmasi ini kami sampaikan, atas perhatian dan kerja samanya kami ucapkan terima kasih."]
        details += [("Narasumber", f"{row['narasumber_name']} ({row['narasumber_expertise']})")]
        if row["decision_reason"]:
            details.append(("Catatan", row["decision_reason"]))
    else:
        paragraphs = [intro + "BELUM DAPAT KAMI PENUHI, dengan rincian sebagai berikut:",
                      "Demikian surat ini kami sampaikan, atas perhatian dan pengertiannya kami ucapkan terima kasih."]
        details.append(("Alasan", row["decision_reason"] or "-"))
    pdf = render_letter(head, Letter(number=row["answer_number"], on=on, subject="Konfirmasi Permintaan Narasumber",
                                     to=[row["body_name"]], paragraphs=paragraphs, details=details))
    return f"konfirmasi-narasumber-{row['answer_number'].split('/')[0]}-{on.year}.pdf", pdf
