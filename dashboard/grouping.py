"""Articles about the same real-world meeting become one engagement with N sources, never N meetings.

Pure: article summaries in, engagements and article→engagement links out. Run over all India–Japan
articles after every ingest, so grouping is re-evaluated as new reports arrive.
"""

from __future__ import annotations

import calendar
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

JOIN_AT = 4.0
DAY_SLACK = 2
EXERCISE_SLACK = 30  # reports of one exercise quote its start, its end or the day they were filed
PREVIEW_WINDOW = 60  # a preview may come this many days before the event
REPORT_WINDOW = 10  # an undated report may come this many days after it


def _interval(
    d: str | None, end: str | None, published: str | None
) -> tuple[date, date, str] | None:
    """(first, last, precision) for a date value; precision is day | month | monthday."""
    if not d:
        return None
    try:
        if len(d) == 10 and d.startswith("XXXX"):
            m, dd = int(d[5:7]), int(d[8:10])
            if published:
                y = int(published[:4])
                x = date(y, m, dd)
                return x, x, "monthday"
            return date(2000, m, dd), date(2000, m, dd), "monthday"
        if len(d) == 10:
            first = date.fromisoformat(d)
            last = (
                date.fromisoformat(end)
                if end and len(end) == 10 and not end.startswith("X")
                else first
            )
            return first, max(first, last), "day"
        if len(d) == 7:
            y, m = int(d[:4]), int(d[5:7])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month"
    except ValueError:
        return None
    return None


@dataclass(slots=True)
class Item:
    id: str
    order: int
    type: str
    status: str
    place: str | None
    participants: frozenset[str]
    exercises: frozenset[str]
    interval: tuple[date, date, str] | None
    published: date | None
    language: str
    areas: tuple[str, ...]
    raw: dict


@dataclass
class Cluster:
    """Members plus running tallies, so scoring a candidate does not recount the whole cluster."""

    members: list[Item] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    types: Counter = field(default_factory=Counter)
    people: Counter = field(default_factory=Counter)
    exercises: set = field(default_factory=set)
    places: Counter = field(default_factory=Counter)
    _span: tuple | None = None
    _span_ok: bool = False
    _type: str | None = None

    def add(self, m: Item, score: float | None = None) -> None:
        self.members.append(m)
        if score is not None:
            self.scores.append(score)
        self.types[m.type] += 1
        self.people.update(m.participants)
        self.exercises |= m.exercises
        if m.place:
            self.places[m.place] += 1
        self._span_ok = False
        self._type = None

    @property
    def type(self) -> str:
        if self._type is None:
            self._type = self.types.most_common(1)[0][0]
        return self._type

    def span(self) -> tuple[date, date] | None:
        if self._span_ok:
            return self._span
        days = [m.interval for m in self.members if m.interval and m.interval[2] == "day"]
        if days:
            first = Counter(i[0] for i in days).most_common(1)[0][0]
            last = max(i[1] for i in days if i[0] == first)
            span = (first, last)
        else:
            others = [m.interval for m in self.members if m.interval]
            if others:
                span = (min(i[0] for i in others), max(i[1] for i in others))
            else:
                pubs = [m.published for m in self.members if m.published]
                span = (min(pubs), min(pubs)) if pubs else None
        self._span, self._span_ok = span, True
        return span

    def participants(self) -> Counter:
        return self.people


def _item(i: int, a: dict, frozen: dict | None = None) -> Item | None:
    e = a.get("engagement")
    if not e:
        return None
    pub = None
    if a.get("published"):
        try:
            pub = date.fromisoformat(a["published"][:10])
        except ValueError:
            pub = None
    return Item(
        id=a["id"],
        order=i,
        type=e.get("type") or "other",
        status=e.get("status") or "held",
        place=e.get("place"),
        participants=_frozen(e.get("participants") or (), frozen),
        exercises=_frozen(a.get("exercises") or (), frozen),
        interval=_interval(e.get("date"), e.get("end_date"), a.get("published")),
        published=pub,
        language=a.get("language") or "",
        areas=tuple(a.get("areas") or ()),
        raw=a,
    )


def _frozen(values, memo: dict | None) -> frozenset[str]:
    """One frozenset per distinct set of names: a million articles name a few thousand sets."""
    if memo is None:
        return frozenset(values)
    key = tuple(values)
    got = memo.get(key)
    if got is None:
        got = memo[key] = frozenset(key)
    return got


def link_score(item: Item, c: Cluster, any_type: bool = False) -> float:
    """How sure we are that `item` reports the engagement `c`; below JOIN_AT it is another one.

    With `any_type`, a lone article may join an engagement of another type when date and both
    sides' people agree: a misread type should not make a second meeting.
    """
    if item.type != c.type and not any_type:
        return 0.0
    score = 2.0 if item.type == c.type else 0.0
    span = c.span()
    cx = c.exercises
    same_exercise = bool(item.exercises & cx) and item.type == c.type == "exercise"
    slack = EXERCISE_SLACK if same_exercise else DAY_SLACK
    if item.interval and span:
        lo, hi, prec = item.interval
        if prec == "monthday":
            if not any(
                (
                    m.interval
                    and m.interval[0].month == lo.month
                    and abs(m.interval[0].day - lo.day) <= DAY_SLACK
                )
                for m in c.members
            ):
                return 0.0
            score += 2.0
        elif lo - timedelta(days=slack) <= span[1] and span[0] <= hi + timedelta(days=slack):
            score += 3.0 if prec == "day" else 1.5
        else:
            return 0.0
    elif span and item.published:
        # an undated preview or report: published shortly before or after the event
        if not (
            span[0] - timedelta(days=PREVIEW_WINDOW)
            <= item.published
            <= span[1] + timedelta(days=REPORT_WINDOW)
        ):
            return 0.0
        score += 1.0
    else:
        return 0.0
    cp = set(c.participants())
    if item.participants and cp:
        shared = item.participants & cp
        if shared:
            score += 2.0
        elif not (item.exercises & cx):
            return 0.0
        if any_type and item.type != c.type and len(shared) < 2:
            return 0.0
    elif any_type and item.type != c.type:
        return 0.0
    if item.exercises and cx:
        if not item.exercises & cx:
            return 0.0  # two different named exercises are two engagements
        score += 2.0
    places = c.places
    if item.place and places:
        score += 1.0 if item.place in places else -0.5
    return score


def group(articles: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """(engagements, {article id: engagement id}) from per-article summaries (see store.grouping_input).

    A function of the articles alone, whatever order they come in (not of when each was
    ingested): two builds of one corpus give the same engagements under the same ids."""
    frozen: dict = {}
    articles = sorted(articles, key=_intrinsic_order)
    items = [it for i, a in enumerate(articles) if (it := _item(i, a, frozen)) is not None]
    # the data's own "now": the newest report. Something under way when it was reported and over
    # by then is shown as held (a 2014 visit is not ongoing), without reading today's clock
    horizon = max((d for it in items if (d := it.published or _held_day(it))), default=None)
    # day-precise items first (they anchor clusters), then month-level, year-less, undated
    rank = {"day": 0, "month": 1, "monthday": 2}
    items.sort(
        key=lambda it: (
            rank[it.interval[2]] if it.interval else 3,
            it.interval[0] if it.interval else (it.published or date.max),
            it.order,
        )
    )
    clusters: list[Cluster] = []
    # keyed by day number: date arithmetic and hashing per candidate day was a tenth of the time
    by_type_day: dict[tuple[str, int], list[int]] = defaultdict(list)
    by_type: dict[str, list[int]] = defaultdict(list)
    for it in items:
        if it.interval and it.interval[2] == "day":
            cands = set()
            day = it.interval[0].toordinal()
            for k in range(-DAY_SLACK - 1, DAY_SLACK + 2):
                near = by_type_day.get((it.type, day + k))
                if near:
                    cands.update(near)
            if not cands:
                cands = {ci for ci in by_type.get(it.type, ())[-50:]}
        else:
            cands = set(by_type.get(it.type, ()))
        best, best_score = None, 0.0
        for ci in cands:
            s = link_score(it, clusters[ci])
            if s > best_score:
                best, best_score = ci, s
        if best is not None and best_score >= JOIN_AT:
            clusters[best].add(it, best_score)
            ci = best
        else:
            clusters.append(Cluster())
            clusters[-1].add(it)
            ci = len(clusters) - 1
            by_type[it.type].append(ci)
        if it.interval and it.interval[2] == "day":
            by_type_day[(it.type, it.interval[0].toordinal())].append(ci)
    # second pass: a lone article whose type was misread joins a same-day engagement of both sides
    by_day: dict[date, list[int]] = defaultdict(list)
    for ci, c in enumerate(clusters):
        span = c.span()
        if len(c.members) >= 2 and span:
            by_day[span[0]].append(ci)
    for ci, c in enumerate(clusters):
        if len(c.members) != 1 or c.members[0].interval is None:
            continue
        it = c.members[0]
        best, best_score = None, 0.0
        near = set()
        for k in range(-DAY_SLACK, DAY_SLACK + 1):
            near.update(by_day.get(it.interval[0] + timedelta(days=k), ()))
        for cj in near:
            other = clusters[cj]
            if cj == ci or len(other.members) < 2:
                continue
            sc = link_score(it, other, any_type=True)
            if sc > best_score:
                best, best_score = cj, sc
        if best is not None and best_score >= JOIN_AT:
            clusters[best].add(it, best_score)
            c.members = []
    clusters = [c for c in clusters if c.members]
    engagements, links = [], {}
    for c in clusters:
        e = summarise(c, horizon)
        engagements.append(e)
        for m in c.members:
            links[m.id] = e["id"]
    engagements.sort(key=lambda e: (e["sort_date"] or "9999", e["id"]))
    return engagements, links


def _intrinsic_order(a: dict) -> tuple[str, str]:
    """Earliest published first, then by article id (a hash of the text)."""
    return (a.get("published") or "~", a["id"])


def engagement_id(article_id: str) -> str:
    """An engagement's id is anchored to a report, its earliest member article: whoever holds an
    old id can find the engagement again after a regrouping by the article it names."""
    return "e" + hashlib.sha1(article_id.encode()).hexdigest()[:11]


def summarise(c: Cluster, horizon: date | None = None) -> dict:
    founder = min(c.members, key=lambda m: m.order)
    eid = engagement_id(founder.id)
    dates = [m.raw["engagement"].get("date") for m in c.members if m.raw["engagement"].get("date")]
    full = [d for d in dates if len(d) == 10 and not d.startswith("X")]
    value = Counter(full or dates).most_common(1)[0][0] if dates else None
    if full:
        tied = Counter(full).most_common()
        top = tied[0][1]
        value = min(d for d, n in tied if n == top)
    ends = [
        m.raw["engagement"].get("end_date")
        for m in c.members
        if m.raw["engagement"].get("end_date")
    ]
    end = max(ends) if ends and value and len(value) == 10 else None
    if value and len(value) == 10 and not value.startswith("X"):
        sort_date = value
    elif value and len(value) == 7:
        sort_date = value + "-01"
    else:
        pubs = sorted(m.published for m in c.members if m.published)
        sort_date = pubs[0].isoformat() if pubs else None
    statuses = {m.status for m in c.members}
    status = "held" if "held" in statuses else ("ongoing" if "ongoing" in statuses else "planned")
    over = None
    if status == "ongoing" and horizon is not None and value and len(value) == 10 and not value.startswith("X"):
        last_day = date.fromisoformat(end) if end else date.fromisoformat(value) + timedelta(days=_ONGOING_AT_MOST)
        if last_day < horizon:
            status, over = "held", last_day
    places = Counter(m.place for m in c.members if m.place)
    pc = c.participants()
    need = max(1, -(-len(c.members) // 3))
    participants = sorted(n for n, k in pc.items() if k >= need)
    areas = Counter(a for m in c.members for a in m.areas)
    place = places.most_common(1)[0][0] if places else None
    chosen = {"date": value, "type": c.type, "status": status, "place": place, "participants": participants}
    return {
        "id": eid,
        "date": value,
        "end_date": end,
        "sort_date": sort_date,
        "type": c.type,
        "status": status,
        "place": place,
        "participants": participants,
        "decisions": _decisions(c, chosen, over, horizon),
        "areas": dict(sorted(areas.items(), key=lambda kv: (-kv[1], kv[0]))),
        "languages": sorted({m.language for m in c.members if m.language}),
        "n_articles": len(c.members),
        "confidence": round(min(1.0, (sum(c.scores) / len(c.scores)) / 9.0), 2)
        if c.scores
        else 0.5,
    }


def _held_day(it: Item) -> date | None:
    """An undated report's own day: the day of the engagement it says was held."""
    if it.status == "held" and it.interval and it.interval[2] == "day":
        return it.interval[0]
    return None


_ONGOING_AT_MOST = 30  # days an exercise or visit of unknown length is taken to last at most


def _decisions(c: Cluster, chosen: dict, over: date | None = None, horizon: date | None = None) -> dict:
    """Per field, the surest member decision behind the value chosen ({confidence, reason, article,
    start, end}): the Timeline shows why, and which report said so. A field no member decided, or
    whose value no member holds (participants pooled from several), gets none."""
    out: dict = {}
    parsed = []
    for m in c.members:
        raw = m.raw["engagement"].get("decisions")
        if raw:
            parsed.append((m, json.loads(raw) if isinstance(raw, str) else raw))
    for name, value in chosen.items():
        best = None
        for m, dec in parsed:
            d = dec.get(name)
            mine = m.raw["engagement"].get(name)
            if not d or (set(mine or []) != set(value or []) if name == "participants" else mine != value):
                continue
            conf, reason, start, end = (list(d) + [-1, -1])[:4]
            if best is None or (conf or 0.0) > best["confidence"]:
                best = {"confidence": conf or 0.0, "reason": reason or "", "article": m.id, "start": start, "end": end}
        if best is not None:
            agree = sum(1 for m, _d in parsed if m.raw["engagement"].get(name) == value)
            if agree >= 2 and name != "participants":
                # several reports agree on it: surer than any one of them
                best["confidence"] = round(min(0.95, best["confidence"] + 0.05 * (agree - 1)), 2)
            out[name] = best
    if over is not None:
        out["status"] = {
            "confidence": 0.8,
            "reason": f"under way when reported; over by {over.isoformat()}, before the newest report ({horizon.isoformat()})",
            "article": None,
            "start": -1,
            "end": -1,
        }
    return out
