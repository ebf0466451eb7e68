"""Demo data: the certificate template and signatory of both demo organisations (idempotent:
a template an admin edited is kept)."""
from __future__ import annotations

import uuid

from sqlalchemy.dialects.postgresql import insert

from balai_platform.logging import configure_logging, get_logger

from .adapters.tables import templates
from .demo import DEMO_PROFILES
from .domain.document import Signatory, TemplateContent
from .domain.template import ANY_KIND, OrgTemplate
from .main import build_context
from .settings import OrgProfile, Settings

log = get_logger("seed")


def demo_template(p: OrgProfile) -> OrgTemplate:
    return OrgTemplate(org_code=p.code, number_format=p.number_format, content=TemplateContent(
        org_name=p.name, org_parent=p.parent, logo_png=None, place=p.place, syllabus_page=True,
        signatory=Signatory(p.signatory_position, p.signatory_name, p.signatory_nip)))


async def seed_demo(settings: Settings) -> None:
    configure_logging("certificate-seed", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    now = ctx.clock.now()
    async with ctx.sessionmaker() as s, s.begin():
        for org_id, profile in DEMO_PROFILES.items():
            await s.execute(insert(templates).values(
                org_id=uuid.UUID(org_id), kind=ANY_KIND, updated_at=now, **demo_template(profile).row()
            ).on_conflict_do_nothing())
    await engine.dispose()
    log.info("seed_done", templates=len(DEMO_PROFILES))
