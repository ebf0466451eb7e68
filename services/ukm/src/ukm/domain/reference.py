"""Choice lists of the "Pendaftaran UKM & Koperasi" form, in the words of the Si Pentol guide.

Keys are stored and sent on the wire; labels are shown. Every input accepts a key or a label.
"""
from __future__ import annotations

KINDS = {"ukm": "UKM", "koperasi": "Koperasi"}

PERMIT_KINDS = {  # Jenis Izin Usaha; "No Izin Usaha (NIB/UMK)"
    "nib": "NIB (Nomor Induk Berusaha)",
    "iumk": "IUMK / UMK (Izin Usaha Mikro Kecil)",
    "sku": "SKU (Surat Keterangan Usaha)",
    "siup": "SIUP (Surat Izin Usaha Perdagangan)",
    "bh_koperasi": "Badan Hukum Koperasi",
    "lainnya": "Izin Lainnya",
    "belum_ada": "Belum Memiliki Izin Usaha",
}

CERTIFICATES = {"halal": "Halal", "pirt": "PIRT", "bpom": "BPOM", "haki": "HAKI"}
#: What the gallery's permit filter accepts.
GALLERY_PERMITS = ("halal", "pirt", "bpom", "haki", "nib")

POSITIONS = {  # Jabatan UKM / Koperasi
    "pemilik": "Pemilik",
    "ketua": "Ketua",
    "wakil_ketua": "Wakil Ketua",
    "sekretaris": "Sekretaris",
    "bendahara": "Bendahara",
    "pengurus": "Pengurus",
    "pengawas": "Pengawas",
    "manajer": "Manajer",
    "anggota": "Anggota",
    "karyawan": "Karyawan",
}

CATEGORIES = {  # Kategori Usaha
    "makanan_minuman": "Makanan & Minuman",
    "fashion": "Fashion / Busana",
    "kerajinan": "Kerajinan",
    "kosmetik": "Kosmetik & Kecantikan",
    "pertanian": "Pertanian & Perkebunan",
    "peternakan": "Peternakan",
    "perikanan": "Perikanan",
    "perdagangan": "Perdagangan",
    "jasa": "Jasa",
    "lainnya": "Lainnya",
}

PRODUCT_TYPES = {  # Jenis Produk (also the product category of the gallery)
    "makanan": "Makanan",
    "minuman": "Minuman",
    "pakaian": "Pakaian / Busana",
    "batik": "Batik & Tenun",
    "aksesoris": "Aksesoris",
    "kerajinan": "Kerajinan Tangan",
    "kosmetik": "Kosmetik & Perawatan",
    "herbal": "Herbal / Jamu",
    "hasil_tani": "Hasil Pertanian",
    "jasa": "Jasa",
    "lainnya": "Lainnya",
}

LEGAL_FORMS = {  # Badan Usaha
    "perorangan": "Perorangan / Usaha Dagang",
    "perseroan": "Perseroan (PT)",
    "perseroan_perorangan": "PT Perorangan",
    "cv": "CV (Persekutuan Komanditer)",
    "firma": "Firma",
    "koperasi": "Koperasi",
    "belum_berbadan_usaha": "Belum Berbadan Usaha",
}

SECTORS = {  # Sektor Usaha (KBLI)
    "pertanian": "Pertanian, Kehutanan dan Perikanan",
    "pertambangan": "Pertambangan dan Penggalian",
    "industri_pengolahan": "Industri Pengolahan",
    "konstruksi": "Konstruksi",
    "perdagangan": "Perdagangan Besar dan Eceran",
    "transportasi": "Transportasi dan Pergudangan",
    "akomodasi_makan_minum": "Penyediaan Akomodasi dan Makan Minum",
    "informasi_komunikasi": "Informasi dan Komunikasi",
    "jasa_keuangan": "Jasa Keuangan",
    "jasa_lainnya": "Jasa Lainnya",
}

MARKET_SEGMENTS = {  # Segmentasi Pasar
    "desa_kecamatan": "Tingkat Desa/Kecamatan",
    "kab_kota": "Tingkat Kab/Kota",
    "provinsi": "Tingkat Provinsi",
    "nasional": "Tingkat Nasional",
    "ekspor": "Ekspor / Internasional",
}

DISTRIBUTION_CHANNELS = {  # Saluran Distribusi
    "produsen_konsumen": "Produsen-Konsumen",
    "produsen_pengecer_konsumen": "Produsen-Pengecer-Konsumen",
    "produsen_pedagang_besar_pengecer_konsumen": "Produsen-Pedagang Besar-Pengecer-Konsumen",
    "produsen_agen_pedagang_besar_pengecer_konsumen": "Produsen-Agen-Pedagang Besar-Pengecer-Konsumen",
    "online": "Online (Marketplace / Media Sosial)",
}

CAPACITY_UNITS = {  # Satuan Kapasitas (per bulan)
    "pcs": "Pcs", "kg": "Kg", "ton": "Ton", "liter": "Liter", "botol": "Botol", "bungkus": "Bungkus",
    "pak": "Pak", "lusin": "Lusin", "kodi": "Kodi", "porsi": "Porsi", "unit": "Unit", "set": "Set",
    "meter": "Meter", "lembar": "Lembar",
}

SIZE_CLASSES = {"mikro": "Usaha Mikro", "kecil": "Usaha Kecil", "menengah": "Usaha Menengah",
                "besar": "Usaha Besar"}

CHOICES: dict[str, dict[str, str]] = {
    "kind": KINDS, "permit_kind": PERMIT_KINDS, "position": POSITIONS, "category": CATEGORIES,
    "product_type": PRODUCT_TYPES, "legal_form": LEGAL_FORMS, "sector": SECTORS,
    "market_segment": MARKET_SEGMENTS, "distribution_channel": DISTRIBUTION_CHANNELS,
    "capacity_unit": CAPACITY_UNITS,
}


def choice_key(options: dict[str, str], value: str) -> str | None:
    """The key of ``value`` given as a key or a label (case-insensitive); None when unknown."""
    text = " ".join(value.split()).lower()
    if text in options:
        return text
    for key, label in options.items():
        if label.lower() == text:
            return key
    return None


def reference_lists() -> dict[str, list[dict[str, str]]]:
    """Every choice list as [{"value", "label"}], for dropdowns."""
    out = {name: [{"value": k, "label": v} for k, v in options.items()] for name, options in CHOICES.items()}
    out["certificate"] = [{"value": k, "label": v} for k, v in CERTIFICATES.items()]
    out["size_class"] = [{"value": k, "label": v} for k, v in SIZE_CLASSES.items()]
    return out
