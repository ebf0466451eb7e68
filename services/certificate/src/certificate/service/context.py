"""What every certificate handler needs: settings, sessions, outbox, clock, signers, the badge issuer."""
from __future__ import annotations

import asyncio
import base64
import hashlib
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from balai_platform.clock import Clock
from balai_platform.outbox import Outbox

from ..adapters.uow import CertificateUnitOfWork, JoinedCertificateUnitOfWork
from ..domain.document import Signatory, TemplateContent
from ..domain.template import OrgTemplate
from ..settings import OrgProfile, Settings


class SigningNotConfigured(RuntimeError):
    """No PKCS#12 for the organisation (nor a default): certificates stay pending until configured."""


@dataclass
class CertificateContext:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    outbox: Outbox
    clock: Clock = field(default_factory=Clock)
    # set after a commit that left pending certificates: the renderer wakes at once
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    _signers: dict[str, Any] = field(default_factory=dict)
    _p12: dict[str, tuple[bytes, bytes | None]] = field(default_factory=dict)
    # worker processes that render and sign (None: in a thread of this process, e.g. in unit tests)
    pool: Any = None
    _badge: Any = None

    def uow(self, session: AsyncSession | None = None) -> CertificateUnitOfWork:
        if session is not None:
            return JoinedCertificateUnitOfWork(session, self.outbox)
        return CertificateUnitOfWork(self.sessionmaker, self.outbox)

    def wake_after_commit(self, session: AsyncSession) -> None:
        """Wake the renderer once `session`'s transaction committed (never before: it could not see the row)."""
        event.listen(session.sync_session, "after_commit", lambda _s: self.wake.set(), once=True)

    def verification_url(self, code: str) -> str:
        return f"{self.settings.public_base_url.rstrip('/')}/verifikasi/{code}"

    def default_template(self, org_id: uuid.UUID) -> OrgTemplate:
        """The template of an organisation nobody edited yet, from settings (never waits for a seed)."""
        p = self.settings.org_profiles.get(str(org_id)) or OrgProfile()
        return OrgTemplate(org_code=p.code, number_format=p.number_format, content=TemplateContent(
            org_name=p.name, org_parent=p.parent, logo_png=None, place=p.place,
            signatory=Signatory(p.signatory_position, p.signatory_name, p.signatory_nip)))

    def signing_material(self, org_id: uuid.UUID) -> tuple[bytes, bytes | None]:
        """The organisation's PKCS#12 (or the default one) and its password, read once."""
        key = str(org_id) if str(org_id) in self.settings.signing_keys else "default"
        if key not in self._p12:
            conf = self.settings.signing_keys.get(key)
            if conf is None:
                raise SigningNotConfigured(f"no signing key for organisation {org_id}")
            data = Path(conf.p12_path).read_bytes() if conf.p12_path else base64.b64decode(conf.p12_b64)
            self._p12[key] = (data, conf.password.encode() if conf.password else None)
        return self._p12[key]

    def signer(self, org_id: uuid.UUID):
        """The organisation's PDF signer in this process (used when no worker process renders)."""
        data, password = self.signing_material(org_id)
        key = hashlib.sha256(data).hexdigest()
        if key not in self._signers:
            from ..adapters.signing import PdfSigner

            self._signers[key] = PdfSigner.from_pkcs12(data, password)
        return self._signers[key]

    def badge_issuer(self):
        if self._badge is None:
            from ..adapters.badge import BadgeIssuer, did_web, generate_ed25519_pem

            pem = self.settings.badge_private_key.encode() or generate_ed25519_pem()
            self._badge = BadgeIssuer(pem, did_web(self.settings.public_base_url))
        return self._badge
