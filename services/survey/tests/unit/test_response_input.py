"""One answer is checked the same way on every channel."""
from __future__ import annotations

import pytest

from balai_platform.errors import InvalidInput
from survey.domain.response_input import age_band, normalise_phone, validate_response

SCORES = {**{f"p{i}": "3" for i in range(1, 10)}, **{f"i{i}": 4 for i in range(1, 10)}}
PERSON = {"name": "Siti Aminah", "email": "Siti@Contoh.ID", "phone": "+62 812-3456-7890",
          "age": "41", "sex": "P", "address": "Kudus", "education": "sma/smk",
          "occupation": "Pengurus Koperasi"}


def test_named_respondent_is_cleaned():
    r = validate_response({**PERSON, **SCORES, "suggestion": " Bagus "})
    assert not r.anonymous
    assert r.respondent.email == "siti@contoh.id" and r.respondent.phone == "081234567890"
    assert r.respondent.age == 41 and r.respondent.sex == "P"
    assert r.respondent.education == "SMA/SMK"
    assert r.performance == (3,) * 9 and r.importance == (4,) * 9 and r.suggestion == "Bagus"


def test_anonymous_needs_no_identity_and_keeps_no_identifier():
    r = validate_response({"anonymous": "on", **SCORES})
    assert r.anonymous and r.respondent.name is None
    r = validate_response({**PERSON, "anonymous": True, "email": "bukan-email", **SCORES})
    assert (r.respondent.name, r.respondent.email, r.respondent.phone,
            r.respondent.address) == (None, None, None, None)
    assert (r.respondent.age, r.respondent.sex, r.respondent.education) == (41, "P", "SMA/SMK")


def test_anonymous_profile_fields_are_still_checked():
    with pytest.raises(InvalidInput) as e:
        validate_response({"anonymous": True, "age": "7", "sex": "X", **SCORES})
    assert set(e.value.errors) == {"age", "sex"}


def test_named_respondent_must_give_the_starred_fields():
    with pytest.raises(InvalidInput) as e:
        validate_response(SCORES)
    assert set(e.value.errors) == {"name", "age", "sex", "education", "occupation"}


@pytest.mark.parametrize("field, value", [
    ("age", "14"), ("age", "101"), ("age", "dua puluh"), ("sex", "X"), ("phone", "12345"),
    ("email", "a@b"), ("education", "SMA"), ("occupation", "Astronot"), ("name", "x" * 121),
    ("address", "x" * 301),
])
def test_bad_identity_fields(field, value):
    with pytest.raises(InvalidInput) as e:
        validate_response({**PERSON, **SCORES, field: value})
    assert set(e.value.errors) == {field}


@pytest.mark.parametrize("value", ["0", "5", "", None, "3.5", True])
def test_scores_must_be_one_to_four(value):
    with pytest.raises(InvalidInput) as e:
        validate_response({**PERSON, **SCORES, "p7": value})
    assert list(e.value.errors) == ["p7"]
    assert "unsur 7" in e.value.errors["p7"]


def test_lists_are_accepted_too():
    r = validate_response({"anonymous": "1", "performance": [1, 2, 3, 4, 1, 2, 3, 4, 1],
                           "importance": ["4"] * 9})
    assert r.performance == (1, 2, 3, 4, 1, 2, 3, 4, 1)
    with pytest.raises(InvalidInput) as e:
        validate_response({"anonymous": "1", "performance": [1] * 8, "importance": [4] * 9})
    assert list(e.value.errors) == ["p9"]


def test_long_suggestion_refused():
    with pytest.raises(InvalidInput) as e:
        validate_response({"anonymous": "1", **SCORES, "suggestion": "x" * 2001})
    assert "suggestion" in e.value.errors


def test_helpers():
    assert normalise_phone("0812 3456 7890") == "081234567890"
    assert normalise_phone("6281234567890") == "081234567890"
    assert normalise_phone("(024) 7654321") == "0247654321"
    assert normalise_phone("81234567890") == "081234567890"  # Excel ate the zero
    assert normalise_phone("+1 555 1234") is None
    assert [age_band(a) for a in (None, 20, 21, 50, 51)] == [
        "Tidak diisi", "≤ 20 tahun", "21–30 tahun", "41–50 tahun", "> 50 tahun"]
