"""Questionnaire content (guide step 22), its edits, the app survey and the period names."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from balai_platform.errors import InvalidInput
from survey.domain.app_survey import APP_QUESTIONS
from survey.domain.questionnaire import (
    APP_SURVEY,
    IMPORTANCE_ANSWERS,
    UNSUR,
    QuestionnaireContent,
    default_content,
    period_bounds,
    period_name,
    periods_of,
    validate_app_answers,
    validate_content,
)


def test_nine_unsur_in_the_regulation_order():
    assert UNSUR == ("Persyaratan", "Sistem, Mekanisme dan Prosedur", "Waktu Penyelesaian",
                     "Biaya/Tarif", "Produk Spesifikasi Jenis Pelayanan", "Kompetensi Pelaksana",
                     "Perilaku Pelaksana", "Penanganan Pengaduan, Saran dan Masukan",
                     "Sarana dan Prasarana")


def test_default_content_follows_the_guide():
    c = validate_content(default_content())
    assert [q.unsur for q in c.performance] == list(range(1, 10))
    assert c.performance[1].answers == ("Tidak Mudah", "Kurang Mudah", "Mudah", "Sangat Mudah")
    assert c.performance[5].answers[2] == "Berkompeten"
    assert c.performance[8].answers[3] == "Sangat Lengkap"
    assert "responsif" in c.performance[2].example
    assert all(q.answers == IMPORTANCE_ANSWERS for q in c.importance)
    assert IMPORTANCE_ANSWERS == ("Tidak Penting", "Kurang Penting", "Penting", "Sangat Penting")


def test_json_round_trip():
    c = default_content()
    assert QuestionnaireContent.from_dict(c.to_dict()) == c


def _edit(c: QuestionnaireContent, i: int, **changes) -> QuestionnaireContent:
    perf = list(c.performance)
    perf[i] = dataclasses.replace(perf[i], **changes)
    return QuestionnaireContent(tuple(perf), c.importance)


def test_admin_may_reword_but_not_drop_or_reorder_unsur():
    c = default_content()
    assert validate_content(_edit(c, 0, text="Apakah persyaratan jelas?")).performance[0].text
    with pytest.raises(InvalidInput) as e:
        validate_content(_edit(c, 0, unsur=2))
    assert "performance.1" in e.value.errors
    with pytest.raises(InvalidInput) as e:
        validate_content(QuestionnaireContent(c.performance[:8], c.importance))
    assert "tepat 9 unsur" in e.value.errors["performance"]


@pytest.mark.parametrize("changes, field", [
    ({"text": "  "}, "performance.3.text"), ({"text": "x" * 501}, "performance.3.text"),
    ({"example": "x" * 1001}, "performance.3.example"),
    ({"answers": ("A", "B", "", "D")}, "performance.3.answers"),
    ({"answers": ("A", "B", "b", "D")}, "performance.3.answers"),
])
def test_bad_edits_name_the_field(changes, field):
    with pytest.raises(InvalidInput) as e:
        validate_content(_edit(default_content(), 2, **changes))
    assert field in e.value.errors


def test_from_dict_refuses_incomplete_content():
    with pytest.raises(InvalidInput):
        QuestionnaireContent.from_dict({"performance": []})
    with pytest.raises(InvalidInput):
        QuestionnaireContent.from_dict({"performance": [{"unsur": 1, "answers": ["a"]}],
                                        "importance": []})


@pytest.mark.parametrize("start, end, name", [
    (date(2024, 1, 1), date(2024, 6, 30), "Semester I Th. 2024 (01-01-2024 s.d. 30-06-2024)"),
    (date(2024, 7, 1), date(2024, 12, 31), "Semester II Th. 2024 (01-07-2024 s.d. 31-12-2024)"),
    (date(2024, 7, 1), date(2024, 9, 30), "Triwulan III Th. 2024 (01-07-2024 s.d. 30-09-2024)"),
    (date(2024, 1, 1), date(2024, 12, 31), "Tahun 2024 (01-01-2024 s.d. 31-12-2024)"),
    (date(2024, 2, 5), date(2024, 3, 9), "Periode (05-02-2024 s.d. 09-03-2024)"),
])
def test_period_names(start, end, name):
    assert period_name(start, end) == name


def test_period_bounds_and_periods_of_a_year():
    assert period_bounds(date(2024, 2, 29), 3) == (date(2024, 1, 1), date(2024, 3, 31))
    assert period_bounds(date(2024, 8, 17), 6) == (date(2024, 7, 1), date(2024, 12, 31))
    assert period_bounds(date(2023, 2, 1), 12) == (date(2023, 1, 1), date(2023, 12, 31))
    assert periods_of(2024, 3)[1] == (date(2024, 4, 1), date(2024, 6, 30))
    assert len(periods_of(2024, 6)) == 2
    with pytest.raises(InvalidInput):
        period_bounds(date(2024, 1, 1), 4)
    with pytest.raises(InvalidInput):
        period_name(date(2024, 2, 1), date(2024, 1, 1))


def test_app_survey_sections_and_kinds():
    assert [s.title for s in APP_SURVEY] == [
        "Kemudahan Akses", "Kecepatan Akses/Layanan", "Keamanan Informasi", "Fungsi/Tujuan",
        "Response Admin/Service Desk", "Kualitas Layanan"]
    assert {q.kind for q in APP_QUESTIONS} == {"scale10", "yesno"}
    assert len({q.key for q in APP_QUESTIONS}) == len(APP_QUESTIONS)


def test_app_answers_are_checked_by_kind():
    ok = {q.key: ("Ya" if q.kind == "yesno" else "10") for q in APP_QUESTIONS}
    answers = validate_app_answers({**ok, "suggestion": "  Tambah fitur  "})
    assert answers.values["kualitas"] == 10 and answers.values["ada_helpdesk"] is True
    assert answers.suggestion == "Tambah fitur"
    with pytest.raises(InvalidInput) as e:
        validate_app_answers({**ok, "kualitas": "11", "ada_helpdesk": "mungkin",
                              "keamanan": None, "suggestion": "x" * 2001})
    assert set(e.value.errors) == {"kualitas", "ada_helpdesk", "keamanan", "suggestion"}
