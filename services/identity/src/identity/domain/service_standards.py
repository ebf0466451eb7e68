"""Standar Pelayanan (PermenPAN-RB 15/2014) of one organisation: its services, each with the six
service-delivery components as text, and the structured time limits other services enforce.

Concurrency: one row per organisation (`service_standards.org_id` primary key); a save loads the row
FOR UPDATE (a first save inserts; a concurrent first save is refused by the key), and the version
column grows by one per save, so the latest ServiceStandardsPublished is the whole current state.
Pure Python: no framework."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from balai_contracts.identity import DEFAULT_DEADLINES, ServiceDeadline, ServiceStandardsPublishedV1
from balai_platform.aggregate import Aggregate
from balai_platform.errors import InvalidInput

COMPONENTS: list[tuple[str, str]] = [
    ("requirements", "Persyaratan"),
    ("procedure", "Sistem, Mekanisme dan Prosedur"),
    ("time_limit", "Jangka Waktu Pelayanan"),
    ("cost", "Biaya/Tarif"),
    ("product", "Produk Pelayanan"),
    ("complaints", "Penanganan Pengaduan, Saran dan Masukan"),
]
"""The six service-delivery components, in the order of the standard."""

DEADLINE_LABELS: dict[str, str] = {
    "enrollment_verification": "Verifikasi pendaftaran pelatihan",
    "consultation_first_answer": "Jawaban pertama konsultasi pasca pelatihan",
    "complaint_verification": "Verifikasi pengaduan",
    "complaint_follow_up": "Jawaban dan tindak lanjut pengaduan",
}
UNITS = {"working_days": "hari kerja", "working_hours": "jam kerja"}
MAX_SERVICES = 20
NAME_MAX = 150
TEXT_MAX = 2000
AMOUNT_MAX = {"working_days": 60, "working_hours": 40}


@dataclass
class ServiceEntry:
    name: str
    requirements: str
    procedure: str
    time_limit: str
    cost: str
    product: str
    complaints: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, **{k: getattr(self, k) for k, _ in COMPONENTS}}


def _clean(value: Any) -> str:
    text = value if isinstance(value, str) else ""
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip().split("\n"))


def validate_services(raw: Any) -> list[ServiceEntry]:
    """Services from the form (a list of dicts); InvalidInput names each bad field as services.N.key."""
    if not isinstance(raw, list) or not raw:
        raise InvalidInput({"services": "Isi minimal satu layanan"}, "Isi minimal satu layanan")
    if len(raw) > MAX_SERVICES:
        raise InvalidInput({"services": f"Paling banyak {MAX_SERVICES} layanan"})
    errors: dict[str, str] = {}
    out: list[ServiceEntry] = []
    names: set[str] = set()
    for i, item in enumerate(raw):
        item = item if isinstance(item, dict) else {}
        values = {"name": _clean(item.get("name"))} | {k: _clean(item.get(k)) for k, _ in COMPONENTS}
        if not values["name"]:
            errors[f"services.{i}.name"] = "Nama layanan wajib diisi"
        elif len(values["name"]) > NAME_MAX:
            errors[f"services.{i}.name"] = f"Nama layanan maksimal {NAME_MAX} karakter"
        elif values["name"].casefold() in names:
            errors[f"services.{i}.name"] = "Nama layanan sudah dipakai layanan lain"
        names.add(values["name"].casefold())
        for key, label in COMPONENTS:
            if not values[key]:
                errors[f"services.{i}.{key}"] = f"{label} wajib diisi"
            elif len(values[key]) > TEXT_MAX:
                errors[f"services.{i}.{key}"] = f"{label} maksimal {TEXT_MAX} karakter"
        out.append(ServiceEntry(**values))
    if errors:
        raise InvalidInput(errors, "Standar pelayanan belum lengkap, periksa isian yang ditandai")
    return out


def validate_deadlines(raw: Any) -> dict[str, tuple[int, str]]:
    """Every known deadline key with amount (whole number) and unit; missing keys keep their default."""
    raw = raw if isinstance(raw, dict) else {}
    errors: dict[str, str] = {}
    out: dict[str, tuple[int, str]] = {}
    for key, (default_amount, default_unit) in DEFAULT_DEADLINES.items():
        item = raw.get(key)
        if item is None:
            out[key] = (default_amount, default_unit)
            continue
        item = item if isinstance(item, dict) else {}
        unit = str(item.get("unit") or "")
        amount_text = str(item.get("amount") if item.get("amount") is not None else "").strip()
        if unit not in UNITS:
            errors[f"deadlines.{key}.unit"] = "Pilih satuan: hari kerja atau jam kerja"
            continue
        if not amount_text.isdigit() or not 1 <= int(amount_text) <= AMOUNT_MAX[unit]:
            errors[f"deadlines.{key}.amount"] = f"Isi bilangan bulat 1 sampai {AMOUNT_MAX[unit]}"
            continue
        out[key] = (int(amount_text), unit)
    if errors:
        raise InvalidInput(errors, "Batas waktu belum valid, periksa isian yang ditandai")
    return out


@dataclass(eq=False)
class ServiceStandards(Aggregate):
    """An organisation's published service standards (a new organisation starts empty, defaults apply)."""

    org_id: uuid.UUID
    org_code: str
    org_name: str
    services: list[ServiceEntry] = field(default_factory=list)
    deadlines: dict[str, tuple[int, str]] = field(default_factory=lambda: dict(DEFAULT_DEADLINES))
    version: int = 0
    updated_at: datetime | None = None

    def aggregate_key(self) -> str:
        return str(self.org_id)

    def publish(self, services: list[ServiceEntry], deadlines: dict[str, tuple[int, str]], at: datetime) -> None:
        """The admin saves the standards; records ServiceStandardsPublished with every deadline."""
        self.services = list(services)
        self.deadlines = {**DEFAULT_DEADLINES, **deadlines}
        self.version += 1
        self.updated_at = at
        self.record(ServiceStandardsPublishedV1(
            org_id=self.org_id, org_code=self.org_code, published_at=at,
            deadlines=[ServiceDeadline(key=k, amount=a, unit=u) for k, (a, u) in self.deadlines.items()]))

    def to_dict(self) -> dict[str, Any]:
        return {"org_id": str(self.org_id), "org_code": self.org_code, "org_name": self.org_name,
                "services": [s.to_dict() for s in self.services], "version": self.version,
                "updated_at": self.updated_at,
                "deadlines": [{"key": k, "label": DEADLINE_LABELS.get(k, k), "amount": a, "unit": u,
                               "unit_label": UNITS[u]} for k, (a, u) in self.deadlines.items()]}
