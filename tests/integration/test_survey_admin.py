"""Survey admin on the real stack: spreadsheet import all-or-nothing, report and files, follow-up, archive,
public IKM, app survey."""
from __future__ import annotations

import httpx
import pytest

from services.survey.tests.support import API, JATENG
from services.ukm.tests.support import login, new_participant

pytestmark = pytest.mark.integration
HEADER = ("Anonim,Nama,Email,Telepon,Umur,Jenis Kelamin,Alamat,Pendidikan,Pekerjaan,"
          + ",".join(f"U{i} Kinerja" for i in range(1, 10)) + ","
          + ",".join(f"U{i} Kepentingan" for i in range(1, 10)) + ",Masukan/Saran")


def row(perf: str = "3", name: str = "Budi", suggestion: str = "") -> str:
    return ",".join(["Tidak", name, "", "", "40", "L", "Semarang", "S1", "Pegawai Swasta"]
                    + [perf] * 9 + ["4"] * 9 + [suggestion])


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60) as c:
        yield c


@pytest.fixture
async def admin(client):
    return await login(client, "admin.jateng", "Admin-Test-2026")


async def _period(client, admin) -> str:
    return (await client.get(f"{API}/admin/periods", headers=admin)).json()["current_id"]


async def _n(client, admin, period_id) -> int:
    return (await client.get(f"{API}/admin/periods/{period_id}/recap", headers=admin)).json()["n"]


async def test_import_refuses_a_bad_row_with_its_number_and_imports_nothing(client, admin):
    period_id = await _period(client, admin)
    before = await _n(client, admin, period_id)
    bad = "\n".join([HEADER, row(), row(perf="5"), row(), row(perf="x")]).encode()
    r = await client.post(f"{API}/admin/periods/{period_id}/import", headers=admin,
                          files={"file": ("kertas.csv", bad, "text/csv")})
    assert r.status_code == 422, r.text
    assert set(r.json()["errors"]) == {"baris 3", "baris 5"} and "tidak ada jawaban yang disimpan" in r.json()["detail"]
    assert await _n(client, admin, period_id) == before
    junk = await client.post(f"{API}/admin/periods/{period_id}/import", headers=admin,
                             files={"file": ("kertas.xlsx", b"PK\x03\x04 not a workbook", "application/zip")})
    assert junk.status_code == 422 and "berkas" in junk.json()["errors"]

    good = "\n".join([HEADER, row(), row(perf="2", suggestion="=HYPERLINK(1)"), row(perf="4")]).encode()
    r = await client.post(f"{API}/admin/periods/{period_id}/import", headers=admin,
                          files={"file": ("kertas.csv", good, "text/csv")})
    assert r.status_code == 201, r.text
    assert r.json()["imported"] == 3
    assert await _n(client, admin, period_id) == before + 3

    template = await client.get(f"{API}/admin/periods/{period_id}/template.xlsx", headers=admin)
    assert template.status_code == 200 and template.content[:4] == b"PK\x03\x04"
    export = await client.get(f"{API}/admin/periods/{period_id}/responses.csv", headers=admin)
    assert export.status_code == 200 and "'=HYPERLINK(1)" in export.content.decode("utf-8-sig")


async def test_report_files_follow_up_archive_and_public_ikm(client, admin):
    period_id = await _period(client, admin)
    s = await client.put(f"{API}/admin/periods/{period_id}/settings", headers=admin, json={"population": "1000"})
    assert s.status_code == 200 and s.json()["population"] == 1000
    recap = (await client.get(f"{API}/admin/periods/{period_id}/recap", headers=admin)).json()
    assert recap["sample"] == {"population": 1000, "min_sample": 278, "adequate": recap["n"] >= 278}
    assert recap["trend"] and recap["trend"][-1]["period_name"] == recap["period_name"]
    assert sum(recap["channels"].values()) == recap["n"]

    fu = await client.put(f"{API}/admin/periods/{period_id}/follow-up", headers=admin, json={"rows": [
        {"unsur": "Waktu Penyelesaian", "program": "SOP respons 1 hari kerja", "time": "Juli 2026",
         "responsible": "Kepala Seksi Pelatihan"}]})
    assert fu.status_code == 200 and len(fu.json()["follow_up"]) == 1
    bad_fu = await client.put(f"{API}/admin/periods/{period_id}/follow-up", headers=admin,
                              json={"rows": [{"unsur": "Biaya", "program": "", "time": "", "responsible": ""}]})
    assert bad_fu.status_code == 422

    report = await client.get(f"{API}/admin/periods/{period_id}/report.pdf", headers=admin)
    assert report.status_code == 200 and report.content.startswith(b"%PDF")
    for name in ("qr.pdf", "paper-form.pdf"):
        f = await client.get(f"{API}/admin/periods/{period_id}/{name}", headers=admin)
        assert f.status_code == 200 and f.content.startswith(b"%PDF"), name

    not_pdf = await client.post(f"{API}/admin/periods/{period_id}/signed-report", headers=admin,
                                files={"file": ("scan.pdf", b"\x89PNG fake", "application/pdf")})
    assert not_pdf.status_code == 422
    ok = await client.post(f"{API}/admin/periods/{period_id}/signed-report", headers=admin,
                           files={"file": ("scan.pdf", report.content, "application/pdf")})
    assert ok.status_code == 200 and ok.json()["signed_at"]
    back = await client.get(f"{API}/admin/periods/{period_id}/signed-report.pdf", headers=admin)
    assert back.content == report.content
    other = await login(client, "admin.jatim", "Admin-Test-2026")
    assert (await client.get(f"{API}/admin/periods/{period_id}/report.pdf", headers=other)).status_code == 403

    ikm = (await client.get(f"{API}/public/ikm")).json()["items"]
    mine = next(i for i in ikm if i["org_id"] == str(JATENG))
    assert mine["grade"] in {"A", "B", "C", "D"} and mine["n"] > 0


async def test_admin_edits_wording_but_never_the_unsur(client, admin):
    period_id = await _period(client, admin)
    content = (await client.get(f"{API}/admin/periods/{period_id}", headers=admin)).json()["content"]
    content["performance"][2]["text"] = "Bagaimana kecepatan petugas menanggapi pertanyaan Anda?"
    ok = await client.put(f"{API}/admin/periods/{period_id}/content", headers=admin, json=content)
    assert ok.status_code == 200 and ok.json()["content"]["performance"][2]["text"].startswith("Bagaimana kecepatan")
    fewer = {**content, "performance": content["performance"][:8]}
    r = await client.put(f"{API}/admin/periods/{period_id}/content", headers=admin, json=fewer)
    assert r.status_code == 422 and "performance" in r.json()["errors"]
    swapped = {**content, "importance": [content["importance"][1], content["importance"][0], *content["importance"][2:]]}
    r = await client.put(f"{API}/admin/periods/{period_id}/content", headers=admin, json=swapped)
    assert r.status_code == 422 and "importance.1" in r.json()["errors"]
    r = await client.put(f"{API}/admin/periods/{period_id}/content", headers=admin, json={"performance": "x"})
    assert r.status_code == 422


async def test_app_survey_anonymous_and_once_per_account(client):
    questions = (await client.get(f"{API}/app-survey")).json()
    keys = [(q["key"], q["kind"]) for s in questions["sections"] for q in s["questions"]]
    titles = [s["title"] for s in questions["sections"]]
    assert titles[0] == "Kemudahan Akses" and "Kualitas Layanan" in titles
    answers = {k: ("ya" if kind == "yesno" else "8") for k, kind in keys}
    anon = await client.post(f"{API}/app-survey", data={**answers, "anonymous": "1"})
    assert anon.status_code == 201, anon.text
    missing = await client.post(f"{API}/app-survey", data={**answers, "name": ""})
    assert missing.status_code == 422 and "name" in missing.json()["errors"]
    _, h = await new_participant(client)
    first = await client.post(f"{API}/app-survey", headers=h, data={**answers, "name": "Siti", "phone": "0812 3456 7890"})
    assert first.status_code == 201, first.text
    again = await client.post(f"{API}/app-survey", headers=h, data={**answers, "anonymous": "1"})
    assert again.status_code == 409
    assert (await client.get(f"{API}/me/invitations", headers=h)).json()["app_survey_done"] is True
