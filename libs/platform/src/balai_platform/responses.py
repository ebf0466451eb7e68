"""Shapes shared by every service's HTTP answers: the schema base, pages, messages and problems.

Handlers keep returning plain dicts; FastAPI validates them against these models (`response_model=`)
and the OpenAPI document then describes every answer, which is what ties the gateway's test fakes
to the real services.
"""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class PublicModel(BaseModel):
    """Base of every response schema.

    Extra keys pass through unchanged: a key a handler starts returning before its schema lists it
    must never vanish from the answer (pages read it), so the schema documents, it does not filter.
    """

    model_config = ConfigDict(extra="allow")


class Message(PublicModel):
    detail: str


class ProblemPublic(BaseModel):
    """Every 4xx/5xx answer: a message in Bahasa Indonesia and, for forms, one message per field."""

    detail: str
    errors: dict[str, Any] | None = None


class Items(PublicModel, Generic[T]):
    items: list[T]


class Page(PublicModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ProblemPublic, "description": text} for status, text in (
        (400, "Permintaan tidak valid"), (401, "Belum masuk atau token tidak valid"),
        (403, "Tidak berhak"), (404, "Tidak ditemukan"), (409, "Bertabrakan dengan keadaan saat ini"),
        (413, "Data terlalu besar"), (422, "Data belum valid"), (429, "Terlalu banyak percobaan"),
    )
}


def binary_responses(*media_types: str, description: str = "Berkas") -> dict[int | str, dict[str, Any]]:
    """The OpenAPI `responses` of a route answering a file (200) or "not modified" (304)."""
    content = {m: {"schema": {"type": "string", "format": "binary"}} for m in media_types}
    return {200: {"description": description, "content": content},
            304: {"description": "Berkas tidak berubah (ETag sama)"}}
