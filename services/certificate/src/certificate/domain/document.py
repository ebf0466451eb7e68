"""What a certificate document shows: the organisation's template and one holder's content.

Plain frozen dataclasses (no framework): the renderer (`adapters.pdf_render`) draws them, the
service fills them from its aggregate and the organisation's template settings."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Signatory:
    """The official who signs: position ("Kepala Balatkop UKM ..."), full name and NIP."""

    position: str
    name: str
    nip: str


@dataclass(frozen=True, slots=True)
class SyllabusItem:
    """One module of the training and its hours (JP, jam pelajaran)."""

    title: str
    hours: int


@dataclass(frozen=True, slots=True)
class TemplateContent:
    """An organisation's wording and look for one training kind (admin-editable)."""

    org_name: str
    org_parent: str
    logo_png: bytes | None
    place: str
    signatory: Signatory
    syllabus_page: bool = False
    heading: str = "SERTIFIKAT"
    intro: str = "diberikan kepada"
    body: str = "atas partisipasinya sebagai peserta"
    closing: str = ""


@dataclass(frozen=True, slots=True)
class CertificateContent:
    """One holder's certificate: what changes from one PDF to the next."""

    number: str
    holder_name: str
    training_title: str
    batch: int | str
    kind: str
    level: str
    start_date: date
    end_date: date
    hours: int
    score: int | None
    predicate: str | None
    issued_on: date
    verification_url: str
    syllabus: tuple[SyllabusItem, ...] = ()
