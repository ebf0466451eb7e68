"""Events published by the ukm service (businesses, products, the E-Dukasi gallery).

Money is an integer number of Rupiah. Never carries owner phone numbers or NIKs."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from .envelope import EventData
from .topics import UKM_BUSINESS, UKM_PRODUCT

SizeClass = Literal["mikro", "kecil", "menengah", "besar"]


class Permit(BaseModel):
    """One permit or certificate a business holds."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: str = Field(description="nib, iumk, sku, siup, bh_koperasi, lainnya (izin usaha) or halal, pirt, bpom, haki")
    number: str = Field(description="Nomor izin/sertifikat as written on the document")


class Member(BaseModel):
    """A participant holding a post (jabatan) in the business."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    participant_id: uuid.UUID = Field(description="Participant (account) id")
    position: str = Field(description="Jabatan: pemilik, ketua, wakil_ketua, sekretaris, bendahara, pengurus, "
                                      "pengawas, manajer, anggota, karyawan")


class _BusinessData(EventData):
    topic: ClassVar[str] = UKM_BUSINESS
    business_id: uuid.UUID = Field(description="Business id; the event subject")
    kind: Literal["ukm", "koperasi"] = Field(description="UKM (usaha mikro/kecil/menengah) or koperasi")
    name: str = Field(description="Nama usaha")
    brand: str = Field(description="Nama merk usaha")
    owner_name: str = Field(description="Nama pemilik usaha (as written on the form)")
    legal_form: str = Field(description="Badan usaha key, e.g. perorangan, perseroan, cv, koperasi")
    permits: list[Permit] = Field(description="Izin usaha and certificates held (kinds + numbers)")
    assets: int = Field(description="Aset per tahun in Rupiah (modal usaha excluding land and buildings)")
    turnover: int = Field(description="Omzet per tahun in Rupiah")
    workforce_male: int = Field(description="Tenaga kerja laki-laki")
    workforce_female: int = Field(description="Tenaga kerja perempuan")
    workforce_total: int = Field(description="Tenaga kerja total")
    size_class: SizeClass = Field(description="Business size by PP 7/2021 (see ukm.domain.money)")
    province_code: str = Field(description="Kemendagri province code, e.g. 33")
    regency_code: str = Field(description="Kemendagri kota/kabupaten code of the production house, e.g. 33.74")
    district_code: str = Field(description="Kemendagri kecamatan code, e.g. 33.74.01")
    village_code: str = Field(description="Kemendagri kelurahan/desa code, e.g. 33.74.01.1001")
    regency_name: str = Field(description="Kota/kabupaten name, e.g. Kota Semarang")
    sector: str = Field(description="Sektor usaha key, e.g. industri_pengolahan")
    category: str = Field(description="Kategori usaha key, e.g. makanan_minuman")
    founded_year: int = Field(description="Tahun berdiri usaha")
    members: list[Member] = Field(description="Who holds which post now")


class BusinessRegisteredV1(_BusinessData):
    """A participant registered a UKM or cooperative ("Daftarkan UKM/Koperasi")."""

    event_type: ClassVar[str] = "BusinessRegistered"
    registered_by: uuid.UUID = Field(description="Participant who registered it (also in members)")
    registered_at: datetime = Field(description="UTC time of registration")


class BusinessUpdatedV1(_BusinessData):
    """Business data or its members changed (current values, not a diff)."""

    event_type: ClassVar[str] = "BusinessUpdated"
    updated_at: datetime = Field(description="UTC time of the change")


class ProductShowcasedV1(EventData):
    """A product entered the public E-Dukasi gallery (once per product).

    Subject/key: product_id."""

    event_type: ClassVar[str] = "ProductShowcased"
    topic: ClassVar[str] = UKM_PRODUCT
    product_id: uuid.UUID = Field(description="Product id; the event subject")
    name: str = Field(description="Nama produk")
    description: str = Field(description="Deskripsi produk (may be empty)")
    category: str = Field(description="Jenis produk key, e.g. makanan")
    price_min: int | None = Field(description="Lowest price in Rupiah, null when not given")
    price_max: int | None = Field(description="Highest price in Rupiah, null when not given")
    photo_url: str | None = Field(description="URL path of the main photo through the gateway, "
                                              "e.g. /api/ukm/products/<id>/photos/1")
    business_id: uuid.UUID = Field(description="Owning business")
    business_name: str = Field(description="Nama usaha")
    brand: str = Field(description="Nama merk usaha")
    regency_code: str = Field(description="Kemendagri kota/kabupaten code of the business")
    regency_name: str = Field(description="Kota/kabupaten name")
    permits: list[Permit] = Field(description="Permits and certificates the business holds")
    organisation_id: uuid.UUID = Field(description="Training centre whose training put it in the gallery")
    training_id: uuid.UUID = Field(description="Training that triggered the showcase")
    training_title: str = Field(description="Judul pelatihan")
    training_start_date: date = Field(description="First day of that training")
    enrollment_id: uuid.UUID = Field(description="Enrollment whose AttendanceConfirmed triggered it")
    showcased_at: datetime = Field(description="UTC time it entered the gallery")


WithdrawalReason = Literal["hidden_by_owner", "unpublished_by_admin"]


class ProductWithdrawnV1(EventData):
    """A showcased product left the public E-Dukasi gallery: its business hid it or an admin
    unpublished it. Showcases should stop showing it; if it returns, ProductShowcased is emitted
    again with its current data.

    Subject/key: product_id."""

    event_type: ClassVar[str] = "ProductWithdrawn"
    topic: ClassVar[str] = UKM_PRODUCT
    product_id: uuid.UUID = Field(description="Product id; the event subject")
    business_id: uuid.UUID = Field(description="Owning business")
    organisation_id: uuid.UUID = Field(description="Training centre whose training put it in the gallery")
    reason: WithdrawalReason = Field(description="hidden_by_owner (a member of the business hid it) or "
                                                 "unpublished_by_admin (an admin of the balai took it out)")
    withdrawn_at: datetime = Field(description="UTC time it left the gallery")
