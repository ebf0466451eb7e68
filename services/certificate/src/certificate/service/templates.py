"""The template editor: an organisation's wording, signatory, logo, number format, syllabus page;
and a live preview rendered with sample data (unsigned, watermark "CONTOH")."""
from __future__ import annotations

import asyncio
import io
import uuid
from dataclasses import replace
from datetime import date

from balai_platform.auth import Claims
from balai_platform.errors import InvalidInput
from balai_platform.images import ImageError, check_image

from ..domain.certificate import Certificate
from ..domain.document import Signatory, SyllabusItem
from ..domain.indonesian import format_number, validate_number_format
from ..domain.template import ANY_KIND, OrgTemplate
from .access import require_org
from .context import CertificateContext

LIMITS = {"org_code": (2, 40), "org_name": (3, 150), "org_parent": (0, 150), "place": (2, 60),
          "number_format": (4, 120), "heading": (3, 60), "intro": (0, 120), "body": (0, 300), "closing": (0, 300),
          "signatory_position": (3, 150), "signatory_name": (3, 100), "signatory_nip": (1, 30)}
LABELS = {"org_code": "Kode balai", "org_name": "Nama balai", "org_parent": "Instansi induk", "place": "Tempat",
          "number_format": "Format nomor", "heading": "Judul", "intro": "Kalimat pembuka", "body": "Kalimat isi",
          "closing": "Kalimat penutup", "signatory_position": "Jabatan penandatangan",
          "signatory_name": "Nama penandatangan", "signatory_nip": "NIP"}


def _logo_png(data: bytes) -> bytes:
    """The upload checked and re-encoded by the platform, then as a PNG at most 600 px wide."""
    from PIL import Image

    try:
        checked = check_image(data)
    except ImageError as exc:
        raise InvalidInput({"logo": str(exc)}) from None
    img = Image.open(io.BytesIO(checked.data))
    img.thumbnail((600, 600))
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def parse_template(fields: dict[str, object], logo: bytes | None, current: OrgTemplate) -> OrgTemplate:
    """Validate the editor's fields (every message in Bahasa Indonesia) into a template."""
    values, errors = {}, {}
    for name, (low, high) in LIMITS.items():
        text = " ".join(str(fields.get(name, "")).split())
        if not low <= len(text) <= high:
            errors[name] = f"{LABELS[name]} {low}-{high} karakter" if low else f"{LABELS[name]} maksimal {high} karakter"
        values[name] = text
    if "number_format" not in errors:
        try:
            validate_number_format(values["number_format"])
        except InvalidInput as exc:
            errors.update(exc.errors)
    if errors:
        raise InvalidInput(errors)
    logo_png = _logo_png(logo) if logo else (None if fields.get("remove_logo") else current.content.logo_png)
    content = replace(current.content, org_name=values["org_name"], org_parent=values["org_parent"],
                      place=values["place"], heading=values["heading"], intro=values["intro"], body=values["body"],
                      closing=values["closing"], logo_png=logo_png,
                      signatory=Signatory(values["signatory_position"], values["signatory_name"], values["signatory_nip"]),
                      syllabus_page=str(fields.get("syllabus_page", "")).lower() in ("1", "true", "on", "ya"))
    return OrgTemplate(org_code=values["org_code"], number_format=values["number_format"], content=content)


def _org_of(claims: Claims, org_id: uuid.UUID | None) -> uuid.UUID:
    org = org_id if claims.role == "superadmin" and org_id else (uuid.UUID(claims.org) if claims.org else None)
    if org is None:
        raise InvalidInput({"org_id": "Pilih balai"})
    require_org(claims, org)
    return org


def _kind(kind: str) -> str:
    kind = " ".join(kind.split()) or ANY_KIND
    if len(kind) > 60:
        raise InvalidInput({"kind": "Jenis pelatihan maksimal 60 karakter"})
    return kind


def _public(org: uuid.UUID, kind: str, t: OrgTemplate, kinds: list[str]) -> dict:
    return {"org_id": org, "kind": kind, "kinds": kinds, "has_logo": t.content.logo_png is not None,
            **{k: v for k, v in t.row().items() if k != "logo_png"}}


async def get_template(ctx: CertificateContext, claims: Claims, org_id: uuid.UUID | None, kind: str) -> dict:
    org, kind = _org_of(claims, org_id), _kind(kind)
    async with ctx.uow() as uow:
        t = await uow.templates.find(org, kind) or ctx.default_template(org)
        kinds = await uow.templates.kinds(org)
    return _public(org, kind, t, kinds)


async def save_template(ctx: CertificateContext, claims: Claims, org_id: uuid.UUID | None, kind: str,
                        fields: dict[str, object], logo: bytes | None) -> dict:
    org, kind = _org_of(claims, org_id), _kind(kind)
    async with ctx.uow() as uow:
        current = await uow.templates.find(org, kind) or ctx.default_template(org)
        t = parse_template(fields, logo, current)
        await uow.templates.save(org, kind, t, ctx.clock.now())
        kinds = await uow.templates.kinds(org)
        await uow.commit()
    return _public(org, kind, t, kinds)


async def preview(ctx: CertificateContext, claims: Claims, org_id: uuid.UUID | None, kind: str,
                  fields: dict[str, object], logo: bytes | None) -> bytes:
    """The editor's current fields rendered on sample data, unsigned, marked CONTOH; nothing is saved."""
    from ..adapters.pdf_render import render_certificate
    from .rendering import content_of

    org, kind = _org_of(claims, org_id), _kind(kind)
    async with ctx.uow() as uow:
        current = await uow.templates.find(org, kind) or ctx.default_template(org)
    t = parse_template(fields, logo, current) if fields else current
    today = ctx.clock.today()
    sample = Certificate(
        id=uuid.uuid4(), code="CONTOHCONTOHCONT", org_id=org, enrollment_id=uuid.uuid4(), training_id=uuid.uuid4(),
        participant_id=uuid.uuid4(), holder_name="Siti Rahayu", training_title="Pengelolaan Keuangan Koperasi",
        batch=2, kind=kind if kind != ANY_KIND else "Reguler", level="Dasar", start_date=date(today.year, 6, 24),
        end_date=date(today.year, 6, 28), hours=32, score=88, issued_on=today, created_at=ctx.clock.now(),
        syllabus=(SyllabusItem("Dasar-dasar Akuntansi Koperasi", 8), SyllabusItem("Laporan Keuangan", 12),
                  SyllabusItem("Analisis Rasio dan Praktik", 12)))
    sample.assign_number(today.year, 7, format_number(t.number_format, seq=7, issued_on=today, org_code=t.org_code))
    return await asyncio.to_thread(render_certificate, content_of(ctx, sample), t.content, sample=True)
