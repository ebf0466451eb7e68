"""Jinja2 environment shared by every web area (templates live in web/<area>/ and web/templates/)."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from gateway.i18n import format_date_id, format_datetime_wib, t
from gateway.web.static_files import static_url

WEB_DIR = Path(__file__).parent

_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(Environment):
    """`{{ item.name }}` on a dict: Jinja tries getattr() first and pays for an AttributeError on
    every lookup before it reads the key. The pages' data are dicts (service answers), so look the
    key up first; names of dict attributes (`items`, `get`...) keep Jinja's order, so the result
    is the same as Jinja's for every name."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


env = _Environment(
    loader=FileSystemLoader([str(WEB_DIR), str(WEB_DIR / "templates")]),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True, lstrip_blocks=True,
    # templates ship with the code: no stat() of every template file on every render
    auto_reload=False,
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
