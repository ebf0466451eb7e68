"""Narasumber use cases (SOP Pendaftaran Narasumber): a signed-in person registers with an organisation;
the organisation's team recommends, its head (another admin) decides; the letter; assignments.

Who: the applicant is an ordinary account (role peserta: the same account sees "Jadwal Mengajar" once
approved); reviewers and heads are admins of the organisation (a superadmin anywhere)."""
from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.narasumber_letters import Letter, date_id, render_letter
from ..domain.material import CheckedMaterial
from ..domain.narasumber import Narasumber, Profile, letter_number
from ..domain.narasumber_documents import DocumentError, check_pdf
from .access import require_org, require_participant
from .context import TrainingContext
from .errors import Forbidden, InvalidInput, NotFound

log = get_logger("narasumber")
LETTER_KIND = "NARSUM"
NOT_YOURS = "Anda hanya dapat melihat data narasumber Anda sendiri"
NO_LETTER = "Surat belum tersedia: pendaftaran belum diputuskan"
ORG_REQUIRED = "Pilih balai/UPT tujuan pendaftaran"


def checked_documents(cv: tuple[str | None, bytes | None], certificate: tuple[str | None, bytes | None]
                      ) -> list[tuple[str, int, CheckedMaterial]]:
    """The CV (required) and the certificates (optional, one PDF), or InvalidInput naming the field."""
    errors: dict[str, str] = {}
    out: list[tuple[str, int, CheckedMaterial]] = []
    for field, kind, (name, data), required, label in (("cv", "cv", cv, True, "CV"),
                                                        ("certificate", "certificate", certificate, False,
                                                         "Sertifikat")):
        if not data and not required:
            continue
        try:
            out.append((kind, 1, check_pdf(data, name, label)))
        except DocumentError as exc:
            errors[field] = exc.message
    if errors:
        raise InvalidInput(errors)
    return out


async def register(ctx: TrainingContext, claims: Claims, org_id: uuid.UUID | None, data: dict,
                   cv: tuple[str | None, bytes | None], certificate: tuple[str | None, bytes | None]) -> dict:
    """Pendaftaran Narasumber; emits NarasumberRegistered. Every wrong field is named at once."""
    account = require_participant(claims)
    errors: dict[str, str] = {} if org_id else {"org_id": ORG_REQUIRED}
    profile, documents = None, []
    try:
        profile = Profile.parse(data)
    except InvalidInput as exc:
        errors.update(exc.errors)
    try:
        documents = checked_documents(cv, certificate)
    except InvalidInput as exc:
        errors.update(exc.errors)
    if errors or profile is None or org_id is None:
        raise InvalidInput(errors)
    async with ctx.uow() as uow:
        if not await uow.letters.office_known(org_id):
            raise InvalidInput({"org_id": ORG_REQUIRED})
        n = Narasumber.register(org_id, account, profile, ctx.now())
        await uow.narasumber.add(n, documents)
        await uow.commit()
    log.info("narasumber_registered", narasumber_id=str(n.id), org_id=str(org_id))
    return {"id": str(n.id), "status": n.status}


async def recommend(ctx: TrainingContext, claims: Claims, narasumber_id: uuid.UUID, decision: str,
                    reason: str) -> dict:
    """Level 1: the team's check against the standard modules, approve/reject with reason."""
    async with ctx.uow() as uow:
        n = await uow.narasumber.get(narasumber_id, lock=True)
        require_org(claims, n.org_id)
        n.recommend(uuid.UUID(claims.sub), decision, reason, ctx.now())
        await uow.narasumber.save(n)
        await uow.commit()
    log.info("narasumber_recommended", narasumber_id=str(narasumber_id), recommendation=decision)
    return {"id": str(n.id), "status": n.status}


async def decide(ctx: TrainingContext, claims: Claims, narasumber_id: uuid.UUID, decision: str, reason: str) -> dict:
    """Level 2: the head (not the reviewer) decides; the letter is numbered; emits NarasumberApproved/Rejected."""
    async with ctx.uow() as uow:
        n = await uow.narasumber.get(narasumber_id, lock=True)
        require_org(claims, n.org_id)
        # the number is taken in this transaction: a refused decision rolls the counter back with it
        seq = await uow.letters.next_seq(n.org_id, LETTER_KIND, ctx.today().year)
        n.decide(uuid.UUID(claims.sub), decision, reason, letter_number(seq, LETTER_KIND, ctx.today()), ctx.now())
        await uow.narasumber.save(n)
        await uow.commit()
    log.info("narasumber_decided", narasumber_id=str(narasumber_id), status=n.status)
    return {"id": str(n.id), "status": n.status, "letter_number": n.letter_number}


async def assign(ctx: TrainingContext, claims: Claims, narasumber_id: uuid.UUID, training_id: uuid.UUID,
                 module: str, day) -> dict:
    """An approved narasumber teaches a module of one of the organisation's trainings; emits NarasumberAssigned."""
    async with ctx.uow() as uow:
        n = await uow.narasumber.get(narasumber_id, lock=True)
        require_org(claims, n.org_id)
        slot = await uow.narasumber.training_slot(training_id)
        a = n.assign(slot, module, day, uuid.UUID(claims.sub), ctx.now())
        await uow.narasumber.save(n)
        await uow.commit()
    log.info("narasumber_assigned", narasumber_id=str(narasumber_id), training_id=str(training_id))
    return {"id": str(a.id), "training_id": str(training_id), "module": a.module, "day": a.day.isoformat()}


async def may_read(claims: Claims, account_id: uuid.UUID, org_id: uuid.UUID) -> None:
    """The applicant themself, or an admin of the organisation."""
    if claims.is_admin:
        require_org(claims, org_id)
    elif claims.role != "peserta" or claims.sub != str(account_id):
        raise Forbidden(NOT_YOURS)


async def letter_pdf(ctx: TrainingContext, claims: Claims, narasumber_id: uuid.UUID) -> tuple[str, bytes]:
    """(file name, PDF) of the approval or rejection letter."""
    async with ctx.uow() as uow:
        n = await uow.narasumber.get(narasumber_id)
        await may_read(claims, n.account_id, n.org_id)
        if n.status not in ("approved", "rejected") or not n.letter_number or n.decided_at is None:
            raise NotFound(NO_LETTER)
        head = await uow.letters.letterhead(n.org_id)
    on = n.decided_at.astimezone(ZoneInfo(ctx.settings.timezone)).date()
    submitted = n.submitted_at.astimezone(ZoneInfo(ctx.settings.timezone)).date()
    intro = (f"Menindaklanjuti pendaftaran Saudara/i sebagai narasumber pada {head.name} tanggal "
             f"{date_id(submitted)}, setelah dilakukan verifikasi dan identifikasi profil terhadap modul standar "
             "pelatihan, dengan ini kami sampaikan bahwa pendaftaran Saudara/i ")
    if n.status == "approved":
        subject = "Persetujuan Pendaftaran Narasumber"
        paragraphs = [intro + "DISETUJUI, dengan rincian sebagai berikut:",
                      "Jadwal mengajar akan dikonfirmasi kemudian dan dapat dilihat pada menu Jadwal Mengajar "
                      "di aplikasi. Demikian surat ini kami sampaikan, atas perhatian dan kerja samanya kami ucapkan "
                      "terima kasih."]
        details = [("Nama", n.full_name), ("Bidang keahlian", n.expertise),
                   ("Modul yang dapat diajarkan", "\n".join(n.modules)), ("Keterangan", n.decision_reason or "-")]
    else:
        subject = "Penolakan Pendaftaran Narasumber"
        paragraphs = [intro + "BELUM DAPAT KAMI SETUJUI, dengan rincian sebagai berikut:",
                      "Untuk informasi lebih lanjut Saudara/i dapat menghubungi kami. Demikian surat ini kami "
                      "sampaikan, atas perhatiannya kami ucapkan terima kasih."]
        details = [("Nama", n.full_name), ("Bidang keahlian", n.expertise), ("Alasan", n.decision_reason or "-")]
    pdf = render_letter(head, Letter(number=n.letter_number, on=on, subject=subject, to=[n.full_name],
                                     paragraphs=paragraphs, details=details))
    return f"surat-narasumber-{n.letter_number.split('/')[0]}-{on.year}.pdf", pdf
