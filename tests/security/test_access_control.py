"""Access control of every owned resource of identity, ukm, training and lodging, through the gateway (issue 8).

One set-up per module: participant A (profile, business, a hidden product, a Jateng residential
enrollment confirmed with a photo and a testimonial, a Jateng online-class enrollment) and
participant B, who owns nothing of A's. Then a table of (actor, method, path, expected statuses)
cases, each a cheap request: B against A's resources (API and web pages), the Jatim admin against
the Jateng training, the Jateng admin doing the same (so the check is proven, not a broken route),
and anonymous requests. A denied answer must not carry A's personal data either.

To extend when lodging, certificate and survey land: build their resources in
`access_world.build_world` (a stay, a certificate, a survey invitation of A's) and add their rows
to the tables below (same actors, same expectations); nothing else changes.
"""
from __future__ import annotations

from datetime import datetime

import httpx
import pytest

from services.training.tests.support import WIB, wait_for
from tests.security.access_world import CE, CSRF_REFUSED, ID, LG, PDF, SV, TR, UKM, build_world, send
from tests.security.support import web_login

pytestmark = pytest.mark.integration
DENIED = {403, 404}
ALLOWED = {200, 201, 204, 409}  # 409: past the access check, refused only by the lifecycle


@pytest.fixture(scope="module")
async def world(balai_stack):
    """A's resources, B, the three admins, and logged-in web sessions."""
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60) as c:
        w = await build_world(c, balai_stack)
    webs = {"web_B": ("B", None), "web_jatim": ("admin.jatim", 1), "web_jateng": ("admin.jateng", 1)}
    w["web"] = {}
    for key, (who, admin) in webs.items():
        user, pw = (who, balai_stack.admin_password) if admin else (w["B_form"]["username"], w["B_form"]["password"])
        w["web"][key] = await web_login(balai_stack, user, pw)
    w["web"]["web_anon"] = httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60)
    yield w
    for web in w["web"].values():
        await web.aclose()


@pytest.fixture(scope="module")
async def api(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60) as c:
        yield c


PHOTO = {"files": True}
# B against A's resources: every row answers 403 or 404 (the status says which check refused)
SKM_ANSWER = {"data": {"anonymous": "1", **{f"p{i}": "3" for i in range(1, 10)}, **{f"i{i}": "4" for i in range(1, 10)}}}
B_CASES = [
    ("B", "GET", SV + "/me/invitations/{INV}"),
    ("B", "POST", SV + "/me/invitations/{INV}/response", SKM_ANSWER),
    ("B", "GET", SV + "/admin/periods/{SP}/recap"),
    ("web_B", "GET", "/skm/isi/{INV}"),
    ("web_B", "GET", "/admin/skm/{SP}"),
    ("B", "GET", ID + "/participants/{A_id}/photo"),
    ("B", "GET", ID + "/admin/participants/{A_id}"),
    ("B", "GET", UKM + "/businesses/{bid}/audit"),
    ("B", "PATCH", UKM + "/businesses/{bid}", {"data": {"brand": "Diambil Alih"}}),
    ("B", "POST", UKM + "/businesses/{bid}/members/{B_id}/approve"),
    ("B", "DELETE", UKM + "/businesses/{bid}/members/{A_id}"),
    ("B", "POST", UKM + "/businesses/{bid}/products", {"data": {"name": "Palsu", "category": "makanan_minuman"}}),
    ("B", "PATCH", UKM + "/products/{P1}", {"data": {"name": "Nama Palsu"}}),
    ("B", "POST", UKM + "/products/{P1}/hide"),
    ("B", "POST", UKM + "/products/{P2}/unhide"),
    ("B", "GET", UKM + "/products/{P2}/photos/1"),
    ("B", "GET", UKM + "/products/{P2}/photos/1?w=320"),  # a thumbnail is as private as its photo
    ("B", "POST", UKM + "/admin/products/{P1}/unpublish", {"json": {"reason": "bukan admin"}}),
    ("B", "GET", TR + "/enrollments/{E1}"),
    ("B", "POST", TR + "/enrollments/{E1}/cancel", {"json": {"reason": "iseng"}}),
    ("B", "POST", TR + "/enrollments/{E1}/confirm", PHOTO),
    ("B", "GET", TR + "/enrollments/{E1}/photos/1"),
    ("B", "GET", TR + "/enrollments/{E1}/confirmation-photo"),
    ("B", "PUT", TR + "/enrollments/{E1}/testimonial", {"json": {"rating": 1, "text": "Buruk sekali"}}),
    ("B", "GET", TR + "/enrollments/{E2}/class"),
    ("B", "POST", TR + "/enrollments/{E2}/modules/{M}/complete"),
    ("B", "POST", TR + "/enrollments/{E2}/quiz/attempts"),
    ("B", "GET", TR + "/modules/{M}/files/{F}"),
    ("B", "GET", TR + "/admin/enrollments/{E1}"),
    ("web_B", "GET", UKM + "/products/{P2}/photos/1"),  # an <img> sends only the session cookie
    ("web_B", "GET", UKM + "/products/{P2}/photos/1?w=640"),
    ("web_B", "GET", "/foto/{A_id}"),
    ("web_B", "GET", "/riwayat/{E1}/batal"),
    ("web_B", "GET", "/riwayat/{E1}/konfirmasi"),
    ("web_B", "GET", "/riwayat/{E1}/testimoni"),
    ("web_B", "GET", "/berkas-pelatihan/{E1}/produk/1"),
    ("web_B", "GET", "/berkas-pelatihan/{E1}/konfirmasi"),
    ("web_B", "GET", "/kelas/{E2}"),
    ("web_B", "GET", "/kelas/{E2}/evaluasi"),
    ("web_B", "GET", "/materi-pelatihan/{M}/{F}"),
    ("web_B", "GET", "/ukm/{bid}/edit"),
    ("web_B", "GET", "/ukm/{bid}/produk/baru"),
    ("web_B", "GET", "/admin/ukm/{bid}"),
    ("web_B", "GET", "/admin/peserta/{A_id}"),
    ("web_B", "GET", "/admin/pendaftaran/{E1}"),
    # the forms, posted with a valid CSRF token so that the refusal is the owner check's
    ("web_B", "POST", "/riwayat/{E1}/batal", {"data": {"reason": "iseng"}}),
    ("web_B", "POST", "/riwayat/{E1}/konfirmasi", PHOTO),
    ("web_B", "POST", "/riwayat/{E1}/testimoni", {"data": {"rating": "1", "text": "Buruk sekali"}}),
    ("web_B", "POST", "/kelas/{E2}/materi/{M}"),
    ("web_B", "POST", "/kelas/{E2}/evaluasi"),
    ("web_B", "POST", "/ukm/{bid}/edit", {"data": {"brand": "Diambil Alih"}}),
    ("web_B", "POST", "/ukm/{bid}/produk/{P2}/tampilkan"),
    ("web_B", "POST", "/ukm/{bid}/anggota/{A_id}/tolak"),
    ("web_B", "POST", "/admin/ukm/{bid}/produk/{P1}/turunkan", {"data": {"reason": "bukan admin"}}),
    # lodging: A's stay in the Jateng dormitory
    ("B", "GET", LG + "/me/stays/{S}"), ("B", "POST", LG + "/me/stays/{S}/check-in"),
    ("B", "POST", LG + "/me/stays/{S}/check-out"), ("B", "PUT", LG + "/me/stays/{S}/need", {"json": {"need": "x"}}),
    ("B", "GET", LG + "/admin/stays/{S}"), ("B", "GET", LG + "/admin/board"),
    ("web_B", "POST", "/check-in/{S}/proses"), ("web_B", "POST", "/check-in/{S}/kebutuhan", {"data": {"need": "x"}}),
    ("web_B", "GET", "/admin/asrama/tamu/{S}"),
    ("B", "GET", CE + "/certificates/{C1}/pdf"),
    ("B", "GET", CE + "/certificates/{C1}/badge"),
    ("B", "GET", CE + "/admin/certificates/{C1}"),
    ("B", "POST", CE + "/admin/certificates/{C1}/revoke", {"json": {"reason": "bukan admin"}}),
    ("B", "POST", CE + "/admin/certificates/{C1}/reissue", {"json": {"holder_name": "Nama Palsu"}}),
    ("B", "GET", CE + "/admin/templates"),
    ("web_B", "GET", "/e-sertifikat/{C1}/proses"),
    ("web_B", "GET", "/e-sertifikat/{C1}/open-badge"),
    ("web_B", "GET", "/admin/sertifikat/{C1}"),
    ("web_B", "POST", "/admin/sertifikat/{C1}/cabut", {"data": {"reason": "bukan admin"}}),
    # the admin dashboard's summaries (issue 12): a participant reads none of them
    ("B", "GET", TR + "/admin/summary"), ("B", "GET", LG + "/admin/summary"), ("B", "GET", CE + "/admin/summary"),
    ("web_B", "GET", "/admin"),
    # Verifikasi work queue and cancelling on a participant's behalf (issue 12)
    ("B", "GET", TR + "/admin/enrollments/queue"),
    ("B", "POST", TR + "/admin/enrollments/{E1}/cancel", {"json": {"reason": "iseng"}}),
    ("web_B", "GET", "/admin/verifikasi"),
    ("web_B", "POST", "/admin/verifikasi", {"data": {"ids": "{E1}", "action": "verify"}}),
    ("web_B", "POST", "/admin/pendaftaran/{E1}/batal", {"data": {"cancel_reason": "iseng"}}),
    # narasumber (issue 15): A's registration, letter and CV; the admins' review; a request's letter
    ("B", "GET", TR + "/narasumber/{NS}"), ("B", "GET", TR + "/narasumber/{NS}/letter"),
    ("B", "GET", TR + "/narasumber/{NS}/documents/cv"), ("B", "GET", TR + "/admin/narasumber"),
    ("B", "POST", TR + "/admin/narasumber/{NS}/assignments",
     {"json": {"training_id": "00000000-0000-4000-8000-000000000000", "module": "Modul", "day": "2030-01-01"}}),
    ("B", "GET", TR + "/admin/narasumber-requests/{RQ}"), ("B", "GET", TR + "/admin/narasumber-requests/{RQ}/letter"),
    ("web_B", "GET", "/narasumber/{NS}/surat"), ("web_B", "GET", "/admin/narasumber/{NS}"),
    ("web_B", "GET", "/admin/narasumber/permintaan/{RQ}"),
    # Konsultasi pasca pelatihan (issue 15): A's thread is A's (B opening one: test_only_alumni_open_a_consultation)
    ("B", "GET", TR + "/consultations/{KS}"), ("B", "POST", TR + "/consultations/{KS}/close"),
    ("B", "POST", TR + "/consultations/{KS}/messages", {"data": {"body": "Bukan konsultasi saya."}}),
    ("B", "GET", TR + "/consultations/{KS}/files/{KF}"),
    ("B", "GET", TR + "/admin/consultations"), ("B", "GET", TR + "/admin/consultations/{KS}"),
    ("B", "POST", TR + "/admin/consultations/{KS}/answers", {"data": {"body": "Bukan admin menjawab."}}),
    ("B", "PUT", TR + "/admin/consultation-settings", {"json": {"review_required": True}}),
    ("web_B", "GET", "/konsultasi/{KS}"), ("web_B", "GET", "/konsultasi/{KS}/lampiran/{KF}"),
    ("web_B", "POST", "/konsultasi/{KS}/balas", {"data": {"body": "Bukan konsultasi saya."}}),
    ("web_B", "POST", "/konsultasi/{KS}/tutup"),
    ("web_B", "GET", "/admin/konsultasi"), ("web_B", "GET", "/admin/konsultasi/{KS}"),
    # pengaduan and Standar Pelayanan (issue 15): A's complaint is A's (or the link holder's) alone
    ("B", "GET", SV + "/me/complaints/{ADU}"), ("B", "GET", SV + "/admin/complaints/{ADU}"),
    ("B", "GET", SV + "/admin/complaints/{ADU}/evidence"), ("B", "GET", SV + "/admin/complaints"),
    ("B", "GET", SV + "/admin/complaints/summary"),
    ("B", "POST", SV + "/admin/complaints/{ADU}/verify", {"data": {"note": "bukan admin"}}),
    ("B", "GET", ID + "/admin/orgs/{ORG}/service-standards"),
    ("B", "PUT", ID + "/admin/orgs/{ORG}/service-standards", {"json": {"services": []}}),
    ("web_B", "GET", "/pengaduan-saya/{ADU}"), ("web_B", "GET", "/admin/pengaduan/{ADU}"),
    ("web_B", "GET", "/admin/pengaduan"), ("web_B", "GET", "/admin/standar-pelayanan"),
    ("web_B", "POST", "/admin/pengaduan/{ADU}/verifikasi", {"data": {"note": "bukan admin"}}),
]
# the organisations' admins on a Jateng training: Jatim is refused, Jateng passes the same check.
# Read-only rows first; the Jateng rows that change state run in this order, closing last.
ORG_CASES = [
    ("GET", TR + "/admin/summary?org_id={ORG}"), ("GET", LG + "/admin/summary?org_id={ORG}"),
    ("GET", CE + "/admin/summary?org_id={ORG}"),
    ("GET", SV + "/admin/periods/{SP}"),
    ("GET", SV + "/admin/complaints/{ADU}"), ("GET", SV + "/admin/complaints?org_id={ORG}"),
    ("GET", SV + "/admin/complaints/summary?org_id={ORG}"), ("GET", "/admin/pengaduan/{ADU}"),
    ("GET", ID + "/admin/orgs/{ORG}/service-standards"),
    ("GET", SV + "/admin/periods/{SP}/recap"),
    ("GET", SV + "/admin/periods/{SP}/report.pdf"),
    ("GET", SV + "/admin/periods/{SP}/responses.csv"),
    ("GET", SV + "/admin/periods/{SP}/qr.pdf"),
    ("GET", "/admin/skm/{SP}"),
    ("PUT", SV + "/admin/periods/{SP}/settings", {"json": {"population": "120"}}),
    ("PUT", SV + "/admin/periods/{SP}/follow-up", {"json": {"rows": []}}),
    ("POST", SV + "/admin/periods/{SP}/paper", SKM_ANSWER),
    ("GET", TR + "/admin/trainings/{T1}"),
    ("GET", TR + "/admin/trainings/{T1}/enrollments"),
    ("GET", TR + "/admin/enrollments/{E1}"),
    ("GET", TR + "/admin/trainings/{T1}/attendance"),
    ("GET", TR + "/admin/trainings/{T2}/modules"),
    ("GET", TR + "/admin/trainings/{T2}/quiz"),
    ("GET", TR + "/enrollments/{E1}/photos/1"),
    ("GET", TR + "/enrollments/{E1}/confirmation-photo"),
    ("GET", TR + "/modules/{M}/files/{F}"),
    ("GET", "/admin/pelatihan/{T1}/peserta"),
    ("GET", "/admin/pendaftaran/{E1}"),
    ("GET", "/admin/pelatihan/{T1}/presensi"),
    ("GET", "/admin/pelatihan/{T1}/edit"),
    ("GET", "/admin/pelatihan/{T2}/kelas"),
    ("GET", "/berkas-pelatihan/{E1}/produk/1"),
    ("GET", "/berkas-pelatihan/{E1}/konfirmasi"),
    ("GET", "/materi-pelatihan/{M}/{F}"),
    ("GET", TR + "/narasumber/{NS}"), ("GET", TR + "/narasumber/{NS}/letter"),
    ("GET", TR + "/narasumber/{NS}/documents/cv"), ("GET", TR + "/admin/narasumber/office/{ORG}"),
    ("GET", TR + "/admin/narasumber-requests/{RQ}"), ("GET", TR + "/admin/narasumber-requests/{RQ}/letter"),
    ("GET", "/admin/narasumber/{NS}"), ("GET", "/admin/narasumber/{NS}/surat"),
    ("GET", "/admin/narasumber/permintaan/{RQ}"), ("GET", "/admin/narasumber/permintaan/{RQ}/surat-permintaan"),
    ("GET", TR + "/admin/consultations/{KS}"), ("GET", TR + "/consultations/{KS}/files/{KF}"),
    ("GET", TR + "/admin/consultations?org_id={ORG}"), ("GET", TR + "/admin/consultation-settings?org_id={ORG}"),
    ("GET", "/admin/konsultasi/{KS}"), ("GET", "/admin/konsultasi/{KS}/lampiran/{KF}"),
    ("POST", TR + "/admin/consultations/{KS}/answers", {"data": {"body": "Jawaban petugas balai."}}),
    ("GET", LG + "/admin/board?org_id={ORG}"), ("GET", LG + "/admin/dormitory?org_id={ORG}"),
    ("GET", LG + "/admin/stays/{S}"), ("GET", LG + "/admin/trainings/{T1}/rooms"),
    ("GET", LG + "/admin/trainings/{T1}/rooms/export?format=xlsx"),
    ("GET", "/admin/asrama/tamu/{S}"), ("GET", "/admin/asrama/pelatihan/{T1}"),
    ("POST", LG + "/admin/stays/{S}/check-in"),
    ("POST", LG + "/admin/rooms/{R}/close", {"json": {"closed_from": "2030-01-01", "closed_until": "2030-01-02"}}),
    ("POST", LG + "/admin/rooms/{R}/reopen"),
    ("GET", CE + "/admin/certificates/{C1}"),
    ("GET", CE + "/certificates/{C1}/pdf"),
    ("GET", CE + "/admin/trainings/{CT}/certificates.zip"),
    ("GET", "/admin/sertifikat/{C1}"),
    ("GET", "/admin/sertifikat/{C1}/pdf"),
    ("PUT", CE + "/admin/trainings/{CT}/settings", {"json": {"skm_required": False}}),
    ("POST", CE + "/admin/certificates/{C1}/revoke", {"json": {"reason": "Uji pencabutan oleh balai"}}),
    ("PATCH", TR + "/admin/trainings/{T1}", {"json": {"venue": "Gedung Diklat Semarang"}}),
    ("POST", TR + "/admin/trainings/{T2}/modules", {"json": {"title": "Materi 2", "content": "Isi"}}),
    ("PATCH", TR + "/admin/modules/{M}", {"json": {"title": "Materi 1 (revisi)"}}),
    ("PUT", TR + "/admin/trainings/{T2}/quiz",
     {"json": {"pass_mark": 50, "max_attempts": 3, "questions": [{"text": "Soal", "options": ["a", "b"], "correct": 1}]}}),
    ("POST", TR + "/admin/testimonials/{TM}/moderate", {"json": {"hidden": False}}),
    ("POST", UKM + "/admin/products/{P1}/unpublish", {"json": {"reason": "Foto tidak sesuai produk"}}),
    ("POST", UKM + "/admin/products/{P1}/republish"),
    ("POST", TR + "/admin/enrollments/{E2}/verify"),
    ("POST", TR + "/admin/enrollments/{E2}/reject", {"json": {"reason": "Berkas tidak lengkap"}}),
    ("PUT", TR + "/admin/enrollments/{E1}/score", {"json": {"score": 80}}),
    ("PUT", TR + "/admin/trainings/{T1}/attendance", {"json": {"day": "{today}", "records": []}}),
    ("POST", TR + "/admin/narasumber-requests/{RQ}/decision", {"json": {"decision": "reject", "reason": "Jadwal penuh"}}),
    ("POST", TR + "/admin/trainings/{T1}/close"),
]
JATIM_ONLY = [  # rows whose Jateng twin would destroy the set-up or repeat an API row above
    ("web_jatim", "POST", "/admin/pendaftaran/{E1}/verifikasi"),
    ("web_jatim", "POST", "/admin/pendaftaran/{E1}/tolak", {"data": {"reason": "Bukan balai kami"}}),
    ("web_jatim", "POST", "/admin/pelatihan/{T1}/presensi", {"data": {"day": "2026-01-05"}}),
    ("web_jatim", "POST", "/admin/pelatihan/{T1}/tutup"),
    # /admin/pelatihan/<id>/edit validates the whole form first; its PATCH is the API row above
    ("web_jatim", "POST", "/admin/pelatihan/{T2}/kelas/materi", {"data": {"title": "Materi Palsu", "content": "x"}}),
    ("web_jatim", "POST", "/admin/ukm/{bid}/produk/{P1}/turunkan", {"data": {"reason": "Bukan balai kami"}}),
    ("jatim", "POST", TR + "/enrollments/{E1}/cancel"),
    ("jatim", "POST", TR + "/admin/enrollments/{E1}/cancel", {"json": {"reason": "Bukan balai kami"}}),
    ("web_jatim", "POST", "/admin/pendaftaran/{E1}/batal", {"data": {"cancel_reason": "Bukan balai kami"}}),
    ("jatim", "GET", TR + "/admin/enrollments/queue?org_id={ORG}"),
    ("jatim", "DELETE", TR + "/admin/modules/{M}/files/{F}"),
    ("jatim", "DELETE", TR + "/admin/modules/{M}"),
    ("jatim", "POST", TR + "/admin/modules/{M}/files", {"files": {"file": ("lain.pdf", PDF, "application/pdf")}}),
    ("jatim", "POST", LG + "/admin/stays/{S}/reassign", {"json": {"bed_id": "00000000-0000-4000-8000-000000000000"}}),
    ("jatim", "POST", LG + "/admin/stays/{S}/release"), ("jatim", "POST", LG + "/admin/stays/{S}/check-out"),
    ("jatim", "PUT", LG + "/admin/rooms/{R}",
     {"json": {"code": "X01", "floor": 1, "beds": 1, "sex": "L", "building_id": "00000000-0000-4000-8000-000000000000"}}),
    ("jatim", "PUT", LG + "/admin/buildings/{BLD}", {"json": {"name": "Diambil Alih"}}),
    ("jatim", "PUT", LG + "/admin/dormitory/settings?org_id={ORG}", {"json": {"arrive_evening_before": True}}),
    ("web_jatim", "POST", "/admin/asrama/tamu/{S}/lepas"), ("web_jatim", "POST", "/admin/asrama/kamar/{R}/buka"),
    ("jatim", "POST", TR + "/admin/narasumber/{NS}/assignments",
     {"json": {"training_id": "00000000-0000-4000-8000-000000000000", "module": "Modul", "day": "2030-01-01"}}),
    ("jatim", "PUT", TR + "/admin/narasumber/office/{ORG}",
     {"json": {"name": "Diambil Alih", "head_position": "Kepala", "head_name": "Palsu"}}),
    ("web_jatim", "POST", "/admin/narasumber/permintaan/{RQ}/keputusan",
     {"data": {"decision": "reject", "reason": "Bukan balai kami"}}),
]
# every private route without a token
ANON_CASES = [(m, p) for m, p in [
    ("GET", ID + "/me"), ("PATCH", ID + "/me"), ("GET", ID + "/participants/{A_id}/photo"),
    ("GET", ID + "/admin/participants"), ("GET", ID + "/admin/participants/{A_id}"), ("GET", ID + "/admin/nik-access-log"),
    ("GET", UKM + "/businesses/{bid}"), ("PATCH", UKM + "/businesses/{bid}"), ("GET", UKM + "/businesses/{bid}/audit"),
    ("GET", UKM + "/businesses/mine"), ("POST", UKM + "/businesses/{bid}/members"),
    ("POST", UKM + "/businesses/{bid}/members/{A_id}/approve"), ("DELETE", UKM + "/businesses/{bid}/members/{A_id}"),
    ("POST", UKM + "/businesses/{bid}/products"), ("PATCH", UKM + "/products/{P1}"), ("POST", UKM + "/products/{P2}/unhide"),
    ("POST", UKM + "/admin/products/{P1}/unpublish"), ("GET", UKM + "/admin/businesses"),
    ("GET", TR + "/narasumber/mine"), ("GET", TR + "/narasumber/{NS}"), ("GET", TR + "/narasumber/{NS}/letter"),
    ("POST", TR + "/narasumber"), ("GET", TR + "/admin/narasumber"), ("GET", TR + "/admin/narasumber-requests/{RQ}"),
    ("GET", TR + "/my/businesses"), ("GET", TR + "/enrollments/mine"), ("GET", TR + "/enrollments/{E1}"),
    ("POST", TR + "/enrollments/{E1}/cancel"), ("POST", TR + "/enrollments/{E1}/confirm"),
    ("GET", TR + "/enrollments/{E1}/photos/1"), ("GET", TR + "/enrollments/{E1}/confirmation-photo"),
    ("PUT", TR + "/enrollments/{E1}/testimonial"), ("GET", TR + "/enrollments/{E2}/class"),
    ("POST", TR + "/enrollments/{E2}/quiz/attempts"), ("GET", TR + "/modules/{M}/files/{F}"),
    ("POST", TR + "/trainings/{T1}/enrollments"), ("GET", TR + "/trainings/{T1}/eligibility"),
    ("GET", TR + "/admin/trainings"), ("GET", TR + "/admin/trainings/{T1}"), ("PATCH", TR + "/admin/trainings/{T1}"),
    ("GET", TR + "/admin/enrollments/{E1}"), ("POST", TR + "/admin/enrollments/{E1}/verify"),
    ("POST", TR + "/admin/enrollments/bulk"), ("PUT", TR + "/admin/trainings/{T1}/attendance"),
    ("POST", TR + "/admin/trainings/{T1}/close"), ("GET", TR + "/admin/testimonials"),
    ("GET", TR + "/admin/enrollments/queue"), ("POST", TR + "/admin/enrollments/{E1}/cancel"),
    ("POST", TR + "/admin/trainings/{T2}/modules"), ("PUT", TR + "/admin/trainings/{T2}/quiz"),
    ("GET", LG + "/me/stays"), ("POST", LG + "/me/stays/{S}/check-in"), ("GET", LG + "/admin/board"),
    ("GET", LG + "/admin/stays/{S}"), ("POST", LG + "/admin/rooms"),
    ("GET", SV + "/me/invitations"), ("GET", SV + "/me/invitations/{INV}"), ("POST", SV + "/me/invitations/{INV}/response"),
    ("GET", SV + "/admin/periods"), ("GET", SV + "/admin/periods/{SP}/recap"), ("POST", SV + "/admin/periods/{SP}/paper"),
    ("GET", SV + "/admin/periods/{SP}/report.pdf"), ("PUT", SV + "/admin/periods/{SP}/follow-up"),
    ("GET", CE + "/certificates/mine"), ("GET", CE + "/certificates/{C1}/pdf"), ("GET", CE + "/certificates/{C1}/badge"),
    ("GET", CE + "/admin/certificates"), ("GET", CE + "/admin/certificates/{C1}"),
    ("POST", CE + "/admin/certificates/{C1}/revoke"), ("POST", CE + "/admin/certificates/{C1}/reissue"),
    ("GET", CE + "/admin/templates"), ("PUT", CE + "/admin/templates"), ("POST", CE + "/admin/templates/preview"),
    ("PUT", CE + "/admin/trainings/{CT}/settings"), ("GET", CE + "/admin/trainings/{CT}/certificates.zip"),
    ("GET", TR + "/consultations/mine"), ("GET", TR + "/consultations/eligible"), ("POST", TR + "/consultations"),
    ("GET", TR + "/consultations/{KS}"), ("GET", TR + "/consultations/{KS}/files/{KF}"),
    ("GET", TR + "/admin/consultations"), ("GET", TR + "/admin/consultations/{KS}"),
    ("GET", SV + "/me/complaints"), ("GET", SV + "/me/complaints/{ADU}"), ("GET", SV + "/admin/complaints"),
    ("GET", SV + "/admin/complaints/{ADU}"), ("POST", SV + "/admin/complaints/{ADU}/close"),
    ("GET", ID + "/admin/orgs/{ORG}/service-standards"), ("PUT", ID + "/admin/orgs/{ORG}/service-standards"),
]]
# web pages without a session send the browser to the login form; file proxies answer a bare 404
WEB_PAGES = ["/profil", "/riwayat", "/dashboard", "/riwayat/{E1}/konfirmasi", "/kelas/{E2}", "/ukm/{bid}/edit",
             "/admin/peserta/{A_id}", "/admin/pendaftaran/{E1}", "/admin/pelatihan/{T1}/peserta",
             "/admin/verifikasi",
             "/check-in", "/admin/asrama", "/admin/asrama/tamu/{S}",
             "/skm", "/skm/isi/{INV}", "/admin/skm", "/admin/skm/{SP}",
             "/e-sertifikat", "/e-sertifikat/{C1}/proses", "/admin/sertifikat", "/admin/sertifikat/{C1}",
             "/admin/sertifikat/template", "/narasumber/jadwal-mengajar", "/narasumber/{NS}/surat",
             "/admin/narasumber", "/admin/narasumber/{NS}", "/admin/narasumber/permintaan/{RQ}",
             "/konsultasi", "/konsultasi/{KS}", "/admin/konsultasi", "/admin/konsultasi/{KS}",
             "/pengaduan-saya", "/pengaduan-saya/{ADU}", "/admin/pengaduan",
             "/admin/pengaduan/{ADU}", "/admin/standar-pelayanan"]
WEB_FILES = [UKM + "/products/{P2}/photos/1", UKM + "/products/{P2}/photos/1?w=320", "/foto/{A_id}", "/berkas-pelatihan/{E1}/produk/1", "/berkas-pelatihan/{E1}/konfirmasi",
             "/materi-pelatihan/{M}/{F}", "/konsultasi/{KS}/lampiran/{KF}"]

CASES = (
    [(actor, m, p, DENIED, (rest or [None])[0]) for actor, m, p, *rest in B_CASES]
    + [("jatim", m, p, DENIED, (rest or [None])[0]) for m, p, *rest in ORG_CASES]
    + [(actor, m, p, DENIED, (rest or [None])[0]) for actor, m, p, *rest in JATIM_ONLY]
    + [("anon", m, p, {401}, None) for m, p in ANON_CASES]
    + [("web_anon", "GET", p, {303}, None) for p in WEB_PAGES]
    + [("web_anon", "GET", p, {404}, None) for p in WEB_FILES]
    + [("jateng", m, p, ALLOWED, (rest or [None])[0]) for m, p, *rest in ORG_CASES]
)


def _web(actor: str, path: str) -> str:
    """Gateway pages (no /api/ prefix) go through the actor's web session."""
    return actor if path.startswith("/api/") or actor.startswith(("web_", "anon")) else f"web_{actor}"


@pytest.mark.parametrize(("actor", "method", "path", "expected", "body"), CASES,
                         ids=[f"{a}-{m}-{p}" for a, m, p, _, _ in CASES])
async def test_access(api, world, actor, method, path, expected, body):
    """One row of the table: the actor's request answers one of the expected statuses."""
    if body and "json" in body and "{today}" in str(body["json"]):
        body = {"json": {**body["json"], "day": datetime.now(WIB).date().isoformat()}}
    r = await send(api, world, _web(actor, path), method, path, body)
    assert r.status_code in expected, (r.status_code, r.text[:300])
    assert CSRF_REFUSED not in r.text, "the form post never reached the access check"
    if r.status_code == 303:
        assert r.headers["location"].startswith("/?next="), r.headers["location"]
    if expected is not ALLOWED:
        secrets = world["secrets"][:2] if actor == "jatim" else world["secrets"]
        for secret in secrets:
            assert secret not in r.text, "a refused answer carries A's data"


async def test_b_sees_only_the_public_face_of_a_and_nothing_in_own_pages(api, world):
    """B's own lists and pages, and A's business as B reads it, carry none of A's private data."""
    w = world
    view = (await api.get(f"{UKM}/businesses/{w['bid']}", headers=w["B"])).json()
    assert view["private"] is None and view["members"] is None and view["can_edit"] is False
    mine = (await api.get(f"{TR}/enrollments/mine", headers=w["B"])).json()
    assert mine["total"] == 0
    assert w["bid"] not in (await api.get(f"{UKM}/businesses/mine", headers=w["B"])).text
    for page in ("/riwayat", "/profil", "/dashboard", "/ukm"):
        r = await w["web"]["web_B"].get(page)
        assert r.status_code == 200, page
        for secret in w["secrets"][:3]:
            assert secret not in r.text, page


async def test_only_alumni_open_a_consultation(api, world):
    """B completed no training: asking about A's completed training is refused; so is an admin's ask."""
    w = world
    form = {"training_id": w["T3"], "topic": "Harga pokok", "question": "Saya belum menyelesaikan pelatihan ini."}
    for actor in ("B", "jateng"):
        r = await api.post(f"{TR}/consultations", data=form, headers=w[actor])
        assert r.status_code == 403, (actor, r.text)
    assert (await api.get(f"{TR}/consultations/eligible", headers=w["B"])).json()["items"] == []
    mine = (await api.get(f"{TR}/consultations/mine", headers=w["B"])).json()
    assert mine["total"] == 0 and w["KS"] not in str(mine)


async def test_admin_lists_stay_within_the_organisation(api, world):
    """Jatim's lists show nothing of the Jateng training; a bulk action on it fails item by item."""
    w = world
    ids = (await api.get(f"{TR}/admin/trainings", params={"per_page": 100}, headers=w["jatim"])).text
    assert w["T1"] not in ids and w["T2"] not in ids
    assert w["E1"] not in (await api.get(f"{TR}/admin/enrollments/overdue", headers=w["jatim"])).text
    queue = await api.get(f"{TR}/admin/enrollments/queue", headers=w["jatim"])
    assert queue.status_code == 200 and w["E1"] not in queue.text and w["T1"] not in queue.text
    assert w["TM"] not in (await api.get(f"{TR}/admin/testimonials", headers=w["jatim"])).text
    assert w["TM"] in (await api.get(f"{TR}/admin/testimonials", headers=w["jateng"])).text
    before = (await api.get(f"{TR}/admin/enrollments/{w['E1']}", headers=w["jateng"])).json()["status"]
    r = await api.post(f"{TR}/admin/enrollments/bulk", headers=w["jatim"],
                       json={"enrollment_ids": [w["E1"]], "action": "reject", "reason": "Bukan balai kami"})
    assert r.status_code in DENIED or (r.status_code == 200 and r.json()["failed"] == 1), r.text
    r = await api.post(f"{TR}/admin/enrollments/bulk", headers=w["jatim"],
                       json={"enrollment_ids": [w["E1"]], "action": "verify"})
    assert r.status_code in DENIED or (r.status_code == 200 and r.json()["failed"] == 1), r.text
    after = (await api.get(f"{TR}/admin/enrollments/{w['E1']}", headers=w["jateng"])).json()["status"]
    assert after == before
    assert w["C1"] not in (await api.get(f"{CE}/admin/certificates", params={"per_page": 100},
                                         headers=w["jatim"])).text
    theirs = await api.get(f"{TR}/admin/consultations", params={"per_page": 100}, headers=w["jatim"])
    assert theirs.status_code == 200 and w["KS"] not in theirs.text
    assert w["KS"] in (await api.get(f"{TR}/admin/consultations", params={"per_page": 100},
                                     headers=w["jateng"])).text
    assert w["C1"] in (await api.get(f"{CE}/admin/certificates", params={"training_id": w["CT"]},
                                     headers=w["jateng"])).text


async def test_dashboard_summaries_count_only_the_organisation(api, world):
    """An admin's summary is their organisation's (the same as a superadmin's for that organisation),
    and the Jateng training never shows among Jatim's trainings starting soon."""
    w = world
    for base in (TR, LG, CE):
        jateng = (await api.get(f"{base}/admin/summary", headers=w["jateng"])).json()
        jatim = (await api.get(f"{base}/admin/summary", headers=w["jatim"])).json()
        everyone = (await api.get(f"{base}/admin/summary", headers=w["super"])).json()
        chosen = (await api.get(f"{base}/admin/summary", params={"org_id": w["ORG"]}, headers=w["super"])).json()
        assert jateng == chosen, base
        assert jateng["org_id"] == w["ORG"] and jatim["org_id"] not in (w["ORG"], None) and everyone["org_id"] is None
        for key, value in everyone.items():  # counts, not settings (working_days) nor capped lists
            if isinstance(value, int) and key not in ("working_days", "upcoming_days", "confirmations_missing"):
                assert value >= jateng[key] + jatim[key], (base, key)
    upcoming = (await api.get(f"{TR}/admin/summary", headers=w["jatim"])).json()["upcoming"]
    assert all(u["org_id"] != w["ORG"] for u in upcoming)


async def test_nik_is_masked_for_the_other_organisation(api, world):
    """A applied only to Jateng: Jatim sees the masked NIK/KK, Jateng the full ones."""
    w, form = world, world["A_form"]
    r = await api.get(f"{ID}/admin/participants/{w['A_id']}", headers=w["jatim"])
    assert r.status_code == 200 and r.json()["nik"] is None and r.json()["kk"] is None
    assert form["nik"] not in r.text and form["kk"] not in r.text
    page = await w["web"]["web_jatim"].get(f"/admin/peserta/{w['A_id']}")
    assert page.status_code == 200 and form["nik"] not in page.text and form["kk"] not in page.text

    async def jateng_sees_full():
        r = await api.get(f"{ID}/admin/participants/{w['A_id']}", headers=w["jateng"])
        return r.status_code == 200 and r.json()["nik"] == form["nik"]
    await wait_for(jateng_sees_full)
