"""Files of a period for the admin: the report PDF, the QR sheet, the paper form, the import template,
and the raw answers as CSV/XLSX."""
from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy import func, select

from balai_platform.auth import Claims

from ..adapters.tables import IMP, PERF, invitations, responses
from ..domain.response import CHANNEL_LABELS
from ..domain.response_input import SEX
from .access import ensure_org_admin
from .context import SurveyContext
from .recap import org_settings, period_recap, report_data

MAX_EXPORT_ROWS = 200_000


async def report_pdf(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID,
                     training_id: uuid.UUID | None = None) -> tuple[bytes, str]:
    """The period's report; with `training_id`, the recap of that one service (training)."""
    from ..adapters.report_pdf import render_report

    view = await period_recap(ctx, claims, period_id, training_id)
    data = report_data(view, ctx.clock.today())
    if training_id is not None:
        async with ctx.sessionmaker() as s:
            title = await s.scalar(select(func.max(invitations.c.training_title)).where(
                invitations.c.period_id == period_id, invitations.c.training_id == training_id))
        data = replace(data, service_name=title or "")
    return render_report(data), f"laporan-skm-{view.period.start:%Y-%m}.pdf"


async def _period_and_org(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID):
    async with ctx.uow() as uow:
        period = await uow.periods.get(period_id)
        ensure_org_admin(claims, period.org_id)
        org = await org_settings(uow.session, period.org_id)
    return period, org


def public_link(ctx: SurveyContext, org_id: uuid.UUID) -> str:
    return f"{ctx.settings.public_base_url.rstrip('/')}/skm/{org_id}"


async def qr_sheet(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID) -> bytes:
    from ..adapters.printables import qr_sheet_pdf

    period, org = await _period_and_org(ctx, claims, period_id)
    return qr_sheet_pdf(org["name"] or "Balai Pelatihan KUKM", period.name, public_link(ctx, period.org_id))


async def paper_form(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID) -> bytes:
    from ..adapters.printables import paper_form_pdf

    period, org = await _period_and_org(ctx, claims, period_id)
    return paper_form_pdf(org["name"] or "Balai Pelatihan KUKM", period.name, period.content)


async def template(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID) -> bytes:
    from ..adapters.spreadsheets import paper_template_xlsx

    period, _ = await _period_and_org(ctx, claims, period_id)
    return paper_template_xlsx(period.content)


async def export_rows(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID) -> list[dict[str, object]]:
    await _period_and_org(ctx, claims, period_id)
    async with ctx.sessionmaker() as s:
        result = await s.execute(select(responses).where(responses.c.period_id == period_id)
                                 .order_by(responses.c.submitted_at).limit(MAX_EXPORT_ROWS))
        rows = result.mappings().all()
    out = []
    for i, r in enumerate(rows, start=1):
        row: dict[str, object] = {
            "No": i, "Tanggal": r["submitted_at"].isoformat(timespec="seconds"),
            "Kanal": CHANNEL_LABELS.get(r["channel"], r["channel"]), "Anonim": "Ya" if r["anonymous"] else "Tidak",
            "Nama": r["name"] or "", "Email": r["email"] or "", "Telepon": r["phone"] or "",
            "Umur": r["age"] if r["age"] is not None else "", "Jenis Kelamin": SEX.get(r["sex"] or "", ""),
            "Alamat": r["address"] or "", "Pendidikan": r["education"] or "", "Pekerjaan": r["occupation"] or ""}
        row.update({f"U{k} Kinerja": r[c] for k, c in enumerate(PERF, start=1)})
        row.update({f"U{k} Kepentingan": r[c] for k, c in enumerate(IMP, start=1)})
        row["Masukan/Saran"] = r["suggestion"]
        out.append(row)
    return out


async def export_csv(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID) -> bytes:
    from ..adapters.spreadsheets import export_rows_csv

    return export_rows_csv(await export_rows(ctx, claims, period_id))


async def export_xlsx(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID) -> bytes:
    from ..adapters.spreadsheets import export_rows_xlsx

    return export_rows_xlsx(await export_rows(ctx, claims, period_id))
