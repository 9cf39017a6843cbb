"""How sure the parser is of each engagement field, ready to show beside the value.

A value the parser is unsure of (confidence below models.SURE) is marked with a "?",
the way an analyst pencils one in a margin: the number stays visible, the doubt with it. A field
a reviewer corrected carries confidence 1.0 and the correction as its reason (review/apply.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from dashboard.models import DECIDED_FIELDS as FIELDS
from dashboard.models import SURE


def unsure(decisions: Mapping | None, field: str) -> bool:
    """True when the parser said how sure it is of this field and that is below SURE (a field it
    said nothing of is not called unsure: older records have no decisions)."""
    d = (decisions or {}).get(field)
    return bool(d) and (d.get("confidence") or 0.0) < SURE


def marked(text: str | None, decisions: Mapping | None, field: str) -> str | None:
    """'2025-06-19?' for an unsure value; the value as it is otherwise."""
    if text is None or not unsure(decisions, field):
        return text
    return f"{text}?"


def rows(decisions: Mapping | None, values: Mapping[str, str]) -> list[dict]:
    """One row per decided field, in FIELDS order: the value as shown (marked when unsure), how
    sure as a percentage, and the reason in the parser's words."""
    out = []
    for field in FIELDS:
        d = (decisions or {}).get(field)
        if not d:
            continue
        conf = d.get("confidence") or 0.0
        out.append(
            {
                "field": field,
                "value": marked(values.get(field) or "—", decisions, field),
                "sure": f"{conf:.0%}",
                "why": d.get("reason") or "",
                "unsure": conf < SURE,
            }
        )
    return out
