"""Pass rule, attendance percentage, quiz scoring and shuffling, schedule rules."""
from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest

from training.domain.attendance import attendance_percent, passed, training_days
from training.domain.quiz import Question, score, shuffled_paper
from training.domain.schedule import schedule_errors


def test_training_days_inclusive():
    assert training_days(date(2026, 6, 24), date(2026, 6, 28)) == [date(2026, 6, d) for d in range(24, 29)]
    assert training_days(date(2026, 6, 24), date(2026, 6, 24)) == [date(2026, 6, 24)]


@pytest.mark.parametrize("present,total,pct", [(4, 5, 80), (3, 4, 75), (2, 3, 66), (0, 0, 0), (5, 5, 100)])
def test_percent_rounds_down(present, total, pct):
    assert attendance_percent(present, total) == pct


@pytest.mark.parametrize("pct,score_,has_eval,ok", [
    (80, None, False, True), (79, None, False, False), (100, 70, True, True), (100, 69, True, False),
    (100, None, True, False), (79, 100, True, False)])
def test_pass_rule(pct, score_, has_eval, ok):
    assert passed(pct, 80, has_evaluation=has_eval, score=score_, pass_mark=70) is ok


QS = [Question(str(i), f"Soal {i}", ("a", "b", "c"), i % 3) for i in range(10)]


def test_score_and_unanswered():
    assert score(QS, {q.id: q.correct for q in QS}) == 100
    assert score(QS, {q.id: q.correct for q in QS[:7]}) == 70
    assert score(QS, {}) == 0
    assert score([], {}) == 100


def test_paper_is_shuffled_but_complete():
    papers = [shuffled_paper(QS, random.Random(seed)) for seed in range(5)]
    orders = {tuple(q["id"] for q in p) for p in papers}
    assert len(orders) > 1
    for p in papers:
        assert sorted(q["id"] for q in p) == sorted(q.id for q in QS)
        for q in p:
            assert sorted(o["id"] for o in q["options"]) == [0, 1, 2]
            assert "correct" not in q


def _t(**over):
    base = dict(start_date=date(2026, 7, 1), end_date=date(2026, 7, 4), mode="residential", venue="Balai",
                registration_opens_at=datetime(2026, 6, 1, tzinfo=UTC),
                registration_closes_at=datetime(2026, 6, 28, tzinfo=UTC), quota=30, seats_taken=0,
                whatsapp_link="https://chat.whatsapp.com/abc", requirements={})
    base.update(over)
    return base


def test_schedule_valid():
    assert schedule_errors(_t()) == {}
    assert schedule_errors(_t(mode="online", venue="")) == {}


def test_schedule_errors():
    errors = schedule_errors(_t(end_date=date(2026, 6, 30), venue="", whatsapp_link="http://x", quota=5,
                                seats_taken=6, has_evaluation=True,
                                registration_closes_at=datetime(2026, 5, 1, tzinfo=UTC),
                                requirements={"age_min": 50, "age_max": 18, "regencies": ["99.99"],
                                              "checklist": [" "]}))
    assert set(errors) == {"end_date", "venue", "whatsapp_link", "quota", "pass_mark", "registration_closes_at",
                           "requirements.age_max", "requirements.regencies", "requirements.checklist"}
    assert errors["quota"] == "Kuota tidak boleh lebih kecil dari peserta terverifikasi (6)"


def test_working_days_skip_weekends_and_holidays():
    from training.domain.workdays import working_days_waited
    # Fri 2026-01-02 -> Mon 2026-01-05 (weekend between)
    assert working_days_waited(date(2026, 1, 2), date(2026, 1, 5)) == 1
    assert working_days_waited(date(2026, 1, 5), date(2026, 1, 5)) == 0
    # Nyepi (18-19 March 2026) and Idulfitri cuti bersama (20, 23 March): only the 17th counts
    assert working_days_waited(date(2026, 3, 16), date(2026, 3, 23)) == 1
    # a year without holiday data falls back to Monday-Friday
    assert working_days_waited(date(2025, 12, 26), date(2026, 1, 2)) == 4  # 29-31 Dec (fallback) and 2 Jan
