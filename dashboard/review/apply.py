"""Corrections applied to the grouping: pure, so every regrouping applies them the same way.

The parser and the grouping run as if nobody had corrected anything; corrections then act on
what they produce, in the order they were made, each finding its engagement through its anchor
reports (article ids, hashes of the texts) rather than through an engagement id or a row
number. Merges, splits and moves are constraints on which reports form an engagement
(`constrainer`); field corrections override the values the grouping chose (`apply_fields`).
Every correction gets a state for the review log: applied, waiting (none of its reports is
stored), agrees (the parser now says the same by itself) or superseded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from dashboard.review.fields import (
    AREA_PREFIX,
    REVIEWED,
    SIDES,
    STRUCTURAL,
    Correction,
    is_area,
    mark,
)

APPLIED, WAITING, AGREES, SUPERSEDED = "applied", "waiting", "agrees", "superseded"
DECISION_FIELD = {"date": "date", "end_date": "date", "type": "type", "status": "status", "place": "place", "india": "participants", "japan": "participants"}


class Log:
    """Each correction's state after a regrouping: {correction id: (state, words)}."""

    def __init__(self) -> None:
        self.states: dict[int, tuple[str, str]] = {}

    def set(self, c: Correction, state: str, note: str = "") -> None:
        self.states[c.id] = (state, note)


def is_move(c: Correction) -> bool:
    return c.target_kind == "article" and c.field == "engagement"


def is_structural(c: Correction) -> bool:
    return (c.target_kind == "engagement" and c.field in STRUCTURAL) or is_move(c)


def _home(anchors: Iterable[str], where: dict[str, Any]):
    """Where the first of these reports now is: the engagement an anchored correction means."""
    for a in anchors:
        got = where.get(a)
        if got is not None:
            return got
    return None


def _missing(c: Correction) -> str:
    n = len(c.anchors)
    return "none of its reports is in the database now" if n > 1 else f"its report {c.anchors[0] if c.anchors else '?'} is not in the database now"


def constrainer(corrections: list[Correction], log: Log) -> Callable[[list[list[str]]], list[list[str]]] | None:
    """The grouping's constraint from merges, splits and moves, or None when there are none.

    It takes the grouping's partition of article ids and returns the partition the reviewers
    asked for: a split stays split however the reports would group by themselves."""
    structural = [c for c in corrections if is_structural(c)]
    if not structural:
        return None

    def constrain(parts: list[list[str]]) -> list[list[str]]:
        groups: list[dict[str, None]] = [dict.fromkeys(p) for p in parts]
        where = {aid: i for i, g in enumerate(groups) for aid in g}
        first = dict(where)  # as the grouping made it, to tell whether it now agrees

        def move(aid: str, to: int) -> None:
            del groups[where[aid]][aid]
            groups[to][aid] = None
            where[aid] = to

        def new_group() -> int:
            groups.append({})
            return len(groups) - 1

        for c in structural:
            if c.field == "merge":
                other = list((c.new or {}).get("anchors") or [])
                ga, gb = _home(c.anchors, where), _home(other, where)
                if ga is None or gb is None:
                    log.set(c, WAITING, "one of the two engagements has none of its reports in the database now")
                elif ga == gb:
                    together = _home(c.anchors, first) == _home(other, first)
                    log.set(c, AGREES if together else APPLIED, "the grouping now puts them together by itself" if together else "")
                else:
                    for aid in list(groups[gb]):
                        move(aid, ga)
                    log.set(c, APPLIED)
            elif c.field == "split":
                off = [a for a in (c.new or []) if a]
                keep = [a for a in c.anchors if a not in set(off)]
                gk = _home(keep, where)
                present = [a for a in off if a in where]
                if gk is None or not present:
                    log.set(c, WAITING, "the reports it separates are not both in the database now")
                    continue
                inside = [a for a in present if where[a] == gk]
                if not inside:
                    apart = all(first.get(a) != _home(keep, first) for a in present)
                    log.set(c, AGREES if apart else APPLIED, "the grouping now keeps them apart by itself" if apart else "")
                    continue
                to = new_group()
                for aid in inside:
                    move(aid, to)
                log.set(c, APPLIED)
            else:  # an article moved to another engagement, or to one of its own
                aid = c.anchors[0] if c.anchors else None
                target = [a for a in ((c.new or {}).get("anchors") or []) if a != aid]
                if aid not in where:
                    log.set(c, WAITING, _missing(c))
                    continue
                if not target:
                    alone = len(groups[where[aid]]) == 1
                    if not alone:
                        move(aid, new_group())
                    log.set(c, APPLIED)
                    continue
                gt = _home(target, where)
                if gt is None:
                    log.set(c, WAITING, "the engagement it was moved to has none of its reports in the database now")
                elif gt == where[aid]:
                    agrees = first.get(aid) == _home(target, first)
                    log.set(c, AGREES if agrees else APPLIED, "the grouping now puts it there by itself" if agrees else "")
                else:
                    move(aid, gt)
                    log.set(c, APPLIED)
        return [list(g) for g in groups if g]

    return constrain


def adjust_input(articles: list[dict], corrections: list[Correction]) -> list[dict]:
    """An article a reviewer marked relevant that the parser found no engagement in gets one of
    type 'other' on its publication day, for the reviewer to complete."""
    wanted = {c.anchors[0] for c in corrections if c.target_kind == "article" and c.field == "relevant" and c.new is True and c.anchors}
    if not wanted:
        return articles
    out = []
    for a in articles:
        if a["id"] in wanted and not a.get("engagement"):
            pub = a.get("published") or None
            a = {
                **a,
                "engagement": {
                    "date": pub[:10] if pub and len(pub) >= 10 else None,
                    "end_date": None,
                    "type": "other",
                    "status": "held",
                    "place": None,
                    "participants": [],
                    "decisions": None,
                },
            }
        out.append(a)
    return out


def _sort_date(value: str | None, current: str | None) -> str | None:
    if value and len(value) == 10 and not value.startswith("X"):
        return value
    if value and len(value) == 7:
        return value + "-01"
    return current


def _value(e: dict, name: str, country_of: Callable[[str], str | None]):
    """The engagement's current value of a correctable field."""
    if name in SIDES:
        return sorted(n for n in e["participants"] if country_of(n) == SIDES[name])
    if is_area(name):
        return name[len(AREA_PREFIX) :] in (e.get("areas") or {})
    if name == "relevant":
        return True
    return e.get(name)


def _same(a, b) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return sorted(a or []) == sorted(b or [])
    return a == b


def apply_fields(
    engagements: list[dict],
    links: dict[str, str],
    corrections: list[Correction],
    people: dict[str, str],
    log: Log,
) -> tuple[list[dict], dict[str, str], dict[tuple[str, str], Correction | None]]:
    """Field corrections over the grouping's engagements, in the order they were made.

    Returns (engagements, links, area changes {(engagement id, area): the correction adding
    it, or None when removed}). Each corrected engagement gets `corrected` {field: who, when,
    note} and `parsed` {field: the value the parser and grouping chose}; names a reviewer typed
    join `people` with their side's country. Engagements marked "not India–Japan" are left out."""
    by_id = {e["id"]: e for e in engagements}
    rejected: set[str] = set()
    areas: dict[tuple[str, str], Correction | None] = {}
    owner: dict[tuple[str, str], Correction] = {}

    def country_of(name: str) -> str | None:
        return people.get(name)

    for c in corrections:
        if is_structural(c):
            if log.states.get(c.id, (APPLIED,))[0] in (APPLIED, AGREES):
                # marked on the engagement it formed; a move on the engagement it joined
                anchors = c.anchors if c.field != "split" else list(c.new or [])
                eid = _home(anchors, links)
                if eid is not None:
                    key = "reports" if is_move(c) else c.field
                    by_id[eid].setdefault("corrected", {})[key] = _info(c)
            continue
        if c.target_kind != "engagement":
            continue
        eid = _home(c.anchors, links)
        if eid is None:
            log.set(c, WAITING, _missing(c))
            continue
        e = by_id[eid]
        if c.field == REVIEWED:
            log.set(c, APPLIED)
            continue
        now = _value(e, c.field, country_of)
        parsed = e.setdefault("parsed", {})
        base = parsed.setdefault(c.field, now)
        before = owner.get((eid, c.field))
        if before is not None:
            log.set(before, SUPERSEDED, f"changed again by {c.by} on {c.day}")
        owner[(eid, c.field)] = c
        then = c.extra.get("parser", "?")
        if _same(base, c.new) and then != "?" and not _same(then, c.new):
            log.set(c, AGREES, f"the parser now reads {_words(c.new)} by itself")
        else:
            log.set(c, APPLIED)
        _set(e, c, country_of, people, areas, rejected)
        e.setdefault("corrected", {})[c.field] = _info(c)
        decided = DECISION_FIELD.get(c.field)
        if decided:
            e.setdefault("decisions", {})[decided] = {"confidence": 1.0, "reason": mark(_info(c)), "article": None, "start": -1, "end": -1}
    if rejected:
        engagements = [e for e in engagements if e["id"] not in rejected]
        links = {a: eid for a, eid in links.items() if eid not in rejected}
    engagements.sort(key=lambda e: (e["sort_date"] or "9999", e["id"]))
    return engagements, links, areas


def _set(e: dict, c: Correction, country_of, people: dict[str, str], areas: dict, rejected: set[str]) -> None:
    f, v = c.field, c.new
    if f == "date":
        e["date"] = v
        e["sort_date"] = _sort_date(v, e.get("sort_date"))
        end = e.get("end_date")
        if end and (len(v) != 10 or end < v) and "end_date" not in e.get("corrected", {}):
            e["end_date"] = None
    elif f == "end_date":
        e["end_date"] = v
    elif f in ("type", "status", "place"):
        e[f] = v
    elif f in SIDES:
        side = SIDES[f]
        for name in v:
            people.setdefault(name, side)
        e["participants"] = sorted({n for n in e["participants"] if country_of(n) != side} | set(v))
    elif is_area(f):
        area = f[len(AREA_PREFIX) :]
        tally = e.setdefault("areas", {})
        if v:
            tally[area] = tally.get(area) or 1
            areas[(e["id"], area)] = c
        else:
            tally.pop(area, None)
            areas[(e["id"], area)] = None
    elif f == "relevant":
        if v is False:
            rejected.add(e["id"])


def _info(c: Correction) -> dict:
    return {"by": c.by, "at": c.at, "note": c.note, "batch": c.batch}


def _words(v) -> str:
    if isinstance(v, list):
        return ", ".join(v) or "nobody"
    if isinstance(v, bool):
        return "yes" if v else "no"
    return str(v)


def patch_area_rows(rows: list[tuple], engagements: list[dict], changes: dict[tuple[str, str], Correction | None]) -> list[tuple]:
    """engagement_areas rows (engagement, area, mentions, articles, sort date) with the areas
    reviewers added or removed: the heatmap counts what the reviewers say."""
    if not changes:
        return rows
    sort_date = {e["id"]: e["sort_date"] for e in engagements}
    removed = {key for key, c in changes.items() if c is None}
    out = [r for r in rows if (r[0], r[1]) not in removed]
    have = {(r[0], r[1]) for r in out}
    for (eid, area), c in changes.items():
        if c is not None and (eid, area) not in have and eid in sort_date:
            out.append((eid, area, 1, 1, sort_date[eid]))
    return out
