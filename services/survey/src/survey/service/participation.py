"""The participant's side: invitations to the SKM, the questionnaire to fill, the app survey; the
public IKM of each organisation."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters import recap_sql
from ..adapters.tables import app_responses, invitations, organisations, periods
from ..domain.app_survey import validate_app_answers
from ..domain.ikm import fmt2, recap
from ..domain.response_input import EDUCATION, OCCUPATION, normalise_phone
from .access import participant_of
from .context import SurveyContext
from .errors import Conflict, InvalidInput

log = get_logger("survey.participation")
APP_ALREADY = "Anda sudah mengisi Survey Aplikasi Balai. Terima kasih."


async def my_invitations(ctx: SurveyContext, claims: Claims) -> dict:
    pid = participant_of(claims)
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(
            select(invitations.c.id, invitations.c.training_title, invitations.c.created_at,
                   invitations.c.answered_at, periods.c.name.label("period_name"), periods.c.end_date,
                   organisations.c.name.label("org_name"))
            .join(periods, periods.c.id == invitations.c.period_id)
            .join(organisations, organisations.c.org_id == invitations.c.org_id)
            .where(invitations.c.participant_id == pid).order_by(invitations.c.created_at.desc()))).mappings().all()
        app_done = await s.scalar(select(app_responses.c.id).where(app_responses.c.participant_id == pid))
    return {"items": [{"id": str(r["id"]), "training_title": r["training_title"], "period_name": r["period_name"],
                       "org_name": r["org_name"], "created_at": r["created_at"], "answered_at": r["answered_at"],
                       "period_end": r["end_date"].isoformat()} for r in rows],
            "app_survey_done": app_done is not None}


async def invitation_form(ctx: SurveyContext, claims: Claims, invitation_id: uuid.UUID) -> dict:
    """The invitation with its period's questionnaire (what the SKM page shows)."""
    pid = participant_of(claims)
    async with ctx.uow() as uow:
        inv = await uow.invitations.get(invitation_id, pid)
        period = await uow.periods.get(inv.period_id)
        org_name = await uow.session.scalar(select(organisations.c.name).where(organisations.c.org_id == inv.org_id))
    return {"id": str(inv.id), "training_title": inv.training_title, "period_id": str(period.id),
            "period_name": period.name, "org_name": org_name or "", "answered_at": inv.answered_at,
            "content": period.content.to_dict(), "choices": respondent_choices()}


def respondent_choices() -> dict[str, list[str]]:
    """The fixed lists of the respondent's identity (the form's select options)."""
    return {"education": list(EDUCATION), "occupation": list(OCCUPATION)}


def _app_identity(raw: dict) -> tuple[bool, dict]:
    anonymous = str(raw.get("anonymous") or "").strip().casefold() in {"1", "true", "on", "ya"}
    if anonymous:
        return True, {"name": None, "email": None, "phone": None}
    errors: dict[str, str] = {}
    name = str(raw.get("name") or "").strip()
    email = str(raw.get("email") or "").strip().lower()
    phone_raw = str(raw.get("phone") or "").strip()
    if not name or len(name) > 100:
        errors["name"] = "Nama wajib diisi (maksimal 100 karakter), atau pilih Masuk sebagai anonim"
    if email and ("@" not in email or len(email) > 120 or " " in email):
        errors["email"] = "Alamat email tidak valid (contoh: nama@contoh.id)"
    phone = normalise_phone(phone_raw) if phone_raw else None
    if phone_raw and phone is None:
        errors["phone"] = "Nomor telepon tidak valid (contoh: 0812 3456 7890)"
    if errors:
        raise InvalidInput(errors)
    return False, {"name": name, "email": email or None, "phone": phone}


async def submit_app_survey(ctx: SurveyContext, claims: Claims | None, raw: dict) -> dict:
    """The app survey ("Survey Aplikasi Balai"): anonymous or with name/email/phone; once per account."""
    answers = validate_app_answers(raw)
    anonymous, who = _app_identity(raw)
    pid = participant_of(claims) if claims is not None and not claims.is_admin else None
    row_id = uuid.uuid4()
    async with ctx.sessionmaker() as s, s.begin():
        try:
            await s.execute(insert(app_responses).values(
                id=row_id, participant_id=pid, anonymous=anonymous, answers=answers.values,
                comment=answers.suggestion, submitted_at=ctx.clock.now(), **who))
        except IntegrityError:
            raise Conflict(APP_ALREADY) from None
    log.info("app_survey_submitted", anonymous=anonymous)
    return {"id": str(row_id), "detail": "Terima kasih atas penilaian Anda terhadap aplikasi Balai."}


async def public_ikm(ctx: SurveyContext) -> dict:
    """Each organisation's IKM of its latest period with answers (results are published, PermenPAN-RB 14/2017)."""
    async with ctx.sessionmaker() as s:
        orgs = (await s.execute(select(organisations.c.org_id, organisations.c.name)
                                .where(organisations.c.name != "").order_by(organisations.c.name))).all()
        items = []
        for org_id, name in orgs:
            plist = (await s.execute(select(periods.c.id, periods.c.name).where(periods.c.org_id == org_id)
                                     .order_by(periods.c.start_date.desc()).limit(4))).all()
            by = await recap_sql.totals_by_period(s, [p[0] for p in plist])
            latest = next(((pid, pname) for pid, pname in plist if pid in by), None)
            item = {"org_id": str(org_id), "org_name": name, "period_name": None, "n": 0, "ikm": None,
                    "converted": None, "grade": None, "grade_label": None}
            if latest is not None:
                r = recap(by[latest[0]])
                item.update(period_name=latest[1], n=r.n, ikm=fmt2(r.ikm), converted=fmt2(r.converted),
                            grade=r.grade.letter, grade_label=r.grade.label)
            items.append(item)
    return {"items": items}
