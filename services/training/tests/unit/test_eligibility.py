"""Eligibility per requirement kind, at and around every boundary."""
from __future__ import annotations

from datetime import date

import pytest

from training.domain.eligibility import BusinessFacts, ParticipantFacts, Requirements, age_on, check

TODAY = date(2026, 11, 26)
PERSON = ParticipantFacts(birth_date=date(1992, 7, 15), regency_code="33.74")
BIZ = BusinessFacts(assets=100_000_000, turnover=100_000_000, workforce=1, permits=frozenset({"nib"}),
                    regency_code="33.74")


def one(req: Requirements, person=PERSON, biz=BIZ):
    results = check(req, person, biz, TODAY)
    assert len(results) == 1
    return results[0]


def born(years_ago: int, days_offset: int = 0) -> ParticipantFacts:
    from datetime import timedelta
    return ParticipantFacts(birth_date=date(TODAY.year - years_ago, TODAY.month, TODAY.day) + timedelta(days=days_offset),
                            regency_code="33.74")


def test_no_requirements_no_results():
    assert check(Requirements(), PERSON, BIZ, TODAY) == []


def test_guide_wording_when_everything_is_met():
    req = Requirements(age_max=50, assets_min=50_000_000, turnover_min=50_000_000, workforce_min=1)
    results = check(req, PERSON, BIZ, TODAY)
    assert [r.message for r in results] == ["Aset memenuhi syarat", "Omset memenuhi syarat",
                                            "Tenaga kerja memenuhi syarat", "Umur anda memenuhi syarat"]
    assert all(r.ok for r in results)
    assert results[0].value == "Rp 100.000.000" and results[3].value == "34 tahun"


@pytest.mark.parametrize("years,offset,ok", [(50, 0, True), (51, 1, True), (51, 0, False), (52, 0, False)])
def test_age_max_boundary(years, offset, ok):
    # 51st birthday today -> 51 (too old); one day before the 51st birthday -> still 50
    r = one(Requirements(age_max=50), person=born(years, offset))
    assert r.ok is ok
    if not ok:
        assert r.message == f"Umur anda {years} tahun, maksimal 50 tahun"


@pytest.mark.parametrize("years,offset,ok", [(18, 0, True), (18, 1, False), (17, 0, False)])
def test_age_min_boundary(years, offset, ok):
    r = one(Requirements(age_min=18), person=born(years, offset))
    assert r.ok is ok
    if not ok:
        assert r.message == "Umur anda 17 tahun, minimal 18 tahun"


def test_leap_day_birthday():
    assert age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert age_on(date(2000, 2, 29), date(2026, 3, 1)) == 26
    assert age_on(date(2000, 2, 29), date(2028, 2, 29)) == 28


@pytest.mark.parametrize("assets,ok", [(49_999_999, False), (50_000_000, True), (500_000_000, True),
                                       (500_000_001, False)])
def test_assets_range_inclusive(assets, ok):
    r = one(Requirements(assets_min=50_000_000, assets_max=500_000_000),
            biz=BusinessFacts(assets=assets, turnover=0, workforce=0))
    assert r.ok is ok and r.key == "assets"
    if assets < 50_000_000:
        assert r.message == "Aset Rp 49.999.999, minimal Rp 50.000.000"
    elif not ok:
        assert r.message == "Aset Rp 500.000.001, maksimal Rp 500.000.000"


@pytest.mark.parametrize("turnover,ok", [(0, False), (9_999_999, False), (10_000_000, True)])
def test_turnover_min(turnover, ok):
    r = one(Requirements(turnover_min=10_000_000), biz=BusinessFacts(assets=0, turnover=turnover, workforce=0))
    assert r.ok is ok
    assert r.message == ("Omset memenuhi syarat" if ok else f"Omset Rp {turnover:,}".replace(",", ".")
                         + ", minimal Rp 10.000.000")


def test_turnover_max_only():
    r = one(Requirements(turnover_max=2_000_000_000), biz=BusinessFacts(assets=0, turnover=2_000_000_001, workforce=0))
    assert not r.ok and r.message.endswith("maksimal Rp 2.000.000.000")


@pytest.mark.parametrize("workforce,ok", [(0, False), (1, False), (2, True), (3, True)])
def test_workforce_min(workforce, ok):
    r = one(Requirements(workforce_min=2), biz=BusinessFacts(assets=0, turnover=0, workforce=workforce))
    assert r.ok is ok
    assert r.message == ("Tenaga kerja memenuhi syarat" if ok else f"Tenaga kerja {workforce} orang, minimal 2 orang")


def test_permits_all_required():
    req = Requirements(permits=("nib", "halal"))
    r = one(req, biz=BusinessFacts(assets=0, turnover=0, workforce=0, permits=frozenset({"nib"})))
    assert not r.ok and r.message == "Belum memiliki Sertifikat Halal"
    r = one(req, biz=BusinessFacts(assets=0, turnover=0, workforce=0, permits=frozenset({"nib", "halal", "pirt"})))
    assert r.ok and r.message == "Izin/sertifikat memenuhi syarat"
    r = one(req, biz=BusinessFacts(assets=0, turnover=0, workforce=0))
    assert r.message == "Belum memiliki NIB, Sertifikat Halal"


def test_region_business_or_participant():
    req = Requirements(regencies=("33.22",))
    assert not one(req).ok
    assert "Kab. Semarang" in one(req).message or "Semarang" in one(req).message
    assert one(req, biz=BusinessFacts(assets=0, turnover=0, workforce=0, regency_code="33.22")).ok
    assert one(req, person=ParticipantFacts(birth_date=date(1990, 1, 1), regency_code="33.22")).ok
