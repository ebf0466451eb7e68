"""The published side of a certificate on the real system: the Open Badge verifies with another JOSE
library against the keys at /.well-known, the PDF's QR code is the verification URL, the SKM gate,
and the template editor's preview."""
from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import uuid
import warnings
from pathlib import Path

import httpx
import pytest
from joserfc import jwk, jwt
from joserfc.errors import BadSignatureError

from balai_contracts.envelope import Envelope
from balai_contracts.survey import SurveySubmittedV1
from balai_contracts.topics import SURVEY_RESPONSE
from balai_contracts.training import EnrollmentSubmittedV1
from services.certificate.tests.support import (
    API,
    JATENG,
    admin_headers,
    completed,
    new_participant,
    publish,
    wait_for,
)

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60) as c:
        yield c


async def _issued(client, headers, bootstrap, **over) -> dict:
    pid = json.loads(base64.urlsafe_b64decode(headers["Authorization"].split(".")[1] + "=="))["sub"]
    env = completed(pid, **over)
    await publish(bootstrap, [env])

    async def one():
        r = await client.get(f"{API}/certificates/mine", headers=headers)
        items = [i for i in r.json()["items"] if i["training_id"] == env.data["training_id"]]
        return items[0] if items and items[0]["status"] == "issued" else None

    return await wait_for(one, timeout=120)


async def test_open_badge_verifies_against_the_published_keys_with_joserfc(balai_stack, client):
    _, h = await new_participant(client)
    cert = await _issued(client, h, balai_stack.kafka_bootstrap, participant_name="Ni Made Ayu Ṣāliḥah")
    r = await client.get(f"{API}/certificates/{cert['id']}/badge", headers=h)
    assert r.status_code == 200, r.text
    token, credential = r.json()["jwt"], r.json()["credential"]
    assert {"VerifiableCredential", "OpenBadgeCredential"} <= set(credential["type"])

    did = (await client.get("/.well-known/did.json")).json()
    keys = (await client.get("/.well-known/jwks.json")).json()
    assert did["id"] == credential["issuer"]["id"]
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header["alg"] == "EdDSA" and header["kid"].startswith(did["id"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        decoded = jwt.decode(token, jwk.KeySet.import_key_set(keys), algorithms=["EdDSA"])
    assert decoded.claims["credentialSubject"]["achievement"]["name"] == "Pengelolaan Keuangan Koperasi Angkatan 2"
    # one flipped character of the signature: refused
    broken = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    with pytest.raises(BadSignatureError), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        jwt.decode(broken, jwk.KeySet.import_key_set(keys), algorithms=["EdDSA"])
    # another participant gets no badge of it
    _, other = await new_participant(client)
    assert (await client.get(f"{API}/certificates/{cert['id']}/badge", headers=other)).status_code == 404


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="poppler-utils/zbar-tools")
async def test_the_qr_code_of_the_pdf_is_the_verification_url(balai_stack, client):
    _, h = await new_participant(client)
    cert = await _issued(client, h, balai_stack.kafka_bootstrap)
    pdf = (await client.get(f"{API}/certificates/{cert['id']}/pdf", headers=h)).content
    with tempfile.TemporaryDirectory() as d:
        Path(d, "c.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(Path(d, "c.pdf")),
                        str(Path(d, "p"))], check=True)
        [png] = list(Path(d).glob("p*.png"))
        out = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True).stdout
    assert cert["verification_url"] in out.split()


async def test_skm_required_before_download_until_the_survey_is_submitted(balai_stack, client):
    pid, h = await new_participant(client)
    training = uuid.uuid4()
    jateng = await admin_headers(client, "admin.jateng")
    r = await client.put(f"{API}/admin/trainings/{training}/settings", json={"skm_required": True}, headers=jateng)
    assert r.status_code == 404  # a training the service never heard of belongs to nobody yet
    submitted = EnrollmentSubmittedV1(**{k: v for k, v in completed(pid, training_id=training).data.items()
                                         if k in EnrollmentSubmittedV1.model_fields}, submitted_at="2026-06-01T01:00:00Z")
    await publish(balai_stack.kafka_bootstrap, [Envelope.wrap(submitted, source="training",
                                                              subject=str(submitted.enrollment_id))])

    async def set_required():
        r = await client.put(f"{API}/admin/trainings/{training}/settings", json={"skm_required": True}, headers=jateng)
        return r.status_code == 200
    assert await wait_for(set_required, timeout=60)
    jatim = await admin_headers(client, "admin.jatim")
    r = await client.put(f"{API}/admin/trainings/{training}/settings", json={"skm_required": False}, headers=jatim)
    assert r.status_code == 403  # another organisation's training setting
    cert = await _issued(client, h, balai_stack.kafka_bootstrap, training_id=training)
    assert cert["skm_required"] is True
    r = await client.get(f"{API}/certificates/{cert['id']}/pdf", headers=h)
    assert r.status_code == 409 and "SKM" in r.json()["detail"]
    assert (await client.get(f"{API}/certificates/{cert['id']}/pdf", headers=jateng)).status_code == 200

    event = SurveySubmittedV1(response_id=uuid.uuid4(), org_id=JATENG, period_id=uuid.uuid4(),
                              period_start="2026-07-01", period_end="2026-12-31", channel="online",
                              participant_id=uuid.UUID(pid), training_id=training, submitted_at="2026-12-03T10:00:00Z")
    await publish(balai_stack.kafka_bootstrap, [Envelope.wrap(event, source="survey", subject=str(event.response_id))],
                  topic=SURVEY_RESPONSE)

    async def allowed():
        return (await client.get(f"{API}/certificates/{cert['id']}/pdf", headers=h)).status_code == 200

    assert await wait_for(allowed, timeout=60)


async def test_template_editor_saves_validates_and_previews(balai_stack, client):
    jatim = await admin_headers(client, "admin.jatim")
    r = await client.get(f"{API}/admin/templates", params={"kind": "Teknis"}, headers=jatim)
    assert r.status_code == 200 and r.json()["org_code"] == "UPT-PKUKM"
    fields = {k: v for k, v in r.json().items() if isinstance(v, str)}
    bad = await client.put(f"{API}/admin/templates", params={"kind": "Teknis"}, headers=jatim,
                           data={**fields, "number_format": "{seq.__class__}/{year}"})
    assert bad.status_code == 422 and "number_format" in bad.json()["errors"]
    preview = await client.post(f"{API}/admin/templates/preview", params={"kind": "Teknis"}, headers=jatim,
                                data={**fields, "heading": "PIAGAM"})
    assert preview.status_code == 200 and preview.content.startswith(b"%PDF")
    ok = await client.put(f"{API}/admin/templates", params={"kind": "Teknis"}, headers=jatim,
                          data={**fields, "signatory_name": "Dr. Rina Kartika, S.E., M.M.", "syllabus_page": "1"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["signatory_name"] == "Dr. Rina Kartika, S.E., M.M." and "Teknis" in ok.json()["kinds"]
    # an admin of Jateng edits only Jateng's templates
    jateng = await admin_headers(client, "admin.jateng")
    other = await client.get(f"{API}/admin/templates", params={"org_id": "0b0a1a10-0000-4000-8000-000000000002"},
                             headers=jateng)
    assert other.json()["org_code"] == "BALATKOP-UKM"
