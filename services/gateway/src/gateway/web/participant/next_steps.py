"""The participant dashboard's "Yang perlu Anda lakukan": one line and one button per next step,
from the enrollments (training), rooms (lodging), certificates and SKM invitations (survey)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from gateway.i18n import t

CERTIFICATE_DAYS = 30  # a certificate stays a "next step" for a month after it is issued


def _step(text: str, button: str, href: str, primary: bool = True) -> dict:
    return {"text": text, "button": button, "href": href, "primary": primary}


def enrollment_steps(items: list[dict]) -> list[dict]:
    out = []
    for e in items:
        title, actions, eid = e.get("training_title") or "", e.get("actions") or [], e.get("id")
        status = e.get("status")
        if "confirm" in actions:
            out.append(_step(t("db_todo_confirm", title=title), t("db_todo_confirm_btn"), f"/riwayat/{eid}/konfirmasi"))
        elif "open_class" in actions:
            out.append(_step(t("db_todo_class", title=title), t("db_todo_class_btn"), f"/kelas/{eid}"))
        elif status == "submitted":
            out.append(_step(t("db_todo_wait", title=title), t("db_todo_detail_btn"), "/riwayat", False))
        elif status == "waitlisted":
            out.append(_step(t("db_todo_waitlist", title=title), t("db_todo_detail_btn"), "/riwayat", False))
    return out


def _issued_day(c: dict) -> date | None:
    value = c.get("issued_at") or c.get("issued_on")
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date() if value else None
    except ValueError:
        return None


def certificate_steps(items: list[dict], today: date) -> list[dict]:
    out = []
    for c in items:
        day = _issued_day(c)
        if c.get("status") != "issued" or day is None or day < today - timedelta(days=CERTIFICATE_DAYS):
            continue
        href = "/e-sertifikat" if c.get("skm_required") else f"/e-sertifikat/{c.get('id')}/proses"
        out.append(_step(t("db_todo_certificate", title=c.get("training_title") or ""),
                         t("db_todo_certificate_btn"), href))
    return out


def next_steps(*, businesses: list | None, history: dict | None, rooms: list[str], surveys: list[dict] | None,
               certificates: list[dict] | None, today: date) -> list[dict]:
    """Every next step, most urgent first: things to do now, then things to wait for."""
    steps = [_step(t("db_todo_room", room=room), t("lg_next_checkin", room=room), "/check-in") for room in rooms]
    if history is not None:
        steps += enrollment_steps(history["items"])
    steps += certificate_steps(certificates or [], today)
    if history is not None and any(e.get("status") == "completed" for e in history["items"]):
        steps.append(_step(t("ks_todo"), t("ks_todo_btn"), "/konsultasi", False))  # alumni may ask
    steps += [_step(t("db_todo_skm", org=s.get("org_name") or "", period=s.get("period_name") or ""),
                    t("db_todo_skm_btn"), f"/skm/isi/{s.get('id')}") for s in surveys or []]
    if businesses == []:
        steps.insert(0, _step(t("db_todo_business"), t("db_todo_business_btn"), "/ukm"))
    elif businesses and history is not None and not any(
            e.get("status") in ("submitted", "waitlisted", "verified", "confirmed") for e in history["items"]):
        steps.append(_step(t("db_todo_schedule"), t("db_todo_schedule_btn"), "/jadwal", False))
    return sorted(steps, key=lambda s: not s["primary"])
