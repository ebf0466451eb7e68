""""Tambah Produk": a product of a business with up to three photos."""
from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_text, page
from gateway.web.forms import Rejection, statuses_or_field_errors, submit_form
from gateway.web.session import Forbidden, WebUser, require_user
from gateway.web.shared.ukm_client import SERVICE, reference, ukm
from gateway.web.ukm.detail import load_business, menu_for
from gateway.web.ukm.form import PHOTO_FIELDS, money_preview, multipart
from gateway.web.ukm.uploads import read_upload_form

router = APIRouter(include_in_schema=False)
FIELDS = ("name", "description", "category", "price_min", "price_max")


def labels() -> dict[str, str]:
    out = {name: t("product_f_" + name) for name in FIELDS}
    out.update({name: t("ukm_f_" + name) for name in PHOTO_FIELDS})
    return out


async def _page(request: Request, user: WebUser, b: dict, values: dict, errors: dict,
                status_code: int = 200, summary: str | None = None) -> Response:
    ref = await reference(request)
    return page(request, "ukm/product_form.html", status_code=status_code, user=user, nav="ukm",
                menu=menu_for(user), title=t("product_add"), b=b, values=values, errors=errors,
                labels=labels(), summary=summary, categories=ref.get("product_type", []),
                previews={k: money_preview(values.get(k, "")) for k in ("price_min", "price_max")})


@router.get("/ukm/{business_id}/produk/baru")
async def product_form(business_id: str, request: Request) -> Response:
    user = await require_user(request)
    b = await load_business(request, user, business_id)
    if not b.get("can_edit"):
        raise Forbidden()
    return await _page(request, user, b, {"category": b.get("product_type") or ""}, {})


@router.post("/ukm/{business_id}/produk/baru")
async def product_submit(business_id: str, request: Request) -> Response:
    user = await require_user(request)
    b = await load_business(request, user, business_id)
    form = await read_upload_form(request)
    values = {name: form_text(form, name) for name in FIELDS}
    data, local = await multipart(form, values, with_photos=True, names=FIELDS)

    async def failed(r: Rejection) -> Response:
        return await _page(request, user, b, values, r.errors or {"body": t("ukm_too_large")},
                           status_code=r.status, summary=t("ukm_failed"))

    return await submit_form(request, SERVICE, ukm(request, "POST", f"/businesses/{business_id}/products",
                                                   user=user, data=data),
                             accept=lambda r: r.status in (200, 201), flash="ukm_product_added",
                             then=f"/ukm/{business_id}#produk", again=failed,
                             fixable=statuses_or_field_errors(413, 422), local_errors=local)
