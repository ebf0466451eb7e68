""""Riwayat Perubahan": the audit log of a business in words (labels, Rupiah, choice names)."""
from __future__ import annotations

from gateway.i18n import t
from gateway.web.ukm.form import MONEY_FIELDS, field_labels, format_rupiah

CHOICE_LISTS = {"kind": "kind", "permit_kind": "permit_kind", "position": "position",
                "category": "category", "product_type": "product_type", "legal_form": "legal_form",
                "sector": "sector", "market_segment": "market_segment",
                "distribution_channel": "distribution_channel", "capacity_unit": "capacity_unit",
                "size_class": "size_class"}
ACTIONS = {"registered", "updated", "member_requested", "member_approved", "member_removed"}


def _value(field: str, value: object, labels: dict[str, dict[str, str]]) -> str:
    if value is None or value == "":
        return "-"
    if field in MONEY_FIELDS and isinstance(value, int):
        return format_rupiah(value)
    if field == "member" and isinstance(value, dict):
        position = labels.get("position", {}).get(str(value.get("position")), value.get("position"))
        return str(position or "-")
    if field in CHOICE_LISTS:
        return labels.get(CHOICE_LISTS[field], {}).get(str(value), str(value))
    return str(value)


def describe(items: list, labels: dict[str, dict[str, str]]) -> list[dict]:
    """[{at, actor, action, changes: [(label, old, new)]}] for the template."""
    names = {**field_labels(), "size_class": t("ukm_size_class"), "member": t("ukm_member"),
             "position": t("ukm_f_position")}
    out = []
    for item in items:
        if not isinstance(item, dict):
            continue
        action = item.get("action")
        changes = []
        for field, change in (item.get("changes") or {}).items():
            if not isinstance(change, dict):
                continue
            changes.append((names.get(field, field), _value(field, change.get("old"), labels),
                            _value(field, change.get("new"), labels)))
        actor = item.get("actor_name") or t("ukm_role_" + str(item.get("actor_role")))
        out.append({"at": item.get("at"), "actor": actor, "changes": changes,
                    "action": t("ukm_audit_" + action) if action in ACTIONS else str(action)})
    return out
