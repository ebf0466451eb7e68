"""Open Badges 3.0: each issued certificate as an OpenBadgeCredential (VC-JWT, EdDSA) and the
issuer's did:web document and JWKS for offline verification."""
from __future__ import annotations

import uuid

from sqlalchemy import select

from balai_platform.auth import Claims
from balai_platform.errors import Conflict, NotFound

from ..adapters.tables import certificates
from .access import NOT_FOUND, require_holder_or_admin
from .context import CertificateContext


async def badge(ctx: CertificateContext, claims: Claims, cert_id: uuid.UUID) -> dict:
    """The holder's (or an admin's) badge of a valid certificate: {jwt, credential}."""
    from ..adapters.badge import build_credential

    async with ctx.uow() as uow:
        row = (await uow.session.execute(select(certificates).where(certificates.c.id == cert_id))).mappings().first()
        if row is None:
            raise NotFound(NOT_FOUND)
        require_holder_or_admin(claims, row["participant_id"], row["org_id"])
        if row["status"] != "issued":
            raise Conflict("Open Badge hanya tersedia untuk sertifikat yang berlaku")
        template = await uow.templates.find(row["org_id"], row["kind"]) or ctx.default_template(row["org_id"])
    issuer = ctx.badge_issuer()
    credential = build_credential(
        credential_id=f"urn:uuid:{row['id']}", issuer_did=issuer.did, issuer_name=template.content.org_name,
        holder_name=row["holder_name"], achievement_name=row["training_title"],
        achievement_description=f"Peserta lulus {row['training_title']} ({row['hours']} JP), "
                                f"sertifikat nomor {row['number']}",
        criteria=f"Mengikuti dan menyelesaikan {row['training_title']} sesuai ketentuan {template.content.org_name}",
        issued_at=row["issued_at"], verification_url=ctx.verification_url(row["code"]))
    return dict(jwt=issuer.issue(credential), credential=credential)


def did_document(ctx: CertificateContext) -> dict:
    return ctx.badge_issuer().did_document()


def jwks(ctx: CertificateContext) -> dict:
    return ctx.badge_issuer().jwks()
