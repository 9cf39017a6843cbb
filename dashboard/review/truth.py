"""Reviewed engagements and articles as a truth set the team did not write.

`scripts/evaluate.py --set reviewed --db FILE` parses every reviewed report again with the
current parser and knowledge, lets the grouping choose each engagement's values from them as it
would, and scores those values against what the reviewers said: corrected fields, and every
field of an engagement marked reviewed. Beside it, the parser that stored the database (the
values the grouping had chosen before any correction), so a parser change shows what it would
have gotten right or wrong on real, reviewed data.
"""

from __future__ import annotations

import json
from collections import defaultdict

from dashboard import grouping, knowledge
from dashboard.review.fields import AREA_PREFIX, REVIEWED, SIDES, is_area
from dashboard.store import corrections as stored

FIELDS = ("relevance", "published", "date", "type", "status", "place", "india", "japan", "areas")


def truths(db) -> tuple[dict[str, dict], dict[str, dict]]:
    """({engagement id: {field: value}}, {article id: {field: value}}), the latest word winning.

    An engagement's truth is keyed by the engagement its anchors find now; its reports are
    India–Japan articles (or, if the reviewer said it is not India–Japan, not)."""
    homes = dict(db.execute("SELECT id, engagement_id FROM articles WHERE engagement_id IS NOT NULL").fetchall())
    eng: dict[str, dict] = defaultdict(dict)
    art: dict[str, dict] = defaultdict(dict)
    rejected_members: dict[str, list[str]] = {}
    for c in stored.active(db):
        if c.target_kind == "article":
            if c.field in ("relevant", "published"):
                art[c.target]["relevance" if c.field == "relevant" else "published"] = c.new
            continue
        if c.target_kind != "engagement":
            continue
        if c.field == "relevant" and c.new is False:
            rejected_members[c.batch] = list(c.extra.get("members") or c.anchors)
            continue
        eid = next((homes[a] for a in c.anchors if a in homes), None)
        if eid is None:
            continue
        t = eng[eid]
        if c.field == REVIEWED:
            snap = dict(c.new or {})
            t.update({k: snap[k] for k in ("date", "type", "status", "place", "india", "japan") if k in snap})
            t["areas"] = set(snap.get("areas") or [])
        elif c.field in ("date", "type", "status", "place", "india", "japan"):
            t[c.field] = c.new
        elif is_area(c.field):
            t.setdefault("_areas", {})[c.field[len(AREA_PREFIX) :]] = bool(c.new)
    for members in rejected_members.values():
        for aid in members:
            art[aid].setdefault("relevance", False)
    for eid in eng:
        for aid, e in homes.items():
            if e == eid:
                art[aid].setdefault("relevance", True)
    return dict(eng), dict(art)


def _grouping_row(aid: str, rec: dict) -> dict:
    eng = rec.get("engagement") if rec.get("india_japan") else None
    ex = rec.get("exercises") or []
    areas = [(a["id"], a["count"]) for a in rec.get("areas") or []]
    return {
        "id": aid,
        "published": rec.get("published"),
        "language": rec.get("language"),
        "engagement": {**{k: eng.get(k) for k in ("date", "end_date", "type", "status", "place", "participants")}, "decisions": None} if eng else None,
        "exercises": [max(ex, key=lambda e: e["mentions"])["name"]] if ex else [],
        "areas": [a for a, _n in areas],
        "area_counts": areas,
    }


def _values(e: dict | None, people: dict[str, str]) -> dict:
    if e is None:
        return {}
    out = {k: e.get(k) for k in ("date", "type", "status", "place")}
    for f, side in SIDES.items():
        out[f] = sorted(n for n in e.get("participants") or [] if people.get(n) == side)
    out["areas"] = set(e.get("areas") or {})
    return out


def _right(field: str, got, want) -> bool:
    if field in SIDES:
        return sorted(got or []) == sorted(want or [])
    return got == want


def score(db) -> dict:
    """Per field: reviewed, right now, right when stored; and every disagreement."""
    from dashboard.review.aliases import parse_again

    kb = knowledge.default()
    people = {n: o.get("country", "") for n, o in kb.organisations.items()} | dict(kb.people)
    eng_truth, art_truth = truths(db)
    tally = {f: [0, 0, 0] for f in FIELDS}  # reviewed, right now, right as stored
    notes: list[str] = []
    parsed_cache: dict[str, dict] = {}

    def parsed(aid: str) -> dict | None:
        if aid not in parsed_cache:
            row = stored.article_for_reparse(db, aid)
            parsed_cache[aid] = parse_again(row, kb)[0] if row else None
        return parsed_cache[aid]

    for aid, t in sorted(art_truth.items()):
        row = stored.article_for_reparse(db, aid)
        rec = parsed(aid)
        if row is None or rec is None:
            continue
        for f, key in (("relevance", "india_japan"), ("published", "published")):
            if f not in t:
                continue
            now_v = bool(rec.get(key)) if f == "relevance" else rec.get(key)
            then_v = bool(row["record"].get(key)) if f == "relevance" else row["record"].get(key)
            _count(tally, notes, f, aid, now_v, then_v, t[f])
    for eid, t in sorted(eng_truth.items()):
        members = stored.members(db, eid)
        recs = [(a, parsed(a)) for a in members]
        rows = [_grouping_row(a, r) for a, r in recs if r is not None]
        got = None
        if rows:
            engs, _links = grouping.group(rows, constrain=lambda parts: [[i for p in parts for i in p]])
            got = engs[0] if engs else None
        now = _values(got, people)
        row = stored.engagement_row(db, eid) or {}
        then = _values({**row, **(row.get("parsed") or {}), "participants": _stored_participants(row, people)}, people)
        want = dict(t)
        if "_areas" in want:
            base = set(want.get("areas", then.get("areas") or set()))
            for area, on in want.pop("_areas").items():
                base = base | {area} if on else base - {area}
            want["areas"] = base
        for f, v in want.items():
            _count(tally, notes, f, eid, now.get(f), then.get(f), v)
    return {"engagements": len(eng_truth), "articles": len(art_truth), "fields": tally, "notes": notes}


def _stored_participants(row: dict, people: dict[str, str]) -> list[str]:
    parsed = row.get("parsed") or {}
    names = list(row.get("participants") or [])
    for f, side in SIDES.items():
        if f in parsed:
            names = [n for n in names if people.get(n) != side] + list(parsed[f])
    return names


def _count(tally, notes, f, key, now_v, then_v, want) -> None:
    if isinstance(want, set) or isinstance(now_v, set):
        ok_now, ok_then = set(now_v or []) == set(want or []), set(then_v or []) == set(want or [])
    else:
        ok_now, ok_then = _right(f, now_v, want), _right(f, then_v, want)
    tally[f][0] += 1
    tally[f][1] += ok_now
    tally[f][2] += ok_then
    if not ok_now or ok_now != ok_then:
        verdict = "now right" if ok_now else ("now wrong" if ok_then else "wrong")
        notes.append(f"{key}: {f}: reviewers say {_w(want)}; the parser now says {_w(now_v)}, stored {_w(then_v)} ({verdict})")


def _w(v) -> str:
    if isinstance(v, set | list | tuple):
        return "[" + ", ".join(sorted(map(str, v))) + "]"
    return json.dumps(v, ensure_ascii=False)


def report(result: dict, details: bool = False) -> str:
    lines = [f"reviewed set: {result['engagements']} engagements, {result['articles']} articles", f"{'field':<12}{'reviewed':>9}{'now right':>14}{'stored right':>15}"]
    for f, (n, now, then) in result["fields"].items():
        if n:
            lines.append(f"{f:<12}{n:>9}{f'{now} ({now / n:.0%})':>14}{f'{then} ({then / n:.0%})':>15}")
    total = sum(v[0] for v in result["fields"].values())
    if not total:
        lines.append("nothing reviewed yet: mark engagements reviewed or correct them (Review page, `python -m dashboard correct`)")
    changed = [n for n in result["notes"] if n.endswith("(now right)") or n.endswith("(now wrong)")]
    if changed:
        lines.append("")
        lines.append("what the current parser changes:")
        lines += ["  " + n for n in changed]
    if details:
        lines.append("")
        lines += [n for n in result["notes"] if n not in changed]
    return "\n".join(lines)
