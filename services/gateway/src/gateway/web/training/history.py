"""Riwayat Pelatihan, cancelling, Konfirmasi Kehadiran Pelatihan, Testimoni (Si Pentol steps 13-16, 18)
and the enrollment photos (served through the gateway with the session's token)."""
from __future__ import annotations

import aiohttp
from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_file, form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import participant_menu
from gateway.web.session import WebUser, require_user
from gateway.web.shared.files import proxy_file
from gateway.web.shared.training_client import SERVICE, check_id, ensure_ok, items_of, training

router = APIRouter(include_in_schema=False)


async def _participant(request: Request) -> WebUser:
    user = await require_user(request)
    if user.is_admin:
        raise HTTPException(403)
    return user


async def _enrollment(request: Request, user: WebUser, enrollment_id: str) -> dict:
    check_id(enrollment_id)
    return ensure_ok(request, await training(request, "GET", f"/enrollments/{enrollment_id}",
                                             user=user))


@router.get("/riwayat")
async def history(request: Request) -> Response:
    user = await _participant(request)
    data = ensure_ok(request, await training(request, "GET", "/enrollments/mine", user=user))
    return page(request, "training/history.html", user=user, nav="riwayat",
                menu=participant_menu(), title=t("tr_history_title"), items=items_of(data),
                completed_count=data.get("completed_count") or 0)


# -- Batalkan ------------------------------------------------------------------------------------

@router.get("/riwayat/{enrollment_id}/batal")
async def cancel_form(enrollment_id: str, request: Request) -> Response:
    user = await _participant(request)
    e = await _enrollment(request, user, enrollment_id)
    return page(request, "training/cancel.html", user=user, nav="riwayat", menu=participant_menu(),
                title=t("tr_cancel_title"), e=e, alert=None)


@router.post("/riwayat/{enrollment_id}/batal")
async def cancel(enrollment_id: str, request: Request) -> Response:
    user = await _participant(request)
    form = await read_form(request, max_files=0)
    check_id(enrollment_id)

    async def failed(r: Rejection) -> Response:
        e = await _enrollment(request, user, enrollment_id)
        return page(request, "training/cancel.html", status_code=r.status, user=user,
                    nav="riwayat", menu=participant_menu(), title=t("tr_cancel_title"), e=e,
                    alert=r.alert())

    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/enrollments/{enrollment_id}/cancel", user=user,
                                      json={"reason": form_text(form, "reason")[:500]}),
                             flash="tr_cancelled", then="/riwayat", again=failed)


# -- Konfirmasi Kehadiran Pelatihan --------------------------------------------------------------

def _confirm_page(request: Request, user: WebUser, e: dict, *, status_code: int = 200,
                  errors: dict | None = None, alert: str | None = None) -> Response:
    return page(request, "training/confirm.html", status_code=status_code, user=user,
                nav="riwayat", menu=participant_menu(), title=t("tr_confirm_title"), e=e,
                errors=errors or {}, alert=alert)


@router.get("/riwayat/{enrollment_id}/konfirmasi")
async def confirm_form(enrollment_id: str, request: Request) -> Response:
    user = await _participant(request)
    return _confirm_page(request, user, await _enrollment(request, user, enrollment_id))


@router.post("/riwayat/{enrollment_id}/konfirmasi")
async def confirm(enrollment_id: str, request: Request) -> Response:
    user = await _participant(request)
    form = await read_form(request, max_files=1)
    check_id(enrollment_id)
    photo = form_file(form, "photo")
    if photo is None:
        e = await _enrollment(request, user, enrollment_id)
        return _confirm_page(request, user, e, status_code=422,
                             errors={"photo": t("tr_photo_required")}, alert=t("tr_confirm_failed"))
    data = aiohttp.FormData()
    data.add_field("photo", await photo.read(), filename=photo.filename[-100:],
                   content_type=photo.content_type or "application/octet-stream")

    async def failed(r: Rejection) -> Response:
        e = await _enrollment(request, user, enrollment_id)
        return _confirm_page(request, user, e, status_code=r.status, errors=r.errors,
                             alert=None if r.errors else r.alert())

    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/enrollments/{enrollment_id}/confirm", user=user,
                                      data=data),
                             flash="tr_confirm_done", then=f"/riwayat/{enrollment_id}/konfirmasi",
                             again=failed)


# -- Testimoni -----------------------------------------------------------------------------------

async def _testimonial_page(request: Request, user: WebUser, e: dict, *, status_code: int = 200,
                            values: dict | None = None, errors: dict | None = None,
                            alert: str | None = None) -> Response:
    reviews = await training(request, "GET", f"/trainings/{e['training_id']}/testimonials")
    return page(request, "training/testimonial.html", status_code=status_code, user=user,
                nav="testimoni", menu=participant_menu(), title=t("tr_testimonial_title"), e=e,
                reviews=reviews.data if reviews.ok and isinstance(reviews.data, dict) else None,
                values=values or {}, errors=errors or {}, alert=alert)


@router.get("/testimoni")
async def testimonials(request: Request) -> Response:
    user = await _participant(request)
    data = ensure_ok(request, await training(request, "GET", "/enrollments/mine", user=user))
    items = [e for e in items_of(data)
             if {"testimonial", "edit_testimonial"} & set(e.get("actions") or [])]
    return page(request, "training/testimonials.html", user=user, nav="testimoni",
                menu=participant_menu(), title=t("tr_testimonial_title"), items=items)


@router.get("/riwayat/{enrollment_id}/testimoni")
async def testimonial_form(enrollment_id: str, request: Request) -> Response:
    user = await _participant(request)
    return await _testimonial_page(request, user, await _enrollment(request, user, enrollment_id))


@router.post("/riwayat/{enrollment_id}/testimoni")
async def testimonial(enrollment_id: str, request: Request) -> Response:
    user = await _participant(request)
    form = await read_form(request, max_files=0)
    check_id(enrollment_id)
    values = {"rating": form_text(form, "rating"), "text": form_text(form, "text")}
    rating = int(values["rating"]) if values["rating"] in ("1", "2", "3", "4", "5") else 0

    async def failed(r: Rejection) -> Response:
        e = await _enrollment(request, user, enrollment_id)
        return await _testimonial_page(request, user, e, status_code=r.status, values=values,
                                       errors=r.errors, alert=r.alert(t("tr_review_failed")))

    return await submit_form(request, SERVICE,
                             training(request, "PUT", f"/enrollments/{enrollment_id}/testimonial", user=user,
                                      json={"rating": rating, "text": values["text"][:1000]}),
                             flash="tr_review_saved", then="/riwayat", again=failed)


# -- photos --------------------------------------------------------------------------------------

@router.get("/berkas-pelatihan/{enrollment_id}/produk/{n}")
async def product_photo(enrollment_id: str, n: int, request: Request) -> Response:
    check_id(enrollment_id)
    if not 1 <= n <= 3:
        return Response(status_code=404)
    return await proxy_file(request, SERVICE, f"/enrollments/{enrollment_id}/photos/{n}")


@router.get("/berkas-pelatihan/{enrollment_id}/konfirmasi")
async def confirmation_photo(enrollment_id: str, request: Request) -> Response:
    check_id(enrollment_id)
    return await proxy_file(request, SERVICE, f"/enrollments/{enrollment_id}/confirmation-photo")
