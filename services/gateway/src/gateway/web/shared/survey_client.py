"""Calls from the survey pages (participant, public, admin) to the survey service."""
from __future__ import annotations

from fastapi import Request

from gateway.i18n import t
from gateway.upstream import UpstreamResponse, UpstreamUnavailable
from gateway.web.service_calls import answer_checker, call_service
from gateway.web.session import WebUser

SERVICE = "survey"
UNSUR_COUNT = 9


async def survey(request: Request, method: str, path: str, *, user: WebUser | None = None,
                 **kwargs) -> UpstreamResponse:
    """One call to the survey service with the session's token (public calls without one)."""
    return await call_service(request, SERVICE, method, path, user=user, **kwargs)


ensure_ok = answer_checker(SERVICE)


async def my_invitations(request: Request, user: WebUser) -> list[dict] | None:
    """Open SKM invitations for the dashboard's "what to do next"; None when the service cannot answer."""
    try:
        result = await survey(request, "GET", "/me/invitations", user=user)
    except UpstreamUnavailable:
        return None
    if result.status != 200 or not isinstance(result.data, dict):
        return None
    return [i for i in result.data.get("items") or [] if isinstance(i, dict) and not i.get("answered_at")]


SKM_FIELDS = ("anonymous", "name", "email", "phone", "age", "sex", "address", "education", "occupation",
              "suggestion", *(f"p{i}" for i in range(1, UNSUR_COUNT + 1)),
              *(f"i{i}" for i in range(1, UNSUR_COUNT + 1)))


def skm_answers(form) -> dict[str, str]:
    """The SKM fields of a posted form (strings), ready for the service."""
    out = {}
    for key in SKM_FIELDS:
        value = form.get(key)
        out[key] = value.strip()[:2000] if isinstance(value, str) else ""
    return out


FIELD_LABELS = {"name": "sv_name", "email": "sv_email", "phone": "sv_phone", "age": "sv_age", "sex": "sv_sex",
                "address": "sv_address", "education": "sv_education", "occupation": "sv_occupation",
                "suggestion": "sv_suggestion"}


def skm_labels() -> dict[str, str]:
    """Field name -> label, for the error summary of an SKM form."""
    out = {k: t(v) for k, v in FIELD_LABELS.items()}
    for n in range(1, UNSUR_COUNT + 1):
        out[f"p{n}"] = t('sv_question_n', n=n)
        out[f"i{n}"] = t('sv_question_n', n=n)
    return out


def skm_choices(data: dict) -> dict[str, list[tuple[str, str]]]:
    """The identity's select options the service sent with the questionnaire."""
    raw = data.get("choices") or {}
    return {k: [(v, v) for v in raw.get(k) or []] for k in ("education", "occupation")}
