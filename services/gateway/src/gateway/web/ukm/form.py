"""The "Pendaftaran UKM & Koperasi" form: its fields in the guide's order, sections, values."""
from __future__ import annotations

import re
from dataclasses import dataclass

import aiohttp
from starlette.datastructures import FormData

from gateway.i18n import t
from gateway.web.common import form_file, form_text
from gateway.web.shared.photos import photo_error
from gateway.web.wilayah import region_choices


@dataclass(frozen=True)
class Field:
    name: str
    widget: str = "text"  # text | textarea | select | money | number | tel | file | region
    options: str = ""     # name of a reference list (or of the region lists)
    required: bool = True
    maxlength: int = 0
    hint_key: str = ""
    autocomplete: str = "off"
    sr_prefix_key: str = ""  # read before a short visible label ("Perempuan")

    @property
    def label(self) -> str:
        return t("ukm_f_" + self.name)

    @property
    def hint(self) -> str:
        return t(self.hint_key) if self.hint_key else ""

    @property
    def sr_prefix(self) -> str:
        return t(self.sr_prefix_key) if self.sr_prefix_key else ""


F = Field
SECTIONS: list[tuple[str, tuple[Field, ...]]] = [
    ("usaha", (
        F("kind", "select", "kind"), F("permit_kind", "select", "permit_kind"),
        F("permit_number", required=False, maxlength=50, hint_key="ukm_hint_permit_number"),
        F("name", maxlength=150, autocomplete="organization"), F("owner_name", maxlength=100),
    )),
    ("alamat", (
        F("address", "textarea", maxlength=255), F("province", "region", "provinces", required=False),
        F("regency_code", "region", "regencies"), F("district_code", "region", "districts"),
        F("village_code", "region", "villages"), F("position", "select", "position"),
    )),
    ("produk", (
        F("category", "select", "category"), F("specification", "textarea", maxlength=500),
        F("halal_number", required=False, maxlength=50, hint_key="ukm_hint_certificate"),
        F("pirt_number", required=False, maxlength=50, hint_key="ukm_hint_certificate"),
        F("bpom_number", required=False, maxlength=50, hint_key="ukm_hint_certificate"),
        F("haki_number", required=False, maxlength=50, hint_key="ukm_hint_certificate"),
        F("brand", maxlength=100), F("founded_year", "number", maxlength=4, hint_key="ukm_hint_year"),
        F("phone", "tel", maxlength=20, autocomplete="tel", hint_key="ukm_hint_phone"),
        F("social_media", required=False, maxlength=100, hint_key="ukm_hint_social"),
        F("legal_form", "select", "legal_form"),
    )),
    ("produksi", (
        F("capacity", "number", maxlength=16), F("capacity_unit", "select", "capacity_unit"),
        F("net_profit_month", "money"), F("product_type", "select", "product_type"),
        F("workforce_male", "number", maxlength=7),
        F("workforce_female", "number", maxlength=7, sr_prefix_key="ukm_workforce"),
        F("sector", "select", "sector"), F("assets", "money"), F("turnover", "money"),
        F("market_segment", "select", "market_segment"),
        F("distribution_channel", "select", "distribution_channel"),
    )),
    ("foto", (F("photo_1", "file"), F("photo_2", "file", required=False),
              F("photo_3", "file", required=False))),
]
REGION_FIELDS = ("regency_code", "district_code", "village_code")
BUSINESS_FIELDS = tuple(f.name for _, fields in SECTIONS for f in fields
                        if f.widget != "file" and f.name not in ("province", "position"))
PHOTO_FIELDS = ("photo_1", "photo_2", "photo_3")
MONEY_FIELDS = tuple(f.name for _, fields in SECTIONS for f in fields if f.widget == "money")
_DIGITS = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")


def sections(edit: bool) -> list[tuple[str, str, tuple[Field, ...]]]:
    """(key, title, fields); editing leaves out the photos (products have their own form) and the
    jabatan (a member's post is not a field of the business)."""
    out = []
    for key, fields in SECTIONS:
        if edit:
            fields = tuple(f for f in fields if f.name != "position")
            if key == "foto":
                continue
        out.append((key, t("ukm_step_" + key), fields))
    return out


def field_labels() -> dict[str, str]:
    labels = {f.name: f.label for _, fields in SECTIONS for f in fields}
    labels["body"] = t("ukm_form")
    return labels


def format_rupiah(amount: object) -> str:
    """12500000 -> "Rp 12.500.000"; None or "" -> ""."""
    if amount is None or amount == "":
        return ""
    return "Rp " + f"{int(amount):,}".replace(",", ".")


def money_preview(value: str) -> str:
    """What the service will read from the typed text, or "" when it cannot read it."""
    text = "".join(value.split())
    if text[:2].lower() == "rp":
        text = text[2:].lstrip(".")
    text = re.sub(r",0{1,2}$", "", text)
    return format_rupiah(text.replace(".", "")) if _DIGITS.fullmatch(text or "x") else ""


def values_from_form(form: FormData, edit: bool) -> dict[str, str]:
    names = BUSINESS_FIELDS + ("province",) + (() if edit else ("position",))
    return {name: form_text(form, name) for name in names}


def values_from_detail(b: dict) -> dict[str, str]:
    """Prefill of the edit form from BusinessDetail (the private part holds the stored figures)."""
    p = b.get("private") or {}
    values = {name: b.get(name) for name in BUSINESS_FIELDS}
    values.update({name: p.get(name) for name in ("address", "capacity", "capacity_unit",
                                                   "workforce_male", "workforce_female")})
    values["phone"] = p.get("phone_display") or p.get("phone")
    for name in MONEY_FIELDS:
        values[name] = format_rupiah(p.get(name)).removeprefix("Rp ")
    values = {k: "" if v is None else str(v) for k, v in values.items()}
    values["province"] = values.get("regency_code", "")[:2]
    return values


def context(values: dict[str, str], ref: dict[str, list]) -> dict:
    """Options of every select (reference lists and the four region levels), values made consistent."""
    regions = region_choices(values.get("province", ""), values.get("regency_code", ""),
                             values.get("district_code", ""), values.get("village_code", ""))
    values = {**values, "province": regions["province"], "regency_code": regions["regency"],
              "district_code": regions["district"], "village_code": regions["village"]}
    options = {**ref, **{k: list(regions[k]) for k in ("provinces", "regencies", "districts", "villages")}}
    previews = {name: money_preview(values.get(name, "")) for name in MONEY_FIELDS}
    return {"values": values, "options": options, "previews": previews}


def first_error_section(errors: dict[str, str], edit: bool) -> str:
    for key, _, fields in sections(edit):
        if any(f.name in errors for f in fields):
            return key
    return "usaha"


async def multipart(form: FormData, values: dict[str, str], *, with_photos: bool,
                    names: tuple[str, ...]) -> tuple[aiohttp.FormData, dict[str, str]]:
    """The body for the ukm service; photos that fail the cheap checks stay here with a message."""
    data = aiohttp.FormData()
    for name in names:
        data.add_field(name, values.get(name, ""))
    errors: dict[str, str] = {}
    if with_photos:
        for name in PHOTO_FIELDS:
            photo = form_file(form, name)
            if photo is None:
                continue
            error = await photo_error(photo)
            if error:
                errors[name] = error
            else:
                data.add_field(name, await photo.read(), filename=photo.filename[-100:],
                               content_type=photo.content_type or "application/octet-stream")
    return data, errors
