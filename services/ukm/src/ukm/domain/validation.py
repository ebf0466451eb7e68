"""Validation of the "Pendaftaran UKM & Koperasi" form and the product form.

Pure domain code. Labels are the guide's; messages are Bahasa Indonesia, keyed by code."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from . import fields as f
from . import reference as ref


@dataclass(frozen=True)
class Spec:
    label: str
    clean: Callable[[object, f.Context], object]
    optional: bool = False


BUSINESS_FIELDS: dict[str, Spec] = {
    "kind": Spec("UKM / Koperasi", f.choice(ref.KINDS)),
    "permit_kind": Spec("Jenis Izin Usaha", f.choice(ref.PERMIT_KINDS)),
    "permit_number": Spec("No Izin Usaha (NIB/UMK)", f.clean_permit_number, optional=True),
    "name": Spec("Nama Usaha", f.text(3, 150)),
    "owner_name": Spec("Nama Pemilik Usaha", f.text(3, 100)),
    "address": Spec("Alamat Rumah Produksi", f.text(5, 255)),
    "regency_code": Spec("Kota/Kabupaten", f.clean_regency_code),
    "district_code": Spec("Kecamatan", f.clean_district_code),
    "village_code": Spec("Kelurahan / Desa", f.clean_village_code),
    "category": Spec("Kategori Usaha", f.choice(ref.CATEGORIES)),
    "specification": Spec("Spesifikasi Usaha", f.text(3, 500)),
    "halal_number": Spec("Halal", f.doc_number, optional=True),
    "pirt_number": Spec("PIRT", f.doc_number, optional=True),
    "bpom_number": Spec("BPOM", f.doc_number, optional=True),
    "haki_number": Spec("HAKI", f.doc_number, optional=True),
    "brand": Spec("Nama Merk Usaha", f.text(2, 100)),
    "founded_year": Spec("Tahun Berdiri Usaha", f.clean_year),
    "phone": Spec("No Telepon", f.clean_phone),
    "social_media": Spec("Media Sosial Usaha", f.text(2, 100), optional=True),
    "legal_form": Spec("Badan Usaha", f.choice(ref.LEGAL_FORMS)),
    "capacity": Spec("Kapasitas Produksi", f.count(10**12)),
    "capacity_unit": Spec("Satuan Kapasitas", f.choice(ref.CAPACITY_UNITS)),
    "net_profit_month": Spec("Keuntungan Bersih Per Bulan", f.clean_rupiah),
    "product_type": Spec("Jenis Produk", f.choice(ref.PRODUCT_TYPES)),
    "workforce_male": Spec("Jumlah Tenaga Kerja Laki-laki", f.count(1_000_000)),
    "workforce_female": Spec("Jumlah Tenaga Kerja Perempuan", f.count(1_000_000)),
    "sector": Spec("Sektor Usaha", f.choice(ref.SECTORS)),
    "assets": Spec("Aset Per Tahun (Rp)", f.clean_rupiah),
    "turnover": Spec("Omzet Per Tahun (Rp)", f.clean_rupiah),
    "market_segment": Spec("Segmentasi Pasar", f.choice(ref.MARKET_SEGMENTS)),
    "distribution_channel": Spec("Saluran Distribusi", f.choice(ref.DISTRIBUTION_CHANNELS)),
}
POSITION = Spec("Jabatan UKM", f.choice(ref.POSITIONS))

PRODUCT_FIELDS: dict[str, Spec] = {
    "name": Spec("Nama Produk", f.text(3, 150)),
    "description": Spec("Deskripsi Produk", f.text(0, 2000), optional=True),
    "category": Spec("Kategori Produk", f.choice(ref.PRODUCT_TYPES)),
    "price_min": Spec("Harga Terendah (Rp)", f.clean_rupiah, optional=True),
    "price_max": Spec("Harga Tertinggi (Rp)", f.clean_rupiah, optional=True),
}

MESSAGES: dict[str, str] = {
    "required": "{label} wajib diisi",
    "invalid_type": "{label}: format isian tidak valid",
    "too_short": "{label} minimal {min} karakter",
    "too_long": "{label} maksimal {max} karakter",
    "choice_invalid": "Pilih {label} dari daftar",
    "rupiah_invalid": "{label} harus berupa nilai Rupiah tanpa desimal, contoh: 100.000.000",
    "rupiah_too_large": "{label} terlalu besar, periksa kembali",
    "count_invalid": "{label} harus berupa angka bulat 0 atau lebih",
    "count_too_large": "{label} maksimal {max}",
    "year_invalid": "{label} harus tahun 1900 sampai {max}",
    "phone_invalid": "No Telepon tidak valid, contoh: 0812 3456 7890 atau (024) 8311234",
    "doc_number_invalid": "Nomor {label} hanya boleh berisi huruf, angka, spasi, dan tanda . / - (minimal satu angka)",
    "nib_invalid": "NIB harus 13 digit angka",
    "region_unknown": "{label} tidak dikenal, pilih dari daftar",
    "region_mismatch": "{label} tidak berada di wilayah yang dipilih di atasnya",
    "permit_number_required": "No Izin Usaha wajib diisi, atau pilih Jenis Izin Usaha \"Belum Memiliki Izin Usaha\"",
    "workforce_zero": "Jumlah tenaga kerja minimal 1 orang (termasuk pemilik)",
    "price_order": "Harga Tertinggi tidak boleh lebih kecil dari Harga Terendah",
}
REGION_FIELDS = ("regency_code", "district_code", "village_code")


def message(code: str, label: str, **params: object) -> str:
    return MESSAGES[code].format(label=label, **params)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _validate(data: Mapping[str, object], specs: dict[str, Spec], wanted: Iterable[str],
              today: date | None) -> tuple[dict[str, object], dict[str, str]]:
    wanted = set(wanted)
    unknown = wanted - set(specs)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    data = data if isinstance(data, Mapping) else {}
    clean: dict[str, object] = {}
    errors: dict[str, str] = {}
    ctx = f.Context(data=data, clean=clean, today=today or date.today())
    for name, spec in specs.items():
        if name not in wanted:
            continue
        value = data.get(name)
        if _is_blank(value):
            if spec.optional:
                clean[name] = None
            else:
                errors[name] = message("required", spec.label)
            continue
        try:
            clean[name] = spec.clean(value, ctx)
        except f.FieldError as exc:
            errors[name] = message(exc.code, spec.label, **exc.params)
    return clean, errors


def validate_business(data: Mapping[str, object], wanted: Iterable[str] | None = None, *,
                      current: Mapping[str, object] | None = None,
                      today: date | None = None) -> tuple[dict[str, object], dict[str, str]]:
    """Validate ``wanted`` fields (all by default); ``current`` holds stored values for the cross-field rules."""
    wanted = set(BUSINESS_FIELDS if wanted is None else wanted)
    if wanted & set(REGION_FIELDS):  # a region is checked with its parents, so they travel together
        wanted |= set(REGION_FIELDS)
    if "permit_kind" in wanted:
        wanted.add("permit_number")
    if "permit_number" in wanted and "permit_kind" not in wanted and current:
        # the number's format depends on the kind: check it against the stored kind
        data = {**data, "permit_kind": current.get("permit_kind")}
        wanted.add("permit_kind")
    clean, errors = _validate(data, BUSINESS_FIELDS, wanted, today)
    merged = {**(current or {}), **clean}
    if "permit_number" in clean and "permit_kind" not in errors:
        if merged.get("permit_kind") == "belum_ada":
            clean["permit_number"] = None
        elif clean["permit_number"] is None:
            errors["permit_number"] = MESSAGES["permit_number_required"]
            del clean["permit_number"]
    if ({"workforce_male", "workforce_female"} & set(clean)
            and "workforce_male" not in errors and "workforce_female" not in errors
            and (merged.get("workforce_male") or 0) + (merged.get("workforce_female") or 0) == 0):
        errors["workforce_male"] = MESSAGES["workforce_zero"]
        clean.pop("workforce_male", None)
    return clean, errors


def validate_position(value: object) -> tuple[str | None, dict[str, str]]:
    clean, errors = _validate({"position": value}, {"position": POSITION}, ["position"], None)
    return clean.get("position"), errors  # type: ignore[return-value]


def validate_product(data: Mapping[str, object], wanted: Iterable[str] | None = None, *,
                     current: Mapping[str, object] | None = None) -> tuple[dict[str, object], dict[str, str]]:
    clean, errors = _validate(data, PRODUCT_FIELDS, PRODUCT_FIELDS if wanted is None else wanted, None)
    merged = {**(current or {}), **clean}
    lo, hi = merged.get("price_min"), merged.get("price_max")
    if ("price_min" in clean or "price_max" in clean) and lo is not None and hi is not None and hi < lo:
        errors["price_max"] = MESSAGES["price_order"]
        clean.pop("price_max", None)
    return clean, errors
