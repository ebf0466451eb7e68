"""The demo organisations' certificate profiles (also the defaults `make run` passes in settings, so a
completed demo training yields a certificate whether or not the seed ran first)."""
from __future__ import annotations

import uuid

from .settings import OrgProfile

JATENG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
JATIM = uuid.UUID("0b0a1a10-0000-4000-8000-000000000002")
DEMO_PROFILES = {
    str(JATENG): OrgProfile(code="BALATKOP-UKM", name="Balatkop UKM Provinsi Jawa Tengah",
                            parent="Dinas Koperasi dan UKM Provinsi Jawa Tengah", place="Semarang",
                            number_format="{seq:03d}/BALATKOP-UKM/{roman_month}/{year}",
                            signatory_position="Kepala Balatkop UKM Provinsi Jawa Tengah",
                            signatory_name="Dra. Sri Wahyuni, M.M.", signatory_nip="19680412 199403 2 005"),
    str(JATIM): OrgProfile(code="UPT-PKUKM", name="UPT Pelatihan KUKM Provinsi Jawa Timur",
                           parent="Dinas Koperasi dan UKM Provinsi Jawa Timur", place="Surabaya",
                           number_format="{seq:04d}/UPT-PKUKM/{month:02d}/{year}",
                           signatory_position="Kepala UPT Pelatihan KUKM Provinsi Jawa Timur",
                           signatory_name="Ir. Bambang Setiawan, M.Si.", signatory_nip="19700815 199803 1 004"),
}

def dev_pki_orgs() -> list[tuple[str, str, str, str]]:
    """(org_id or "default", file name, organisation, signer) of the dev signing certificates."""
    orgs = [(org_id, p.code.lower(), p.name, p.signatory_name) for org_id, p in DEMO_PROFILES.items()]
    return [*orgs, ("default", "balai-default", "Balai Pelatihan KUKM", "Kepala Balai (dev)")]
