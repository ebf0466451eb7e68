"""Rows -> JSON answers (the shapes the gateway's pages read)."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from ..domain import lifecycle
from ..domain.eligibility import PERMIT_LABELS, regency_label, rupiah

MODE_LABELS = {"residential": "Residensial di Balai", "regional": "Di Daerah", "online": "Online (kelas mandiri)"}


def display_title(t: Mapping) -> str:
    return f"{t['title']} Angkatan {t['batch']}"


def dmy(d) -> str:
    return d.strftime("%d-%m-%Y")


def requirement_labels(req: Mapping) -> list[str]:
    """The requirements in words, for the schedule's detail view."""
    out = []
    lo, hi = req.get("age_min"), req.get("age_max")
    if lo is not None and hi is not None:
        out.append(f"Usia {lo}–{hi} tahun")
    elif hi is not None:
        out.append(f"Usia maksimal {hi} tahun")
    elif lo is not None:
        out.append(f"Usia minimal {lo} tahun")
    for key, name in (("assets", "Aset"), ("turnover", "Omset")):
        if req.get(f"{key}_min") is not None:
            out.append(f"{name} minimal {rupiah(req[f'{key}_min'])}")
        if req.get(f"{key}_max") is not None:
            out.append(f"{name} maksimal {rupiah(req[f'{key}_max'])}")
    if req.get("workforce_min") is not None:
        out.append(f"Tenaga kerja minimal {req['workforce_min']} orang")
    out += [f"Memiliki {PERMIT_LABELS.get(p, p)}" for p in req.get("permits") or ()]
    if req.get("regencies"):
        out.append("Wilayah: " + ", ".join(regency_label(c) for c in req["regencies"]))
    return out


def training_public(t: Mapping, now: datetime) -> dict:
    req = dict(t["requirements"] or {})
    status = lifecycle.registration_status(now, t["registration_opens_at"], t["registration_closes_at"],
                                           t["seats_taken"], t["quota"], t["closed_at"] is not None)
    return dict(
        id=str(t["id"]), org_id=str(t["org_id"]), title=t["title"], batch=t["batch"],
        display_title=display_title(t), kind=t["kind"], level=t["level"], kind_level=f"{t['kind']} - {t['level']}",
        mode=t["mode"], mode_label=MODE_LABELS[t["mode"]], venue=t["venue"], description=t["description"],
        start_date=t["start_date"].isoformat(), end_date=t["end_date"].isoformat(),
        date_range_label=f"{dmy(t['start_date'])} - {dmy(t['end_date'])}",
        registration_opens_at=t["registration_opens_at"].isoformat(),
        registration_closes_at=t["registration_closes_at"].isoformat(),
        quota=t["quota"], seats_taken=t["seats_taken"], seats_left=max(0, t["quota"] - t["seats_taken"]),
        hours=t["hours"], requirements={k: v for k, v in req.items() if k != "checklist"},
        requirement_labels=requirement_labels(req), checklist=list(req.get("checklist") or ()),
        min_attendance_percent=t["min_attendance_percent"], has_evaluation=t["has_evaluation"],
        pass_mark=t["pass_mark"], status=status, status_label=lifecycle.REG_LABELS[status],
        can_register=status == lifecycle.REG_OPEN, closed=t["closed_at"] is not None,
    )


def training_admin(t: Mapping, now: datetime, counts: Mapping[str, int] | None = None) -> dict:
    out = training_public(t, now)
    out.update(whatsapp_link=t["whatsapp_link"], quiz_pass_mark=t["quiz_pass_mark"],
               quiz_max_attempts=t["quiz_max_attempts"],
               closed_at=t["closed_at"].isoformat() if t["closed_at"] else None,
               counts={s: (counts or {}).get(s, 0) for s in lifecycle.LABELS})
    return out


def _iso(v) -> str | None:
    return v.isoformat() if v is not None else None


def enrollment_view(e: Mapping, t: Mapping, *, participant_name: str | None = None,
                    business_name: str | None = None, has_testimonial: bool = False,
                    for_admin: bool = False, url=lambda p: p) -> dict:
    eid = str(e["id"])
    show_wa = e["status"] in (lifecycle.CONFIRMED, lifecycle.COMPLETED) or (
        t["mode"] == "online" and e["status"] == lifecycle.VERIFIED)
    out = dict(
        id=eid, training_id=str(t["id"]), training_title=display_title(t), org_id=str(t["org_id"]),
        kind_level=f"{t['kind']} - {t['level']}", mode=t["mode"], start_date=t["start_date"].isoformat(),
        end_date=t["end_date"].isoformat(), date_range_label=f"{dmy(t['start_date'])} - {dmy(t['end_date'])}",
        venue=t["venue"], participant_id=str(e["participant_id"]), participant_name=participant_name,
        business_id=str(e["business_id"]), business_name=business_name, status=e["status"],
        status_label=lifecycle.LABELS[e["status"]], rejection_reason=e["rejection_reason"],
        submitted_at=_iso(e["submitted_at"]), verified_at=_iso(e["verified_at"]),
        waitlisted_at=_iso(e["waitlisted_at"]), confirmed_at=_iso(e["confirmed_at"]),
        cancelled_at=_iso(e["cancelled_at"]), completed_at=_iso(e["completed_at"]),
        attendance_percent=e["attendance_percent"], score=e["score"],
        whatsapp_link=t["whatsapp_link"] if (show_wa or for_admin) else None,
        actions=[] if for_admin else lifecycle.participant_actions(e["status"], t["mode"], has_testimonial),
        confirmation_photo_url=url(f"/enrollments/{eid}/confirmation-photo") if e["confirmed_at"] else None,
    )
    if for_admin:
        out.update(eligibility=e["eligibility"], ticks=e["ticks"])
    return out
