"""The survey about the application itself ("Survey Aplikasi Balai"; guide steps 24–27).

Six sections; each question is a 1–10 scale (``scale10``: 1 lowest, 10 highest) or a yes/no
(``yesno``); then free text about what the application should offer. Pure Python.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from balai_platform.errors import InvalidInput

AppKind = Literal["scale10", "yesno"]
APP = "aplikasi Balai"
MAX_APP_SUGGESTION = 2000


@dataclass(frozen=True)
class AppQuestion:
    key: str
    text: str
    kind: AppKind


@dataclass(frozen=True)
class AppSection:
    title: str
    description: str
    questions: tuple[AppQuestion, ...]


@dataclass(frozen=True)
class AppAnswers:
    values: dict[str, int | bool]  # scale10 → 1..10, yesno → True for "Ya"
    suggestion: str


def _q(key: str, text: str, kind: AppKind = "scale10") -> AppQuestion:
    return AppQuestion(key, text, kind)


APP_SURVEY: tuple[AppSection, ...] = (
    AppSection("Kemudahan Akses",
               "Kemudahan akses masuk, pengalaman penggunaan yang mudah dipahami.", (
                   _q("akses_masuk", f"Bagaimanakah kemudahan akses masuk ke layanan {APP}?"),
                   _q("pengoperasian", f"Bagaimanakah kemudahan pengoperasian layanan {APP}?"),
               )),
    AppSection("Kecepatan Akses/Layanan",
               "Kecepatan dalam mengakses dan mendapatkan informasi yang diinginkan.", (
                   _q("akses_cepat", "Apabila kapasitas akses internet memadai, apakah akses "
                                     f"layanan {APP} cepat?"),
                   _q("kecepatan_layanan", f"Bagaimana kecepatan layanan {APP}?"),
               )),
    AppSection("Keamanan Informasi",
               "Ada bagian isian nama pengguna dan kata sandi untuk akses ke informasi tertentu "
               "atau informasi pribadi.", (
                   _q("ada_pengamanan", f"Apakah layanan {APP} meminta nama pengguna dan kata "
                                        "sandi untuk informasi pribadi?", "yesno"),
                   _q("keamanan", f"Bagaimana keamanan informasi pada layanan {APP}?"),
               )),
    AppSection("Fungsi/Tujuan",
               "Kelengkapan fitur pencarian, pengunggahan, pengunduhan dan lain-lainnya dalam "
               "layanan elektronik ini.", (
                   _q("ada_informasi", f"Apakah layanan {APP} mempunyai informasi yang "
                                       "dibutuhkan?", "yesno"),
                   _q("ada_pencarian", f"Apakah layanan {APP} mempunyai fitur pencarian?",
                      "yesno"),
                   _q("pencarian", f"Bagaimana layanan fitur pencarian pada {APP}?"),
                   _q("ada_unggah", f"Apakah layanan {APP} mempunyai fitur pengunggahan "
                                    "(unggah berkas)?", "yesno"),
                   _q("unggah", f"Bagaimana layanan fitur pengunggahan pada {APP}?"),
                   _q("ada_unduh", f"Apakah layanan {APP} mempunyai fitur pengunduhan "
                                   "(unduh berkas)?", "yesno"),
                   _q("unduh", f"Bagaimana layanan fitur pengunduhan pada {APP}?"),
               )),
    AppSection("Response Admin/Service Desk",
               "Terdapat layanan untuk berkomunikasi dengan admin jika terjadi masalah atau "
               "kendala.", (
                   _q("ada_helpdesk", f"Apakah ada layanan bantuan (help desk) pada {APP}?",
                      "yesno"),
                   _q("respon_admin", "Bagaimanakah kecepatan tanggapan admin/layanan bantuan "
                                      f"pada {APP}?"),
                   _q("respon_tuntas", "Apakah tanggapan yang diberikan menyelesaikan masalah?"),
               )),
    AppSection("Kualitas Layanan", "Kualitas layanan elektronik secara keseluruhan.", (
        _q("kualitas", f"Secara umum, bagaimanakah kualitas layanan {APP}?"),
    )),
)

APP_QUESTIONS: tuple[AppQuestion, ...] = tuple(q for s in APP_SURVEY for q in s.questions)
APP_SUGGESTION_LABEL = f"Masukan Saudara tentang kebutuhan pengembangan bagi layanan {APP}"

_YES = {"ya", "y", "yes", "true", "1"}
_NO = {"tidak", "t", "no", "false", "0"}


def _clean(q: AppQuestion, raw: object) -> int | bool:
    if q.kind == "yesno":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().casefold()
        if text in _YES:
            return True
        if text in _NO:
            return False
        raise ValueError("Pilih Ya atau Tidak")
    if isinstance(raw, bool):
        raise ValueError("Pilih nilai 1 sampai 10")
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise ValueError("Pilih nilai 1 sampai 10") from None
    if not 1 <= value <= 10:
        raise ValueError("Pilih nilai 1 sampai 10")
    return value


def validate_app_answers(answers: Mapping[str, object]) -> AppAnswers:
    """Every question answered within its kind; the suggestion optional and bounded."""
    errors: dict[str, str] = {}
    values: dict[str, int | bool] = {}
    for q in APP_QUESTIONS:
        raw = answers.get(q.key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            errors[q.key] = "Pertanyaan ini wajib dijawab"
            continue
        try:
            values[q.key] = _clean(q, raw)
        except ValueError as exc:
            errors[q.key] = str(exc)
    suggestion = str(answers.get("suggestion") or "").strip()
    if len(suggestion) > MAX_APP_SUGGESTION:
        errors["suggestion"] = f"Masukan paling banyak {MAX_APP_SUGGESTION} karakter"
    if errors:
        raise InvalidInput(errors)
    return AppAnswers(values, suggestion)
