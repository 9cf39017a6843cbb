"""Saving corrections: one write transaction that checks what the reviewer saw, stores the
corrections and regroups, so the next reader sees every derived table corrected.

Used alike by the pages, the CLI and the import. Nothing here imports Streamlit.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from dashboard import grouping, store
from dashboard.review.fields import (
    ARTICLE_FIELDS,
    REVIEWED,
    SIDES,
    BadValue,
    field_word,
    is_area,
    read_value,
    shown,
)
from dashboard.store import corrections as stored
from dashboard.store.connection import now


class NotFound(LookupError):
    """No engagement or article by that id, now or before any regrouping."""


class Conflict(RuntimeError):
    """The record changed since the reviewer read it: the save is not made, and `changes` says
    what changed (who, which field, old → new), so the reviewer can be asked."""

    def __init__(self, message: str, changes: list[str]):
        super().__init__(message)
        self.changes = changes


@dataclass(frozen=True)
class Seen:
    """What a reviewer's form was built from: the record's revision, and when it was read."""

    revision: str
    at: str


@dataclass
class Saved:
    batch: str | None  # None: nothing differed from what is shown, nothing was stored
    target: str | None  # the engagement's (or article's engagement's) id after regrouping
    fields: list[str] = field(default_factory=list)


# --- finding what a reviewer means ----------------------------------------------------------------


def resolve(db, engagement_id: str) -> str | None:
    """The engagement an id means now, also an id from before a regrouping: it is found through
    the report it was made from, or through the reports a correction anchored it to."""
    if not engagement_id:
        return None
    if db.execute("SELECT 1 FROM engagements WHERE id = ?", [engagement_id]).fetchone():
        return engagement_id
    for (anchors,) in db.execute("SELECT anchors FROM corrections WHERE target_kind = 'engagement' AND target = ? ORDER BY id DESC", [engagement_id]):
        got = _home(db, json.loads(anchors))
        if got:
            return got
    for aid in stored.article_ids(db):
        if grouping.engagement_id(aid) == engagement_id:
            row = db.execute("SELECT engagement_id FROM articles WHERE id = ?", [aid]).fetchone()
            return row[0] if row and row[0] else None
    return None


def _home(db, anchors: list[str]) -> str | None:
    for aid in anchors:
        row = db.execute("SELECT engagement_id FROM articles WHERE id = ?", [aid]).fetchone()
        if row and row[0]:
            return row[0]
    return None


def _sides(db, engagement_id: str) -> dict[str, list[str]]:
    rows = db.execute("SELECT name, country FROM participants WHERE engagement_id = ? ORDER BY name", [engagement_id]).fetchall()
    return {f: [n for n, c in rows if c == country] for f, country in SIDES.items()}


def current(db, engagement_id: str) -> dict | None:
    """An engagement as a reviewer sees it: its values, sides, reports and revision."""
    eid = resolve(db, engagement_id)
    if eid is None:
        return None
    row = stored.engagement_row(db, eid)
    row["members"] = stored.members(db, eid)
    row.update(_sides(db, eid))
    row["revision"] = _revision(row)
    return row


def _revision(row: dict) -> str:
    keys = ("date", "end_date", "type", "status", "place", "participants", "areas", "corrected", "members")
    return hashlib.sha1(json.dumps([row.get(k) for k in keys], sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def _article_revision(row: dict) -> str:
    keys = ("india_japan", "published", "outlet", "engagement_id")
    return hashlib.sha1(json.dumps([row.get(k) for k in keys], ensure_ascii=False).encode()).hexdigest()[:16]


def seen(db, kind: str, target: str) -> Seen | None:
    """What a form shows now, to be handed back on save (conflict detection)."""
    if kind == "engagement":
        row = current(db, target)
        return Seen(row["revision"], now()) if row else None
    row = stored.article_row(db, target)
    return Seen(_article_revision(row), now()) if row else None


def value_of(row: dict, name: str) -> Any:
    """An engagement's shown value of a field."""
    if name in SIDES:
        return row.get(name) or []
    if is_area(name):
        return name.split(":", 1)[1] in (row.get("areas") or {})
    if name == "relevant":
        return True
    return row.get(name)


def _snapshot(row: dict) -> dict:
    return {k: value_of(row, k) for k in ("date", "end_date", "type", "status", "place", "india", "japan")} | {"areas": sorted(row.get("areas") or {})}


# --- saving ---------------------------------------------------------------------------------------


def _by(by: str) -> str:
    by = (by or "").strip()
    if not by:
        raise BadValue("say who is correcting: a name (--by NAME), or sign in")
    return by[:120]


def _conflict(db, members: list[str], target: str, since: str, what: str) -> Conflict:
    changes = []
    for r in reversed(history_rows(db, members, target)):
        # stamps are to the second: one made in the second the form was read counts as after it
        if r["at"] >= since or (r["undone_at"] or "") >= since:
            verb = "undid" if (r["undone_at"] or "") >= since and r["at"] < since else "changed"
            who = r["undone_by"] if verb == "undid" else r["by"]
            changes.append(f"{who} {verb} {field_word(r['field'])}: {shown(r['old'])} → {shown(r['new'])} ({(r['undone_at'] if verb == 'undid' else r['at'])[11:16]} UTC)")
    if not changes:
        changes.append("its reports changed (new articles were ingested or regrouped)")
    return Conflict(f"This {what} changed since you opened it: " + "; ".join(changes), changes)


def correct_engagement(
    db,
    engagement_id: str,
    changes: dict[str, Any],
    by: str,
    note: str = "",
    seen: Seen | None = None,
    evidence: dict[str, str] | None = None,
    evidence_article: str | None = None,
) -> Saved:
    """Correct fields of an engagement (date, end_date, type, status, place, india, japan,
    area:ID, relevant), merge it with another (merge=ID), split reports off it (split=[ids]),
    or mark it reviewed (reviewed=True). With `seen`, refuse with Conflict if it changed since."""
    by = _by(by)
    from dashboard import ingest

    with store.write(db):
        row = current(db, engagement_id)
        if row is None:
            raise NotFound(f"no engagement {engagement_id!r} in this database (nor one that was known by that id)")
        if seen is not None and seen.revision != row["revision"]:
            raise _conflict(db, row["members"], engagement_id, seen.at, "engagement")
        batch, at = uuid.uuid4().hex, now()
        items = []
        for name, value in changes.items():
            extra: dict[str, Any] = {"members": row["members"]}
            if name == "merge":
                other = current(db, str(value))
                if other is None:
                    raise NotFound(f"no engagement {value!r} to merge with")
                if other["id"] == row["id"]:
                    raise BadValue("an engagement cannot be merged with itself")
                old, new = None, {"engagement": other["id"], "anchors": other["members"]}
            elif name == "split":
                off = [a for a in (value if isinstance(value, list | tuple) else str(value).split(",")) if a]
                strangers = [a for a in off if a not in row["members"]]
                if strangers or not off:
                    raise BadValue(f"split: {', '.join(strangers) or 'no report'} is not a report of this engagement")
                if len(off) >= len(row["members"]):
                    raise BadValue("split: leave at least one report in the engagement")
                old, new = None, list(off)
            elif name == REVIEWED:
                old, new = None, _snapshot(row)
            else:
                new = read_value("engagement", name, value)
                old = value_of(row, name)
                if old == new or (isinstance(old, list) and sorted(old) == sorted(new or [])):
                    continue  # what is shown already
                extra["parser"] = (row.get("parsed") or {}).get(name, old)
                if is_area(name) and new and evidence and evidence.get(name):
                    extra["evidence"] = evidence[name].strip()
                    extra["article"] = evidence_article if evidence_article in row["members"] else row["members"][0]
            items.append(_item(batch, "engagement", row["id"], row["members"], name, old, new, extra, by, at, note))
        if not items:
            return Saved(None, row["id"])
        stored.insert(db, items)
        ingest.regroup(db)
        keep = [a for a in row["members"] if a not in set(changes.get("split") or [])]
        return Saved(batch, _home(db, keep), [i["field"] for i in items])


def correct_article(db, article_id: str, changes: dict[str, Any], by: str, note: str = "", seen: Seen | None = None) -> Saved:
    """Correct an article: relevant (true/false), published (a date), outlet (its source),
    engagement (move it: an engagement id, or "new" for one of its own), or reviewed=True."""
    by = _by(by)
    from dashboard import ingest

    with store.write(db):
        row = stored.article_row(db, article_id)
        if row is None:
            raise NotFound(f"no article {article_id!r} in this database")
        if seen is not None and seen.revision != _article_revision(row):
            raise _conflict(db, [article_id], article_id, seen.at, "article")
        batch, at = uuid.uuid4().hex, now()
        items = []
        shown_now = {"relevant": bool(row["india_japan"]), "published": row["published"], "outlet": row["outlet"]}
        for name, value in changes.items():
            name = "outlet" if name == "source" else name
            extra: dict[str, Any] = {"engagement": row["engagement_id"]}
            if name == "engagement":
                if str(value).strip().lower() in ("new", "none", ""):
                    target, anchors = None, []
                else:
                    target = resolve(db, str(value))
                    if target is None:
                        raise NotFound(f"no engagement {value!r} to move the article to")
                    anchors = [a for a in stored.members(db, target) if a != article_id]
                if target is not None and target == row["engagement_id"]:
                    continue
                old, new = row["engagement_id"], {"engagement": target, "anchors": anchors}
            elif name == REVIEWED:
                old, new = None, dict(shown_now)
            elif name in ARTICLE_FIELDS:
                new = read_value("article", name, value)
                old = shown_now[name]
                if old == new:
                    continue
                extra["parser"] = row["parser"][name]
            else:
                raise BadValue(f"an article has no field {name!r}; fields: relevant, published, source, engagement")
            items.append(_item(batch, "article", article_id, [article_id], name, old, new, extra, by, at, note))
        if not items:
            return Saved(None, row["engagement_id"])
        stored.insert(db, items)
        ingest.regroup(db)
        after = db.execute("SELECT engagement_id FROM articles WHERE id = ?", [article_id]).fetchone()
        return Saved(batch, after[0] if after else None, [i["field"] for i in items])


def _item(batch, kind, target, anchors, name, old, new, extra, by, at, note) -> dict:
    return {
        "uid": uuid.uuid4().hex,
        "batch": batch,
        "target_kind": kind,
        "target": target,
        "anchors": list(anchors),
        "field": name,
        "old": old,
        "new": new,
        "extra": extra,
        "by": by,
        "at": at,
        "note": (note or "").strip()[:2000],
    }


def undo(db, by: str, batch: str | None = None, only_mine: bool = False) -> dict | None:
    """Undo a save (all its fields): by default the latest one (the latest of `by` with
    `only_mine`). The corrections stay in the history, marked undone. None: nothing to undo."""
    by = _by(by)
    from dashboard import ingest

    with store.write(db):
        batch = batch or stored.last_batch(db, by if only_mine else None)
        if batch is None:
            return None
        rows = stored.rows(db, "WHERE batch = ? AND undone_at IS NULL", [batch])
        if not rows:
            return None
        stored.undo(db, batch, by)
        ingest.regroup(db)
    return {"batch": batch, "fields": [r["field"] for r in rows], "target": rows[0]["target"], "by": rows[0]["by"], "at": rows[0]["at"]}


# --- reading the record ---------------------------------------------------------------------------


def history_rows(db, members: list[str], target: str | None = None) -> list[dict]:
    """Every correction (undone ones too) that concerns an engagement with these reports,
    newest first: on the engagement, on one of its reports, or a merge or move into it."""
    mine = set(members)
    out = []
    for r in stored.rows(db):
        anchors = set(r["anchors"])
        into = set((r["new"] or {}).get("anchors") or []) if isinstance(r["new"], dict) else set()
        if anchors & mine or into & mine or (target and r["target"] == target):
            out.append(r)
    return out


def history(db, engagement_id: str, hindi: bool = False, name=None) -> list[dict]:
    """The engagement's full history in words (newest first)."""
    row = current(db, engagement_id)
    members = row["members"] if row else []
    return [describe(r, hindi, name) for r in history_rows(db, members, engagement_id)]


def describe(r: dict, hindi: bool = False, name=None) -> dict:
    """One stored correction as the history and the review log show it. The command line (no
    `name`) keeps the ids a script reads back (type: exercise → visit); the pages pass
    `name(engagement id)` to word an engagement, and get types and statuses as labels, in English
    or Hindi, never an id."""
    labelled = name is not None
    from dashboard import labels

    def say(key: str, **values) -> str:
        return labels.t(key, hindi, labels.CHANGES).format(**values)

    def value(v) -> str:
        if isinstance(v, bool):
            return say("yes" if v else "no")
        if labelled and r["field"] == "type" and isinstance(v, str):
            return labels.t(v, hindi, labels.TYPES)
        if labelled and r["field"] == "status" and isinstance(v, str):
            return labels.t(v, hindi, labels.STATUSES)
        if isinstance(v, list) and hindi:
            from dashboard import names

            return ", ".join(names.shown(str(x), True) or str(x) for x in v) or "—"
        return shown(v)

    def eng(eid) -> str:
        return (name(eid) if labelled and eid else None) or str(eid)

    what = field_word(r["field"], hindi)
    if r["field"] == "merge":
        change = say("merged", other=eng((r["new"] or {}).get("engagement")))
    elif r["field"] == "split":
        change = say("split", n=len(r["new"] or []))
    elif r["field"] == "engagement":
        target = (r["new"] or {}).get("engagement")
        change = say("moved", old=eng(r["old"]) if r["old"] else say("none"), new=eng(target) if target else say("own"))
    elif r["field"] == REVIEWED:
        change = say("reviewed")
    elif r["target_kind"] == "knowledge":
        change = say("spelling", alias=shown((r["new"] or {}).get("alias")), name=shown((r["new"] or {}).get("name")))
    else:
        change = f"{what}: {value(r['old'])} → {value(r['new'])}"
    if r["undone_at"]:
        state = say("undone", by=r["undone_by"], day=r["undone_at"][:10])
    else:
        state = say(r["state"]) if r["state"] in ("applied", "waiting", "agrees", "superseded") else (r["state"] or say("applied"))
        if r["state_note"]:
            state += f" ({r['state_note']})"
    return {
        "id": r["id"],
        "batch": r["batch"],
        "at": r["at"],
        "by": r["by"],
        "kind": r["target_kind"],
        "target": r["target"],
        "field": r["field"],
        "change": change,
        "note": r["note"] or "",
        "state": state,
        "undone": bool(r["undone_at"]),
    }


def review_log(db, limit: int = 500, hindi: bool = False, name=None) -> list[dict]:
    return [describe(r, hindi, name) for r in stored.rows(db)[:limit]]
