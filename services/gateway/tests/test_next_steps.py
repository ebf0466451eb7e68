"""The participant's "Yang perlu Anda lakukan": which next step each state gives (pure, no I/O)."""
from __future__ import annotations

from datetime import date

from gateway.web.participant.next_steps import next_steps

TODAY = date(2026, 12, 3)


def enrollment(status: str, actions: list[str] | None = None, title: str = "Koperasi Modern Angkatan 1") -> dict:
    return {"id": "e1", "status": status, "actions": actions or [], "training_title": title}


def steps(**over) -> list[dict]:
    args = dict(businesses=[{"id": "b"}], history={"items": []}, rooms=[], surveys=[], certificates=[], today=TODAY)
    return next_steps(**{**args, **over})


def test_without_a_business_the_first_step_is_the_business_data():
    out = steps(businesses=[])
    assert out[0]["href"] == "/ukm" and out[0]["button"] == "Lengkapi Data Usaha"


def test_with_a_business_and_nothing_active_the_schedule_is_suggested():
    out = steps()
    assert [s["href"] for s in out] == ["/jadwal"]


def test_each_enrollment_state_has_its_step_and_doing_comes_before_waiting():
    out = steps(history={"items": [enrollment("submitted"), enrollment("verified", ["confirm", "cancel"]),
                                   enrollment("waitlisted"), enrollment("confirmed", ["open_class"])]})
    assert [s["button"] for s in out] == ["Konfirmasi Pelatihan", "Buka Kelas", "Lihat Pendaftaran",
                                          "Lihat Pendaftaran"]
    assert out[0]["href"] == "/riwayat/e1/konfirmasi"
    assert "menunggu verifikasi admin" in out[2]["text"] and "daftar tunggu" in out[3]["text"]


def test_room_certificate_and_skm_are_folded_in():
    certs = [{"id": "c1", "status": "issued", "issued_at": "2026-12-01T03:00:00Z", "training_title": "A"},
             {"id": "c2", "status": "issued", "issued_at": "2026-01-01T03:00:00Z", "training_title": "Lama"},
             {"id": "c3", "status": "pending", "issued_at": None, "training_title": "B"},
             {"id": "c4", "status": "issued", "issued_at": "2026-12-02T03:00:00Z", "training_title": "C",
              "skm_required": True}]
    out = steps(rooms=["K01"], certificates=certs,
                surveys=[{"id": "i1", "org_name": "Balatkop UKM", "period_name": "Semester II 2026"}])
    assert out[0] == {"text": "Kamar K01 sudah siap untuk Anda.", "button": "Konfirmasi check-in kamar K01",
                      "href": "/check-in", "primary": True}
    hrefs = [s["href"] for s in out]
    assert "/e-sertifikat/c1/proses" in hrefs and "/e-sertifikat" in hrefs  # c4 waits for its SKM
    assert not any("c2" in h or "c3" in h for h in hrefs)  # old or not yet issued: no step
    assert "/skm/isi/i1" in hrefs


def test_a_service_that_cannot_answer_adds_no_false_step():
    assert steps(history=None, businesses=None, surveys=None, certificates=None) == []


def test_an_alumnus_is_offered_a_consultation():
    out = steps(history={"items": [enrollment("completed")]})
    assert {"href": "/konsultasi", "button": "Konsultasi", "primary": False}.items() <= next(
        s for s in out if s["href"] == "/konsultasi").items()
