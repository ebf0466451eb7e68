"""The SKM period aggregate: an organisation's questionnaire for one period, its follow-up plan
("Rencana Tindak Lanjut") and the archived signed report.

Concurrency: `periods (org_id, start_date)` is unique, so two first events of a new period create
one questionnaire (INSERT ... ON CONFLICT DO NOTHING, then read). Edits load the row FOR UPDATE.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from balai_platform.aggregate import Aggregate
from balai_platform.errors import InvalidInput

from .questionnaire import QuestionnaireContent, validate_content

MAX_SCAN_BYTES = 3 * 1024 * 1024
MAX_FOLLOW_UP_ROWS = 30
FOLLOW_UP_FIELDS = {"unsur": 120, "program": 500, "time": 80, "responsible": 120}
MAX_POPULATION = 10_000_000


@dataclass(eq=False)
class SkmPeriod(Aggregate):
    id: uuid.UUID
    org_id: uuid.UUID
    start: date
    end: date
    name: str
    content: QuestionnaireContent
    population: int = 0
    follow_up: list[dict[str, str]] = field(default_factory=list)
    signed_at: datetime | None = None

    def is_open(self, day: date) -> bool:
        return self.start <= day <= self.end

    def edit_content(self, content: QuestionnaireContent) -> None:
        """The admin rewords questions, examples and answers; the nine unsur stay."""
        self.content = validate_content(content)

    def set_population(self, population: object) -> None:
        """The number of service users in the period (for the minimum sample)."""
        try:
            n = int(str(population).strip())
        except ValueError:
            raise InvalidInput({"population": "Jumlah populasi harus berupa angka"}) from None
        if not 0 <= n <= MAX_POPULATION:
            raise InvalidInput({"population": "Jumlah populasi antara 0 dan 10.000.000"})
        self.population = n

    def set_follow_up(self, rows: list[dict[str, object]]) -> None:
        """Replace the Rencana Tindak Lanjut table (empty rows are dropped)."""
        clean: list[dict[str, str]] = []
        errors: dict[str, str] = {}
        for i, row in enumerate(rows, start=1):
            values = {k: str(row.get(k) or "").strip() for k in FOLLOW_UP_FIELDS}
            if not any(values.values()):
                continue
            for key, limit in FOLLOW_UP_FIELDS.items():
                if not values[key]:
                    errors[f"follow_up.{i}.{key}"] = f"Baris {i}: kolom ini wajib diisi"
                elif len(values[key]) > limit:
                    errors[f"follow_up.{i}.{key}"] = f"Baris {i}: maksimal {limit} karakter"
            clean.append(values)
        if len(clean) > MAX_FOLLOW_UP_ROWS:
            errors["follow_up"] = f"Maksimal {MAX_FOLLOW_UP_ROWS} baris rencana tindak lanjut"
        if errors:
            raise InvalidInput(errors)
        self.follow_up = clean

    def archive_signed(self, data: bytes, at: datetime) -> None:
        """The signed and scanned report (a PDF, checked by content, at most 3 MB)."""
        check_signed_scan(data)
        self.signed_at = at


def check_signed_scan(data: bytes) -> None:
    if not data:
        raise InvalidInput({"file": "Pilih berkas PDF laporan yang sudah ditandatangani"})
    if len(data) > MAX_SCAN_BYTES:
        raise InvalidInput({"file": "Ukuran berkas maksimal 3 MB"})
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise InvalidInput({"file": "Berkas harus PDF (hasil pindai laporan yang ditandatangani)"})
