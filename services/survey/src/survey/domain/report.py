"""What the period's SKM report shows (SOP steps 13–19); the PDF adapter only lays it out.

The service fills it from its aggregation (recap, demographics, channels, suggestions, trend)
and from the admin's entries (population, follow-up plan, signatory). Pure Python.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from survey.domain.ikm import Recap, TrendPoint

CHANNEL_LABELS = {"online": "Daring (peserta)", "link": "Tautan/QR", "paper": "Formulir kertas"}
DEMOGRAPHIC_TITLES = {"sex": "Jenis Kelamin", "age": "Umur", "education": "Pendidikan Terakhir",
                      "occupation": "Pekerjaan"}


@dataclass(frozen=True)
class FollowUp:
    """One row of the "Rencana Tindak Lanjut" the admin fills."""

    no: int
    unsur: str  # "Prioritas Unsur"
    program: str  # "Program/Kegiatan"
    time: str  # "Waktu", e.g. "Juli–September 2024"
    responsible: str  # "Penanggung Jawab"


@dataclass(frozen=True)
class ComplaintFigures:
    """The period's complaints (pengaduan), shown next to unsur 8 "Penanganan Pengaduan, Saran dan
    Masukan": received, and of those the ones verified, answered, closed, and overdue now."""

    received: int = 0
    verified: int = 0
    answered: int = 0
    closed: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class Signatory:
    position: str  # "Kepala UPT …"
    name: str
    nip: str = ""


@dataclass(frozen=True)
class ReportData:
    org_name: str
    org_parent: str  # e.g. "Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Jawa Tengah"
    period_name: str
    period_start: date
    period_end: date
    population: int  # service users in the period (N) for the minimum sample
    recap: Recap
    signatory: Signatory
    place: str
    report_date: date
    # "sex" / "age" / "education" / "occupation" → [(label, count), ...]
    demographics: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    channels: dict[str, int] = field(default_factory=dict)  # "online" / "link" / "paper" → count
    suggestions: list[str] = field(default_factory=list)
    trend: list[TrendPoint] = field(default_factory=list)  # oldest first, this period last
    follow_up: list[FollowUp] = field(default_factory=list)
    service_name: str = ""  # optional: the recap limited to one service
    complaints: ComplaintFigures | None = None  # next to unsur 8 (None: the recap of one service)
