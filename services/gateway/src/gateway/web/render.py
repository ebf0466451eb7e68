"""Jinja2 environment shared by every web area (templates live in web/<area>/ and web/templates/)."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from gateway.i18n import format_date_id, format_datetime_wib, t
from gateway.web.static_files import static_url

WEB_DIR = Path(__file__).parent

env = Environment(
    loader=FileSystemLoader([str(WEB_DIR), str(WEB_DIR / "templates")]),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True, lstrip_blocks=True,
)
env.globals.update(t=t, static_url=static_url, format_datetime=format_datetime_wib,
                   format_date=format_date_id)


def render_html(template: str, status_code: int = 200, headers: dict | None = None,
                **context: object) -> HTMLResponse:
    context.setdefault("user", None)
    context.setdefault("csrf_token", "")
    context.setdefault("flash", None)
    context.setdefault("nav", "")
    html = env.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code, headers=headers)
