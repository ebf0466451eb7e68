from importlib import resources

import pytest

from identity.domain.passwords import common_passwords, is_common_password


def test_list_is_large_lowercase_and_unique():
    text = resources.files("identity.domain").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) >= 1000
    assert len(set(lines)) == len(lines)
    assert all(line == line.lower() for line in lines)
    assert len(common_passwords()) >= 1000


@pytest.mark.parametrize(
    "pw",
    ["bismillah", "sayang", "indonesia", "rahasia", "password", "12345678", "qwertyui", "sayang123",
     "bismillah123", "indonesia123", "persib1933", "akusayangkamu", "iloveyou", "qwerty123", "p@ssw0rd"],
)
def test_common_passwords_are_found(pw):
    assert is_common_password(pw)


@pytest.mark.parametrize("pw", ["BISMILLAH", "Sayang123", "PassWord", " rahasia "])
def test_lookup_ignores_case_and_surrounding_spaces(pw):
    assert is_common_password(pw)


@pytest.mark.parametrize("pw", ["Kopi-Tubruk-77", "x7#Kq9!zLm", "lumpia semarang enak sekali", ""])
def test_uncommon_passwords_pass(pw):
    assert not is_common_password(pw)


@pytest.mark.parametrize("pw", [None, 12345678, b"password"])
def test_non_strings_are_not_common(pw):
    assert is_common_password(pw) is False


def test_list_is_loaded_once():
    assert common_passwords() is common_passwords()
