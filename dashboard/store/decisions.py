"""How each engagement field was decided, kept beside the values: per article (from the parser's
record) and per engagement (the decision behind the value the grouping chose)."""

from __future__ import annotations

import json

import sqlite_utils

from dashboard.models import DECIDED_FIELDS, SURE  # noqa: F401  (SURE: the store's callers take it from here)


def article_decisions(rec: dict) -> str | None:
    """The record's decisions as compact JSON {field: [confidence, reason, start, end]}."""
    decisions = (rec.get("engagement") or {}).get("decisions") or {}
    if not decisions:
        return None
    return json.dumps(
        {f: [d.get("confidence"), d.get("reason"), d.get("start", -1), d.get("end", -1)] for f, d in decisions.items() if f in DECIDED_FIELDS},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _m6_decisions(db: sqlite_utils.Database) -> None:
    """Confidences and reasons: per article from its stored record, per engagement at the next
    regrouping (an ingest or `ingest --rebuild` fills them)."""
    db["articles"].add_column("eng_decisions", str)
    db["engagements"].add_column("decisions", str)
    db["engagements"].add_column("date_confidence", float)
    rows = db.execute("SELECT article_id, record FROM records").fetchall()
    updates = [(article_decisions(json.loads(record)), aid) for aid, record in rows]
    db.conn.executemany("UPDATE articles SET eng_decisions = ? WHERE id = ?", updates)
