"""Survey on the real broker: TrainingCompleted -> one invitation; answers of every channel -> SurveySubmitted."""
from __future__ import annotations

import httpx
import pytest

from balai_contracts.topics import SURVEY_INVITATION, SURVEY_RESPONSE
from services.survey.tests.support import API, JATENG, JATIM, aged_token, anonymous_answers, answers, completed
from services.ukm.tests.support import login, new_participant, publish, wait_for
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


async def _invitations(client, h) -> list[dict]:
    r = await client.get(f"{API}/me/invitations", headers=h)
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def test_training_completed_twice_gives_one_invitation_and_one_answer(balai_stack, client):
    pid, h = await new_participant(client)
    env = completed(pid)
    # a second training of the same organisation in the same period, and a marker of another
    # organisation, on the same key (so the same partition, behind the copies)
    second_training = completed(pid, subject=env.subject, training_title="Ekspor Angkatan 1")
    marker = completed(pid, subject=env.subject, org_id=JATIM)
    await publish(balai_stack.kafka_bootstrap, [env, env, second_training, env, marker])

    async def both_orgs():
        items = await _invitations(client, h)
        return items if len(items) >= 2 else None
    items = await wait_for(both_orgs, timeout=90)
    assert len(items) == 2
    inv = next(i for i in items if i["org_name"] == "Balatkop UKM Provinsi Jawa Tengah")
    assert inv["answered_at"] is None
    assert inv["period_name"].startswith(("Semester", "Triwulan", "Tahun"))

    envs = await read_topic(balai_stack.kafka_bootstrap, SURVEY_INVITATION,
                            until=lambda out: any(e["subject"] == inv["id"] for e in out), timeout=60)
    mine = {e["id"]: e for e in envs if e["data"]["participant_id"] == pid and e["data"]["org_id"] == str(JATENG)}
    assert len(mine) == 1
    event = next(iter(mine.values()))
    assert event["type"] == "SurveyInvitationCreated" and event["data"]["org_id"] == str(JATENG)
    assert event["data"]["enrollment_id"] == env.subject

    form = (await client.get(f"{API}/me/invitations/{inv['id']}", headers=h)).json()
    assert len(form["content"]["performance"]) == 9 and form["content"]["importance"][0]["answers"][3]
    bad = await client.post(f"{API}/me/invitations/{inv['id']}/response", data=answers(p3="5"), headers=h)
    assert bad.status_code == 422 and "p3" in bad.json()["errors"]
    ok = await client.post(f"{API}/me/invitations/{inv['id']}/response", data=answers(), headers=h)
    assert ok.status_code == 201, ok.text
    again = await client.post(f"{API}/me/invitations/{inv['id']}/response", data=answers(), headers=h)
    assert again.status_code == 409 and "sudah mengisi" in again.json()["detail"]
    assert next(i for i in await _invitations(client, h) if i["id"] == inv["id"])["answered_at"] is not None

    response_id = ok.json()["response_id"]
    envs = await read_topic(balai_stack.kafka_bootstrap, SURVEY_RESPONSE,
                            until=lambda out: any(e["subject"] == response_id for e in out), timeout=60)
    sub = next(e for e in envs if e["subject"] == response_id)
    assert sub["type"] == "SurveySubmitted" and sub["data"]["channel"] == "online"
    assert sub["data"]["participant_id"] == pid and sub["data"]["training_id"] == env.data["training_id"]
    assert "name" not in sub["data"] and "Siti" not in sub["_raw"].decode()

    # the recap of that one service (training) counts exactly this answer
    admin = await login(client, "admin.jateng", "Admin-Test-2026")
    period = (await client.get(f"{API}/admin/periods/{form['period_id']}", headers=admin)).json()
    assert {"id": env.data["training_id"], "title": "Pemasaran Digital Angkatan 3"} in period["services"]
    one = (await client.get(f"{API}/admin/periods/{form['period_id']}/recap", headers=admin,
                            params={"training_id": env.data["training_id"]})).json()
    assert one["n"] == 1 and one["converted"] == "75.00" and one["grade"] == "C"


async def test_link_and_paper_answers_count_in_the_recap(balai_stack, client):
    admin = await login(client, "admin.jateng", "Admin-Test-2026")
    periods = (await client.get(f"{API}/admin/periods", headers=admin)).json()
    period_id = periods["current_id"]
    before = (await client.get(f"{API}/admin/periods/{period_id}/recap", headers=admin)).json()

    form = (await client.get(f"{API}/public/orgs/{JATENG}/form")).json()
    assert form["period_id"] == period_id and form["org_name"] == "Balatkop UKM Provinsi Jawa Tengah"
    too_fast = await client.post(f"{API}/public/orgs/{JATENG}/responses",
                                 data={**anonymous_answers(), "form_token": form["form_token"]})
    assert too_fast.status_code == 422 and "terlalu cepat" in too_fast.json()["detail"]
    token = aged_token(balai_stack.keys["survey_form"], period_id)
    bot = await client.post(f"{API}/public/orgs/{JATENG}/responses",
                            data={**anonymous_answers(), "form_token": token, "website": "http://spam"})
    assert bot.status_code == 422
    link = await client.post(f"{API}/public/orgs/{JATENG}/responses",
                             data={**anonymous_answers(), "form_token": token})
    assert link.status_code == 201, link.text
    replay = await client.post(f"{API}/public/orgs/{JATENG}/responses",
                               data={**anonymous_answers(), "form_token": token})
    assert replay.status_code == 409
    # a crowd on one office wifi: many respondents from one address, each with their own form
    for _ in range(5):
        r = await client.post(f"{API}/public/orgs/{JATENG}/responses", data={
            **anonymous_answers(), "form_token": aged_token(balai_stack.keys["survey_form"], period_id)})
        assert r.status_code == 201, r.text

    paper = await client.post(f"{API}/admin/periods/{period_id}/paper", headers=admin,
                              data=answers(perf=(2,) * 9, anonymous="1", name=""))
    assert paper.status_code == 201, paper.text
    other_admin = await login(client, "admin.jatim", "Admin-Test-2026")
    denied = await client.post(f"{API}/admin/periods/{period_id}/paper", headers=other_admin, data=answers())
    assert denied.status_code == 403

    after = (await client.get(f"{API}/admin/periods/{period_id}/recap", headers=admin)).json()
    assert after["n"] == before["n"] + 7
    assert after["channels"]["link"] == before["channels"]["link"] + 6
    assert after["channels"]["paper"] == before["channels"]["paper"] + 1
    assert after["grade"] in {"A", "B", "C", "D"} and len(after["unsur"]) == 9

    envs = await read_topic(balai_stack.kafka_bootstrap, SURVEY_RESPONSE,
                            until=lambda out: {paper.json()["response_id"], link.json()["response_id"]}
                            <= {e["subject"] for e in out}, timeout=60)
    by_id = {e["subject"]: e for e in envs}
    assert by_id[link.json()["response_id"]]["data"]["channel"] == "link"
    assert by_id[paper.json()["response_id"]]["data"]["channel"] == "paper"
    assert by_id[paper.json()["response_id"]]["data"]["participant_id"] is None
