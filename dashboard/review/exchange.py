"""Corrections shared between databases and people: a JSON file out, the same file in.

Each correction keeps its uid, so importing a file twice, or a file that holds corrections the
database already has, changes nothing; an undo made elsewhere is carried over. Anchors are
article ids (hashes of the texts): a database built from the same files finds the same
engagements, whatever their ids and row numbers there.
"""

from __future__ import annotations

from typing import Any

from dashboard import store
from dashboard.review.fields import ARTICLE_FIELDS, ENGAGEMENT_FIELDS, REVIEWED, STRUCTURAL, is_area
from dashboard.store import corrections as stored
from dashboard.store.connection import now

FORMAT = "india-japan-dashboard/corrections"
VERSION = 1
KEYS = ("uid", "batch", "target_kind", "target", "anchors", "field", "old", "new", "extra", "by", "at", "note", "undone_at", "undone_by")


def export(db) -> dict:
    items = [{k: r[k] for k in KEYS} for r in reversed(stored.rows(db))]  # oldest first
    return {"format": FORMAT, "version": VERSION, "exported_at": now(), "corrections": items}


def _problem(item: Any) -> str | None:
    if not isinstance(item, dict):
        return "not an object"
    for k in ("uid", "batch", "target_kind", "target", "field", "by", "at"):
        if not isinstance(item.get(k), str) or not item.get(k):
            return f"{k} is missing or not text"
    if not isinstance(item.get("anchors"), list) or not all(isinstance(a, str) for a in item["anchors"]):
        return "anchors must be a list of article ids"
    kind, name = item["target_kind"], item["field"]
    if kind == "engagement" and not (name in ENGAGEMENT_FIELDS or name in STRUCTURAL or name == REVIEWED or is_area(name)):
        return f"an engagement has no field {name!r}"
    if kind == "article" and name not in (*ARTICLE_FIELDS, REVIEWED):
        return f"an article has no field {name!r}"
    if kind not in ("engagement", "article", "knowledge"):
        return f"target_kind {kind!r} is not engagement, article or knowledge"
    if kind == "knowledge" and not isinstance(item.get("new"), dict):
        return "a knowledge addition needs its row in 'new'"
    return None


def import_(db, data: Any) -> dict:
    """Add the corrections of an exported file that this database lacks; returns counts and
    the problems ("correction 3: anchors must be a list of article ids"). A bad item is
    skipped, the others are imported."""
    from dashboard import ingest

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"not a corrections file (its 'format' should be {FORMAT!r})")
    if data.get("version") != VERSION:
        raise ValueError(f"corrections file version {data.get('version')!r}; this program reads version {VERSION}")
    items = data.get("corrections")
    if not isinstance(items, list):
        raise ValueError("the file has no list of corrections")
    problems, fresh, undone, knowledge = [], [], 0, []
    with store.write(db):
        known = stored.known_uids(db)
        for i, item in enumerate(items, 1):
            why = _problem(item)
            if why:
                problems.append(f"correction {i}: {why}")
                continue
            if item["uid"] in known:
                if item.get("undone_at") and not known[item["uid"]]:
                    undone += stored.undo_uid(db, item["uid"], item["undone_at"], item.get("undone_by") or item["by"])
                continue
            fresh.append({**{k: item.get(k) for k in KEYS}, "extra": item.get("extra") or {}})
            if item["target_kind"] == "knowledge" and not item.get("undone_at"):
                knowledge.append(item["new"])
        stored.insert(db, fresh)
        if knowledge:
            from dashboard.review import aliases

            for row in knowledge:
                try:
                    aliases.ensure(row)
                except aliases.AliasError as exc:
                    problems.append(f"spelling {row.get('alias')!r}: {exc}")
        if fresh or undone:
            ingest.regroup(db)
    return {"new": len(fresh), "undone": undone, "known": len(items) - len(fresh) - len(problems), "problems": problems}
