"""Page links with numbers (1 … 4 5 [6] 7 8 … 20) for lists of the ukm and gallery pages."""
from __future__ import annotations

from urllib.parse import urlencode


def page_numbers(current: int, pages: int, width: int = 2) -> list[int | None]:
    """The page numbers to show; None marks a gap."""
    shown = {1, pages, *range(max(1, current - width), min(pages, current + width) + 1)}
    out: list[int | None] = []
    for n in sorted(shown):
        if out and n - (out[-1] or 0) > 1:
            out.append(None)
        out.append(n)
    return out


def pager(path: str, params: dict, current: int, pages: int, param: str = "page",
          anchor: str = "") -> dict:
    def link(n: int) -> str:
        merged = {**params, param: n if n > 1 else ""}
        query = urlencode({k: v for k, v in merged.items() if v not in ("", None)})
        return path + ("?" + query if query else "") + anchor

    current = min(max(current, 1), max(pages, 1))
    return {"current": current, "pages": pages, "link": link,
            "numbers": page_numbers(current, pages),
            "prev": link(current - 1) if current > 1 else None,
            "next": link(current + 1) if current < pages else None}
