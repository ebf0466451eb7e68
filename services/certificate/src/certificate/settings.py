"""The certificate service's settings (env prefix CERTIFICATE_)."""
from __future__ import annotations

from pydantic import BaseModel
from pydantic_settings import SettingsConfigDict

from balai_platform.settings import ServiceSettings


class SigningKey(BaseModel):
    """An organisation's PKCS#12 (a file path or base64) and its password."""

    p12_path: str = ""
    p12_b64: str = ""
    password: str = ""


class OrgProfile(BaseModel):
    """What a certificate needs before an admin edited the template (so issuing never waits for a seed)."""

    code: str = "BALAI"
    name: str = "Balai Pelatihan Koperasi dan UKM"
    parent: str = "Dinas Koperasi dan Usaha Kecil Menengah"
    place: str = "Jakarta"
    number_format: str = "{seq:03d}/{org_code}/{roman_month}/{year}"
    signatory_position: str = "Kepala Balai"
    signatory_name: str = "Kepala Balai"
    signatory_nip: str = "-"


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CERTIFICATE_", extra="ignore")

    service_name: str = "certificate"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/balai_certificate"
    consumer_group: str = "certificate"
    max_upload_bytes: int = 6 * 1024 * 1024
    # the public address of the gateway: verification URLs, QR codes and the did:web identifier
    public_base_url: str = "http://127.0.0.1:8000"
    # {org_id or "default": SigningKey}; production puts the balai's (e.g. BSrE) certificate here
    signing_keys: dict[str, SigningKey] = {}
    # {org_id: OrgProfile}; the default template of an organisation an admin has not edited yet
    org_profiles: dict[str, OrgProfile] = {}
    # Ed25519 private key (PEM) of the Open Badges issuer (did:web of public_base_url)
    badge_private_key: str = ""
    # background renderer: rows left pending (a crash between reserve and store) are swept this often
    sweep_seconds: float = 5.0
    # worker processes that render and sign (CPU work off the event loop); 0 = a thread of this process
    render_processes: int = 1
