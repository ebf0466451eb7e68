"""The SKM questionnaire of PermenPAN-RB 14/2017: nine unsur, each asked twice.

Every unsur is asked for performance ("Kinerja/Kenyataannya") and for importance ("Tingkat
Kepentingan") on a 1–4 scale. The admin may reword a period's questions, examples and answers;
the nine unsur and their order stay (the recap depends on them). The default wording is the
Si Pentol guide's step 22 (its OCR slips corrected). Pure Python: no framework.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from balai_platform.errors import InvalidInput
from survey.domain.app_survey import APP_SURVEY, AppQuestion, validate_app_answers
from survey.domain.periods import period_bounds, period_name, periods_of

__all__ = [
    "APP_SURVEY", "AppQuestion", "IMPORTANCE_ANSWERS", "MAX_ANSWER", "MAX_EXAMPLE", "MAX_TEXT",
    "Question", "QuestionnaireContent", "UNSUR", "default_content", "period_bounds", "period_name",
    "periods_of", "validate_app_answers", "validate_content",
]

UNSUR: tuple[str, ...] = (
    "Persyaratan",
    "Sistem, Mekanisme dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Penanganan Pengaduan, Saran dan Masukan",
    "Sarana dan Prasarana",
)

IMPORTANCE_ANSWERS = ("Tidak Penting", "Kurang Penting", "Penting", "Sangat Penting")
MAX_TEXT = 500
MAX_EXAMPLE = 1000
MAX_ANSWER = 80


@dataclass(frozen=True)
class Question:
    """One unsur's question; ``answers[v - 1]`` is the wording of value v (1..4)."""

    unsur: int  # 1..9, the index in UNSUR plus one
    text: str
    example: str
    answers: tuple[str, str, str, str]

    def to_dict(self) -> dict[str, Any]:
        return {"unsur": self.unsur, "text": self.text, "example": self.example,
                "answers": list(self.answers)}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Question:
        answers = tuple(str(a) for a in raw.get("answers", ()))
        if len(answers) != 4:
            raise InvalidInput({"answers": "Setiap pertanyaan harus memiliki 4 pilihan jawaban"})
        return cls(int(raw["unsur"]), str(raw.get("text", "")), str(raw.get("example", "")),
                   answers)  # type: ignore[arg-type]


@dataclass(frozen=True)
class QuestionnaireContent:
    performance: tuple[Question, ...]
    importance: tuple[Question, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"performance": [q.to_dict() for q in self.performance],
                "importance": [q.to_dict() for q in self.importance]}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> QuestionnaireContent:
        try:
            return cls(tuple(Question.from_dict(q) for q in raw["performance"]),
                       tuple(Question.from_dict(q) for q in raw["importance"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidInput({"content": "Isi kuesioner tidak lengkap"}) from exc


# (question, example, performance answers) per unsur, from the guide's step 22–23.
_GUIDE: tuple[tuple[str, str, tuple[str, str, str, str]], ...] = (
    ("Bagaimana penilaian Bapak/Ibu tentang kesesuaian persyaratan pelayanan yang harus dipenuhi?",
     "Persyaratan pendaftaran pelatihan (KTP, KK, data usaha) sesuai dengan yang diumumkan",
     ("Tidak Sesuai", "Kurang Sesuai", "Sesuai", "Sangat Sesuai")),
    ("Bagaimana penilaian Bapak/Ibu mengenai kemudahan prosedur untuk mendapatkan layanan?",
     "Pendaftaran pelatihan dapat dilakukan secara online melalui aplikasi (tanpa harus datang); "
     "prosedur penggunaan fasilitas dapat diakses melalui website",
     ("Tidak Mudah", "Kurang Mudah", "Mudah", "Sangat Mudah")),
    ("Bagaimana penilaian Bapak/Ibu mengenai kecepatan waktu dalam memberikan pelayanan?",
     "Admin/petugas di lapangan responsif dan cepat dalam menanggapi pertanyaan",
     ("Tidak Cepat", "Kurang Cepat", "Cepat", "Sangat Cepat")),
    ("Bagaimana penilaian Bapak/Ibu mengenai kewajaran biaya dalam pelayanan?",
     "Peserta tidak dipungut biaya (gratis)",
     ("Tidak Wajar", "Kurang Wajar", "Wajar", "Sangat Wajar")),
    ("Bagaimana pendapat Bapak/Ibu tentang kesesuaian produk pelayanan antara yang tercantum "
     "dalam standar pelayanan dengan hasil yang diberikan?",
     "Peserta mendapatkan layanan pelatihan bagi UKM/pelatihan bagi Koperasi/penggunaan ruang "
     "kelas, aula, asrama di Balai",
     ("Tidak Sesuai", "Kurang Sesuai", "Sesuai", "Sangat Sesuai")),
    ("Bagaimana penilaian Bapak/Ibu mengenai kompetensi/kemampuan petugas pelayanan?",
     "Petugas pelayanan pelatihan di Balai memiliki kompetensi pelayanan sektor publik; petugas "
     "penanggung jawab sarana dan prasarana serta kebersihan dan keamanan memiliki kompetensi "
     "pelayanan prima bagi tamu/pengunjung",
     ("Tidak Kompeten", "Kurang Kompeten", "Berkompeten", "Sangat Kompeten")),
    ("Bagaimana penilaian Bapak/Ibu mengenai perilaku terkait kesopanan dan keramahan petugas "
     "pelayanan?",
     "Petugas melayani peserta pelatihan sejak kedatangan hingga kepulangan; petugas menyiapkan "
     "pelatihan sesuai SOP yang berlaku",
     ("Tidak Ramah/Sopan", "Kurang Ramah/Sopan", "Ramah/Sopan", "Sangat Ramah/Sopan")),
    ("Bagaimana penilaian Bapak/Ibu mengenai layanan konsultasi dan penanganan terkait pengaduan "
     "pengguna layanan?",
     "Tersedia ruang konsultasi dan kanal pengaduan yang dapat diakses secara offline dan online",
     ("Tidak Ditanggapi dan Tidak Ditindaklanjuti", "Kurang Ditanggapi dan Kurang Ditindaklanjuti",
      "Ditanggapi dan Ditindaklanjuti", "Selalu Ditanggapi dan Ditindaklanjuti")),
    ("Bagaimana penilaian Bapak/Ibu terhadap kualitas dan ketersediaan sarana dan prasarana "
     "pelayanan?",
     "Tersedia wifi di aula, kelas, asrama dan kantor; tersedia tempat ibadah (musala); tersedia "
     "lab (batik, jahit, boga, komputer); tempat parkir luas dan ramah difabel; tersedia papan "
     "petunjuk arah; tersedia toilet umum terpisah laki-laki dan perempuan",
     ("Tidak Lengkap", "Kurang Lengkap", "Lengkap", "Sangat Lengkap")),
)


def default_content() -> QuestionnaireContent:
    """The guide's questions; importance asks the same question with the importance scale."""
    performance = tuple(Question(i + 1, text, example, answers)
                        for i, (text, example, answers) in enumerate(_GUIDE))
    importance = tuple(Question(i + 1, f"Seberapa penting {UNSUR[i].lower()} bagi Bapak/Ibu?",
                                example, IMPORTANCE_ANSWERS)
                       for i, (_text, example, _answers) in enumerate(_GUIDE))
    return QuestionnaireContent(performance, importance)


def _check_side(side: str, questions: tuple[Question, ...], errors: dict[str, str]) -> None:
    if len(questions) != len(UNSUR):
        errors[side] = f"Kuesioner harus berisi tepat {len(UNSUR)} unsur"
        return
    for i, q in enumerate(questions):
        key = f"{side}.{i + 1}"
        if q.unsur != i + 1:
            errors[key] = f"Urutan unsur tidak boleh diubah (unsur {i + 1}: {UNSUR[i]})"
        elif not q.text.strip():
            errors[f"{key}.text"] = "Teks pertanyaan wajib diisi"
        elif len(q.text) > MAX_TEXT:
            errors[f"{key}.text"] = f"Teks pertanyaan paling banyak {MAX_TEXT} karakter"
        elif len(q.example) > MAX_EXAMPLE:
            errors[f"{key}.example"] = f"Contoh paling banyak {MAX_EXAMPLE} karakter"
        elif len(q.answers) != 4 or any(not a.strip() for a in q.answers):
            errors[f"{key}.answers"] = "Keempat pilihan jawaban wajib diisi"
        elif any(len(a) > MAX_ANSWER for a in q.answers):
            errors[f"{key}.answers"] = f"Pilihan jawaban paling banyak {MAX_ANSWER} karakter"
        elif len({a.strip().casefold() for a in q.answers}) != 4:
            errors[f"{key}.answers"] = "Keempat pilihan jawaban harus berbeda"


def validate_content(content: QuestionnaireContent) -> QuestionnaireContent:
    """Checks an edited questionnaire; raises InvalidInput naming each bad field."""
    errors: dict[str, str] = {}
    _check_side("performance", content.performance, errors)
    _check_side("importance", content.importance, errors)
    if errors:
        raise InvalidInput(errors, "Isi kuesioner belum valid, periksa isian yang ditandai")
    return content
