"""The one form round trip of the web pages (gateway.web.forms), without any server."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from fastapi import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from gateway.upstream import UpstreamResponse, UpstreamUnavailable
from gateway.web.forms import Rejection, any_answer, ok_with_object, statuses_or_field_errors, submit_form
from gateway.web.session import FLASH_COOKIE, Forbidden, LoginRequired


def make_request() -> Request:
    app = SimpleNamespace(state=SimpleNamespace(settings=SimpleNamespace(secure_cookies=False)))
    return Request({"type": "http", "method": "POST", "path": "/form", "headers": [],
                    "query_string": b"", "state": {}, "app": app})


def cookies(request: Request) -> list[str]:
    return request.scope["state"].get("set_cookies", [])


async def answer(status: int, data=None, **headers) -> UpstreamResponse:
    return UpstreamResponse(status, data, headers)


class Again:
    """Records the rejection and renders a stand-in for the form page."""

    def __init__(self) -> None:
        self.seen: Rejection | None = None

    async def __call__(self, rejection: Rejection) -> Response:
        self.seen = rejection
        return Response("form again", status_code=rejection.status)


async def test_success_flashes_and_redirects_with_303() -> None:
    request = make_request()
    response = await submit_form(request, "training", answer(200, {"id": "x"}), flash="tr_saved",
                                 then="/riwayat", again=Again())
    assert response.status_code == 303 and response.headers["location"] == "/riwayat"
    assert any(c.startswith(f"{FLASH_COOKIE}=tr_saved;") for c in cookies(request))


async def test_success_may_compute_the_target_and_the_flash_or_render_a_page() -> None:
    request = make_request()
    response = await submit_form(request, "training", answer(200, {"status": "waitlisted"}),
                                 accept=ok_with_object, flash=lambda r: "tr_" + r.data["status"],
                                 then=lambda r: f"/x/{r.data['status']}", again=Again())
    assert response.headers["location"] == "/x/waitlisted"
    assert any(c.startswith(f"{FLASH_COOKIE}=tr_waitlisted;") for c in cookies(request))

    async def page(result: UpstreamResponse) -> Response:
        return Response("result page")

    shown = await submit_form(make_request(), "training", answer(200, {}), then=page, again=Again())
    assert shown.status_code == 200 and shown.body == b"result page"


async def test_fixable_answer_shows_the_form_again_with_messages_and_no_flash() -> None:
    request, again = make_request(), Again()
    body = {"detail": "Kuota penuh", "errors": {"rating": "Pilih 1-5"}}
    response = await submit_form(request, "training", answer(422, body), flash="tr_saved",
                                 then="/riwayat", again=again, local_errors={"photo": "Terlalu besar"})
    assert response.status_code == 422 and response.body == b"form again"
    assert again.seen.errors == {"rating": "Pilih 1-5", "photo": "Terlalu besar"}
    assert again.seen.alert() == "Kuota penuh" and again.seen.first_error("x") == "Pilih 1-5"
    assert not cookies(request)


async def test_alert_falls_back_to_the_first_field_error_then_the_default() -> None:
    again = Again()
    await submit_form(make_request(), "training", answer(409, {"errors": {"a": "Salah"}}),
                      then="/", again=again)
    assert again.seen.alert() == "Salah"
    await submit_form(make_request(), "training", answer(409), then="/", again=again)
    assert again.seen.alert("Gagal") == "Gagal" and again.seen.status == 409


@pytest.mark.parametrize(("status", "raised"), [
    (401, LoginRequired), (403, Forbidden), (404, HTTPException), (400, UpstreamUnavailable),
    (500, UpstreamUnavailable), (503, UpstreamUnavailable),
])
async def test_other_failures_get_their_own_page(status: int, raised: type) -> None:
    again = Again()
    with pytest.raises(raised):
        await submit_form(make_request(), "training", answer(status), then="/", again=again)
    assert again.seen is None


async def test_session_expired_clears_the_session_cookies() -> None:
    request = make_request()
    with pytest.raises(LoginRequired):
        await submit_form(request, "identity", answer(401), then="/", again=Again())
    assert any(c.startswith("balai_at=;") for c in cookies(request))


async def test_service_down_propagates_for_the_503_page() -> None:
    async def down() -> UpstreamResponse:
        raise UpstreamUnavailable("ukm")

    with pytest.raises(UpstreamUnavailable):
        await submit_form(make_request(), "ukm", down(), then="/", again=Again())


async def test_pages_that_explain_every_failure_themselves() -> None:
    again = Again()
    response = await submit_form(make_request(), "identity", answer(503), then="/", again=again,
                                 fixable=any_answer)
    assert response.status_code == 503 and again.seen.status == 503
    # a 2xx the page cannot use is shown as a 422
    await submit_form(make_request(), "identity", answer(200, []), accept=ok_with_object, then="/",
                      again=again, fixable=any_answer)
    assert again.seen.status == 422


async def test_field_errors_make_any_answer_fixable_but_not_the_pages_of_their_own() -> None:
    fixable, again = statuses_or_field_errors(413, 422), Again()
    await submit_form(make_request(), "ukm", answer(413), then="/", again=again, fixable=fixable)
    assert again.seen.status == 413
    await submit_form(make_request(), "ukm", answer(500), then="/", again=again, fixable=fixable,
                      local_errors={"photo_1": "Foto harus berupa gambar jpg/png"})
    assert again.seen.status == 500 and again.seen.errors == {"photo_1": "Foto harus berupa gambar jpg/png"}
    with pytest.raises(Forbidden):
        await submit_form(make_request(), "ukm", answer(403), then="/", again=again, fixable=fixable,
                          local_errors={"photo_1": "x"})
    with pytest.raises(UpstreamUnavailable):
        await submit_form(make_request(), "ukm", answer(500), then="/", again=again, fixable=fixable)


async def test_without_again_every_failure_gets_its_error_page() -> None:
    with pytest.raises(HTTPException):
        await submit_form(make_request(), "training", answer(422), then="/")
