"""Demo letterheads (kop surat) of both demo organisations for the narasumber letters; an admin edits them
on "Narasumber → Kop Surat". Existing rows are left as the admin saved them."""
from __future__ import annotations

import uuid

from sqlalchemy.dialects.postgresql import insert

from .adapters.tables_narasumber import narasumber_offices

OFFICES = [
    dict(org_id=uuid.UUID("0b0a1a10-0000-4000-8000-000000000001"), name="Balatkop UKM Provinsi Jawa Tengah",
         parent="Dinas Koperasi dan UKM Provinsi Jawa Tengah", address="Jl. Prof. Soedarto, Tembalang, Semarang",
         place="Semarang", head_position="Kepala Balatkop UKM Provinsi Jawa Tengah", head_name="Dra. Sri Wahyuni, M.M.",
         head_nip="19680412 199403 2 005"),
    dict(org_id=uuid.UUID("0b0a1a10-0000-4000-8000-000000000002"), name="UPT Pelatihan KUKM Provinsi Jawa Timur",
         parent="Dinas Koperasi dan UKM Provinsi Jawa Timur", address="Jl. Raya Juanda, Sidoarjo", place="Surabaya",
         head_position="Kepala UPT Pelatihan KUKM Provinsi Jawa Timur", head_name="Ir. Bambang Setiawan, M.Si.",
         head_nip="19700815 199803 1 004"),
]


async def seed_offices(s) -> None:
    for office in OFFICES:
        await s.execute(insert(narasumber_offices).values(**office).on_conflict_do_nothing())
