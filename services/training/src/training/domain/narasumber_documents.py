"""Documents of a narasumber registration or request: the applicant's CV and certificates, the outside
body's request letter. PDF only, at most 3 MB, judged by content with the checks of class materials
(``material.py``): the bytes must start with ``%PDF-``, whatever the name or declared type says."""
from __future__ import annotations

from .material import MAX_MATERIAL_BYTES, PDF_MAGIC, CheckedMaterial, safe_filename

MAX_DOCUMENT_BYTES = MAX_MATERIAL_BYTES
MAX_CERTIFICATES = 3
KINDS = ("cv", "certificate", "letter")
LABELS = {"cv": "CV", "certificate": "Sertifikat", "letter": "Surat permintaan"}


class DocumentError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_pdf(data: bytes | None, filename: str | None, label: str) -> CheckedMaterial:
    """An acceptable PDF with a safe name; DocumentError with a message in Bahasa Indonesia otherwise."""
    if not data:
        raise DocumentError(f"{label} wajib diunggah (PDF)")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"Ukuran {label.lower()} maksimal 3 MB")
    if not data.startswith(PDF_MAGIC):
        raise DocumentError(f"{label} harus berupa berkas PDF")
    return CheckedMaterial(data=bytes(data), content_type="application/pdf",
                           filename=safe_filename(filename, "application/pdf"))
