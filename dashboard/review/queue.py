"""The review queue: what most needs a human, worst first.

1. engagements with a field the parser is unsure of (confidence below SURE), least sure first;
2. engagements whose reports disagree on date, place or type, most disagreement first;
3. articles counted as India–Japan on few cues, fewest first;
4. engagements told by a single report, newest first.

An item is listed once, at its worst reason, with all its reasons. A reviewed item (marked
reviewed, or corrected) leaves the queue until new reports arrive for it. `build` is pure;
`load` reads what it needs from the store.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from dashboard.review.fields import Correction
from dashboard.store import corrections as stored
from dashboard.store.decisions import SURE

FEW_CUES = 6.0  # relevance score of an article: below it, India–Japan rests on few cues
TIERS = ("unsure", "disagree", "few_cues", "single")
TIER_WORDS = {
    "unsure": "the parser is unsure of a field",
    "disagree": "its reports disagree",
    "few_cues": "India–Japan on few cues",
    "single": "a single report",
}


@dataclass
class Item:
    kind: str  # engagement | article
    id: str
    tier: str
    rank: tuple
    label: str
    reasons: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)  # the fields to look at first
    facts: dict = field(default_factory=dict)  # date, type, place of an engagement; title of an article
    why: list[tuple[str, dict]] = field(default_factory=list)  # the reasons as (kind, values), for the page's words (labels.REASONS)


def _label(e: dict) -> str:
    return f"{e.get('date') or e.get('sort_date') or 'undated'} · {e.get('type') or ''} · {e.get('place') or 'place not stated'}"


def build(engagements: list[dict], members: list[dict], weak_articles: list[dict], reviewed_e: set[str], reviewed_a: set[str]) -> tuple[list[Item], int]:
    """(open items worst first, how many candidates are reviewed already)."""
    values: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for m in members:
        for f, col in (("date", "eng_date"), ("place", "eng_place"), ("type", "eng_type")):
            if m.get(col):
                values[m["engagement_id"]][f].add(m[col])
    items: list[Item] = []
    done = 0
    for e in engagements:
        corrected = e.get("corrected") or {}
        unsure = sorted(
            ((d.get("confidence") or 0.0, f) for f, d in (e.get("decisions") or {}).items() if f not in corrected and (d.get("confidence") or 0.0) < SURE),
        )
        split = {f: vs for f, vs in values.get(e["id"], {}).items() if len(vs) > 1 and f not in corrected}
        reasons, tiers, fields, why = [], [], [], []
        if unsure:
            tiers.append(("unsure", (unsure[0][0],)))
            reasons += [f"{f} {conf:.0%} sure" for conf, f in unsure]
            why += [("unsure", {"field": f, "sure": conf}) for conf, f in unsure]
            fields += [f for _c, f in unsure]
        if split:
            tiers.append(("disagree", (-len(split), -sum(len(v) for v in split.values()))))
            reasons += [f"reports say {f}: {', '.join(sorted(map(str, vs)))}" for f, vs in sorted(split.items())]
            why += [("disagree", {"field": f, "values": sorted(map(str, vs))}) for f, vs in sorted(split.items())]
            fields += [f for f in sorted(split) if f not in fields]
        if (e.get("n_articles") or 0) == 1:
            tiers.append(("single", (_newest_first(e.get("sort_date")),)))
            reasons.append("a single report")
            why.append(("single", {}))
        if not tiers:
            continue
        if e["id"] in reviewed_e:
            done += 1
            continue
        tier, rank = min(tiers, key=lambda t: TIERS.index(t[0]))
        facts = {"date": e.get("date") or e.get("sort_date"), "type": e.get("type"), "place": e.get("place")}
        items.append(Item("engagement", e["id"], tier, (TIERS.index(tier), *rank, e["id"]), _label(e), reasons, fields, facts, why))
    for a in weak_articles:
        if a["id"] in reviewed_a:
            done += 1
            continue
        items.append(
            Item(
                "article",
                a["id"],
                "few_cues",
                (TIERS.index("few_cues"), a.get("relevance") or 0.0, a["id"]),
                a.get("title") or a["id"],
                [f"India–Japan on few cues (score {a.get('relevance') or 0:.1f})"],
                ["relevant"],
                {"title": a.get("title")},
                [("few_cues", {"score": a.get("relevance") or 0.0})],
            )
        )
    items.sort(key=lambda it: it.rank)
    return items, done


def _newest_first(sort_date: str | None) -> str:
    """A key that sorts newer dates first (and undated last)."""
    if not sort_date:
        return "~"
    return "".join(chr(ord("9") - int(ch) + ord("0")) if ch.isdigit() else ch for ch in sort_date)


def reviewed(corrections: list[Correction], homes: dict[str, str], members_of: dict[str, set[str]]) -> tuple[set[str], set[str]]:
    """(engagement ids, article ids) a reviewer has looked at since their last new report.

    An engagement counts as reviewed when a correction made on it (or a reviewed mark) still
    finds it, and it has no report that it lacked then."""
    engs, arts = set(), set()

    def home(anchors) -> str | None:
        return next((homes[a] for a in anchors if a in homes), None)

    for c in corrections:
        if c.target_kind == "article":
            arts.add(c.target)
            continue
        if c.target_kind != "engagement":
            continue
        then = set(c.extra.get("members") or c.anchors)
        if c.field == "merge":
            then |= set((c.new or {}).get("anchors") or [])
        if c.field == "split":  # both parts were looked at
            off = set(c.new or [])
            candidates = [home([a for a in c.anchors if a not in off]), home(c.new or [])]
        else:
            candidates = [home(c.anchors)]
        for eid in candidates:
            if eid is not None and members_of.get(eid, set()) <= then:
                engs.add(eid)
    return engs, arts


def load(db, limit: int | None = None) -> tuple[list[Item], int]:
    """The queue over the whole database: (open items worst first, reviewed count)."""
    engagements, members, weak = stored.queue_inputs(db, FEW_CUES)
    homes = {m["id"]: m["engagement_id"] for m in members}
    members_of: dict[str, set[str]] = defaultdict(set)
    for m in members:
        members_of[m["engagement_id"]].add(m["id"])
    engs, arts = reviewed(stored.active(db), homes, members_of)
    items, done = build(engagements, members, weak, engs, arts)
    return (items[:limit] if limit else items), done
