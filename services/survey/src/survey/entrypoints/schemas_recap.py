"""Response schema of the recap: exact values shown with 2 decimals (strings), grades, IPA, profile."""
from __future__ import annotations

from balai_platform.responses import PublicModel


class UnsurRecapPublic(PublicModel):
    unsur: int
    name: str
    total: int
    nrr: str
    weighted: str
    converted: str
    grade: str | None
    grade_label: str | None


class IpaPointPublic(PublicModel):
    unsur: int
    name: str
    performance: str
    importance: str
    performance_value: float
    importance_value: float
    conformity: str
    quadrant: str
    quadrant_label: str


class IpaPublic(PublicModel):
    x_axis: str
    y_axis: str
    x_axis_value: float
    y_axis_value: float
    conformity: str
    points: list[IpaPointPublic]


class CountPublic(PublicModel):
    label: str
    count: int


class TrendPointPublic(PublicModel):
    period_name: str
    converted: str
    grade: str | None
    change: str | None


class SamplePublic(PublicModel):
    population: int
    min_sample: int | None
    adequate: bool | None


class ComplaintFiguresPublic(PublicModel):
    """The period's complaints, next to unsur 8 (Penanganan Pengaduan, Saran dan Masukan)."""

    received: int
    verified: int
    answered: int
    closed: int
    overdue: int


class RecapPublic(PublicModel):
    period_id: str
    period_name: str
    org_name: str
    n: int
    ikm: str
    converted: str
    grade: str | None
    grade_label: str | None
    legacy_ikm: str
    legacy_converted: str
    legacy_grade: str | None
    unsur: list[UnsurRecapPublic]
    weakest_first: list[int]
    ipa: IpaPublic | None
    sample: SamplePublic
    demographics: dict[str, list[CountPublic]]
    channels: dict[str, int]
    suggestions: list[str]
    trend: list[TrendPointPublic]
    complaints: ComplaintFiguresPublic | None = None
