"""Is India–Japan the subject, and if so which engagement: its type, status, date, place, participants.

Every decision is a small score over evidence found elsewhere (cues, people and their roles,
places, dates); the title and the lead sentences weigh most, because that is where news says
what the story is about.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from dashboard.models import DateMention, Engagement
from dashboard.parse import scripts as _scripts
from dashboard.parse.dates import RawDate, find_dates, resolve, said_in_past, tense
from dashboard.parse.matcher import Hit

LEAD_SENTENCES = 2
_LEAD_KINDS = ("country", "person", "role", "cue_type", "exercise", "dialogue")
_LEAD_SKIP_MAX = 4
_BILATERAL_EXERCISE = "bilateral_exercise"
_PLACE_WEIGHT = {
    "venue": 3.0,
    "base": 3.0,
    "water": 2.0,
    "city": 1.5,
    "region": 0.8,
    "country": 0.0,
}


@dataclass
class Context:
    body: str
    title: str
    sentences: list[tuple[int, int]]
    hits: list[Hit]  # body hits
    title_hits: list[Hit]
    people: list  # PersonHit
    kb: object
    published: date | None
    dateline_place: str | None
    label_hits: list = field(default_factory=list)  # hits in the header's section labels

    def __post_init__(self) -> None:
        self._ends = [e for _, e in self.sentences]
        self._last = max(len(self.sentences) - 1, 0)
        self._lead_tense: str | None = None
        self.other_events: set[Hit] = set()  # type cues about another engagement (set by _type_scores)
        self._first_said_past: bool | None = None
        self._title_clauses: dict[tuple[int, int], bool] = {}
        self._title_breaks: list[int] | None = None
        self._planned_sentences: set[int] | None = None
        # the lead starts at the first sentence that names a side, a person or an engagement: a
        # bulletin's "नमस्कार, आप देख रहे हैं…" or a live blog's timestamp lines come before it
        self.lead_start = 0
        for h in self.hits:
            if h.kind in _LEAD_KINDS:
                self.lead_start = min(self.sentence_of(h.start), _LEAD_SKIP_MAX)
                break

    def sentence_of(self, pos: int) -> int:
        i = bisect_right(self._ends, pos)
        return i if i < self._last else self._last

    def in_lead(self, pos: int) -> bool:
        return self.is_lead(self.sentence_of(pos))

    def is_lead(self, si: int) -> bool:
        return 0 <= si - self.lead_start < LEAD_SENTENCES

    @property
    def first(self) -> str:
        """The lead's first sentence: where a report says what happened."""
        if not self.sentences:
            return self.body
        s, e = self.sentences[self.lead_start]
        return self.body[s:e]


def _country_of_org(kb, name: str) -> str:
    return kb.organisations.get(name, {}).get("country", "")


def country_strength(ctx: Context) -> dict[str, float]:
    kb = ctx.kb
    s: dict[str, float] = defaultdict(float)
    body_counts: dict[str, int] = defaultdict(int)
    for h in ctx.title_hits:
        if h.kind == "country":
            s[h.value] += 3.0
    title_countries = {h.value for h in ctx.title_hits if h.kind == "country"}
    for h in ctx.title_hits:
        if h.kind == "person" and h.flag != "context":
            c = kb.people.get(h.value, "")
            if c and c not in title_countries:
                s[c] += 3.0
                title_countries.add(c)
    for h in ctx.hits:
        if h.kind == "country":
            body_counts[h.value] += 1
            if ctx.in_lead(h.start):
                s[h.value] += 1.0
        elif h.kind == "organisation":
            c = _country_of_org(kb, h.value)
            if c:
                s[c] += 0.5
                if ctx.in_lead(h.start):
                    s[c] += 1.0
    for c, n in body_counts.items():
        s[c] += min(n, 12) * 0.5
    seen_people = set()
    for p in ctx.people:
        c = kb.people.get(p.name, "")
        if not c:
            continue
        if p.name not in seen_people:
            s[c] += 2.0
            seen_people.add(p.name)
        if ctx.in_lead(p.start):
            s[c] += 1.0
    for h in ctx.hits + [h for h in ctx.title_hits if h.kind == "exercise"] * 2:
        if h.kind == "exercise":
            ex = kb.exercises.get(h.value, {})
            third_host = ex.get("host") and ex.get("host") not in ("India", "Japan")
            if ex.get("japan_force") and ex.get("india_force") and not third_host:
                w = 1.0 if ex.get("multilateral", "").lower() == "yes" else 2.5
                s["Japan"] += w
                s["India"] += w
            elif third_host:
                s[ex["host"]] += 2.5  # Pitch Black, RIMPAC: the host's exercise, whoever else flies in it
            elif ex.get("india_force"):
                s["India"] += 0.5
                s["_other_exercise"] += 2.5
    return dict(s)


def _cues(ctx: Context, kind: str) -> list[Hit]:
    return [h for h in ctx.hits if h.kind == kind]


def is_india_japan(ctx: Context, strength: dict[str, float]) -> tuple[bool, float, list[str]]:
    reasons: list[str] = []
    india, japan = strength.get("India", 0.0), strength.get("Japan", 0.0)
    others = {c: v for c, v in strength.items() if c not in ("India", "Japan")}
    top_other = max(others.values(), default=0.0)
    score = min(india, japan) - 0.6 * top_other
    if japan < 3.5:
        reasons.append("Japan is mentioned only in passing")
        return False, score, reasons
    if india < 3.0:
        reasons.append("India is not a party")
        return False, score, reasons
    if top_other > 0 and japan < 0.6 * top_other:
        reasons.append(f"the story is about {max(others, key=others.get)}")
        return False, score, reasons
    if top_other > 0 and india < 0.5 * top_other:
        reasons.append("India is not the other party")
        return False, score, reasons
    if _defence_evidence(ctx) < 2:
        # India beat Japan at cricket; the embassy's earthquake helpline; the economy rankings
        reasons.append("nothing in it is about defence or security")
        return False, score, reasons
    multilateral_lead = any(h.kind == "cue_multilateral" for h in ctx.title_hits) or any(
        h.kind == "cue_multilateral" and ctx.in_lead(h.start) for h in ctx.hits
    )
    if multilateral_lead and not _core_exercise(ctx) and not _bilateral_pair(ctx):
        reasons.append("a multilateral gathering with no India–Japan meeting of its own")
        return False, score, reasons
    return True, score, reasons


_FORCES = ("force", "armed_forces")
_BROAD_AREAS = ("strategic_partnership", "economic_security")  # also said of trade and diplomacy


def _defence_evidence(ctx: Context) -> int:
    """How much of the text is about defence: named exercises and dialogues, people in defence,
    foreign-policy or military roles, armed forces, cooperation areas, engagement words."""
    kb = ctx.kb
    hits = ctx.hits + ctx.title_hits
    score = (
        2 * any(h.kind == "exercise" for h in hits)
        + 2 * any(h.kind == "dialogue" for h in hits)
        + min(2, sum(h.kind == "organisation" and kb.organisations.get(h.value, {}).get("kind") in _FORCES for h in hits))
        + min(3, sum(h.kind == "area" and h.value not in _BROAD_AREAS for h in hits))
        + min(2, sum(h.kind == "cue_type" and h.value != "meeting" for h in hits))
    )
    if score < 2 and any((t := kb.role_on(p.name, ctx.published)) and t.role_key != "prime_minister" for p in ctx.people):
        score += 2
    return score


def _core_exercise(ctx: Context) -> bool:
    """An exercise India and Japan both field forces in, hosted by one of them or rotating (Malabar)."""
    for h in ctx.title_hits + ctx.hits:
        if h.kind == "exercise":
            ex = ctx.kb.exercises.get(h.value, {})
            if ex.get("japan_force") and ex.get("india_force") and ex.get("host", "") in ("", "India", "Japan"):
                return True
    return False


def _bilateral_pair(ctx: Context) -> bool:
    """A sentence (or the title) where India's and Japan's people meet, and nobody else does."""
    kb = ctx.kb
    meet = {"meeting", "bilateral_ministerial", "sidelines_multilateral", "phone_call", "summit", "two_plus_two", "visit", "agreement"}
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for p in ctx.people:
        by_sentence[ctx.sentence_of(p.start)].add(kb.people.get(p.name, ""))
    cue_sentences = {ctx.sentence_of(h.start) for h in ctx.hits if h.kind == "cue_type" and h.value in meet}
    for si, countries in by_sentence.items():
        if {"India", "Japan"} <= countries and countries <= {"India", "Japan"} and si in cue_sentences:
            return True
    title_people = {kb.people.get(h.value, "") for h in ctx.title_hits if h.kind == "person"}
    title_meet = any(h.kind == "cue_type" and h.value in meet for h in ctx.title_hits)
    return {"India", "Japan"} <= title_people and title_meet


_CHIEFS = {"army_chief", "navy_chief", "air_chief", "cds", "joint_staff_chief", "coast_guard_chief"}
_MINISTERS = {"prime_minister", "defence_minister", "foreign_minister"}
_OFFICIALS = {"defence_secretary", "vice_minister", "official", "ambassador"}
# cues that settle the type on their own when they appear in the title or lead
_DECISIVE = {"phone_call": 3.0, "sidelines_multilateral": 1.5, "two_plus_two": 1.0}
_PRIORITY = (
    "two_plus_two",
    "phone_call",
    "sidelines_multilateral",
    "exercise",
    "summit",
    "agreement",
    "bilateral_ministerial",
    "official_dialogue",
    "visit",
    "other",
)


def _type_scores(ctx: Context) -> dict[str, float]:
    """Evidence for each type: cue words (the title and lead weigh most), named exercises and
    dialogues, and the roles of the people on each side."""
    kb = ctx.kb
    sc: dict[str, float] = defaultdict(float)
    body: dict[str, float] = defaultdict(float)

    def add(t: str, h: Hit | None, title: bool, bonus: float = 0.0) -> None:
        if title:
            sc[t] += 4.0 + bonus
        elif h is not None and ctx.in_lead(h.start):
            sc[t] += 2.0 + bonus
        else:
            body[t] += 0.4 + bonus / 4

    earlier = [h for h in ctx.hits if h.kind == "cue_earlier" or (h.kind == "cue_reference" and h.value == "earlier")]
    for hits, title in ((ctx.title_hits, True), (ctx.hits, False)):
        text = ctx.title if title else ctx.body
        asides = [h for h in hits if h.kind == "cue_aside"]
        multis = [h for h in hits if h.kind == "cue_multilateral"]
        for h in hits:
            if h.kind in ("cue_type", "dialogue", "exercise") and (
                # "Rajnath meets Kono in Bangkok, 2+2 on Nov 30" over a report of the meeting
                (title and h.value != "meeting" and _planned_title_clause(ctx, h))
                # "the first 2+2 will be held later this month" in a report of another meeting
                or (not title and h.value != "meeting" and _planned_aside(ctx, h))
                # "they had spoken by telephone last month": an earlier engagement
                or (not title and _about_earlier(ctx, h, earlier))
                # "ahead of the first India-Japan 2+2", "2+2 से पहले": another engagement, not this one
                or any(
                    (a.value == "pre" and 0 <= h.start - a.end <= _ASIDE_REACH and not _CLAUSE_BREAK.search(text, a.end, h.start))
                    or (a.value == "post" and 0 <= a.start - h.end <= 12)
                    for a in asides
                )
            ):
                ctx.other_events.add(h)
                continue
            if h.kind == "cue_type":
                t = h.value
                if t == "summit" and any(
                    abs(m.end - h.start) <= 12 or abs(h.end - m.start) <= 12 for m in multis
                ):
                    t = "_multilateral"  # "Quad summit", "जी7 शिखर सम्मेलन" is the multilateral event
                add(t, h, title, _DECISIVE.get(t, 0.0))
            elif h.kind == "exercise":
                ex = kb.exercises.get(h.value, {})
                if ex.get("japan_force"):
                    add("exercise", h, title, 1.0)
            elif h.kind == "dialogue":
                t = kb.dialogues.get(h.value, {}).get("engagement_type", "")
                if t:
                    add(t, h, title, 0.5)
            elif h.kind == "cue_multilateral":
                add("_multilateral", h, title)
    for t, v in body.items():
        sc[t] += min(v, 2.0)
    said = dict(sc)  # what the words say, before the roles of who is named
    # who met: the roles of the people the first sentence names; a side it leaves unnamed takes
    # the roles named anywhere ("Parrikar also called on Prime Minister Abe" does not make a summit)
    roles: dict[str, set[str]] = defaultdict(set)
    anywhere: dict[str, set[str]] = defaultdict(set)
    for p in ctx.people:
        t = kb.role_on(p.name, ctx.published)
        if t and t.country in ("India", "Japan"):
            anywhere[t.country].add(t.role_key)
            if ctx.sentence_of(p.start) == ctx.lead_start:
                roles[t.country].add(t.role_key)
    for side in ("India", "Japan"):
        if not roles.get(side):
            roles[side] = anywhere.get(side, set())
    india, japan = roles.get("India", set()), roles.get("Japan", set())
    both = india & japan
    if "prime_minister" in both:
        sc["summit"] += 2.5
    if "defence_minister" in both:
        sc["bilateral_ministerial"] += 2.5
    if {"defence_minister", "foreign_minister"} <= both:
        sc["two_plus_two"] += 2.0
    ministers_both = bool(india & _MINISTERS) and bool(japan & _MINISTERS)
    meeting = sc.pop("meeting", 0.0)
    if ministers_both:
        key = "summit" if "prime_minister" in both else "bilateral_ministerial"
        sc[key] += meeting * 0.5
        # a minister's visit is how ministers of both sides come to meet: it is the meeting
        # that is the engagement, unless nothing says they met
        if said.get(key, 0.0) + meeting * 0.5 >= 2.0:
            sc["visit"] *= 0.5
    else:
        # a minister meeting a service chief or an official is a visit or a dialogue, not a ministerial
        sc["bilateral_ministerial"] *= 0.3
        if (india | japan) & _CHIEFS:
            sc["visit"] += 1.5 + meeting * 0.5
        elif (india | japan) & _OFFICIALS:
            sc["official_dialogue"] += 1.5 + meeting * 0.5
    multilateral = sc.pop("_multilateral", 0.0)
    if multilateral >= 2.0 and (meeting >= 2.0 or ministers_both):
        sc["sidelines_multilateral"] += 1.0 + min(multilateral, 4.0) / 2
    return sc


_THAT = re.compile(r"(?<![\w\u0900-\u0963\u0966-\u097f])(?:कि|that)\s", re.I)
_ASIDE_REACH = 60  # "ahead of" may govern a long noun phrase, within one clause
_CLAUSE_BREAK = re.compile(r"[,;:।.!?()|–—]")


_EARLIER_REACH = 40


def _about_earlier(ctx: Context, h: Hit, earlier: list[Hit]) -> bool:
    """A cue in the same clause as "last month", "had spoken", "पिछले महीने": another, earlier event."""
    for r in earlier:
        lo, hi = (r.end, h.start) if r.end <= h.start else (h.end, r.start)
        if 0 <= hi - lo <= _EARLIER_REACH and not _CLAUSE_BREAK.search(ctx.body, lo, hi):
            return True
    return False


def _lead_tense(ctx: Context) -> str:
    if ctx._lead_tense is None:
        ctx._lead_tense = tense(ctx.first, 0)
    return ctx._lead_tense


def _planned_title_clause(ctx: Context, h: Hit) -> bool:
    """A cue in a later clause of the headline that speaks of the future ("…, इसी साल होगा पहला
    2+2 संवाद", "…, 2+2 on Nov 30") while the lead reports something that happened."""
    if _lead_tense(ctx) != "past":
        return False
    if ctx._title_breaks is None:
        ctx._title_breaks = [m.start() for m in _CLAUSE_BREAK.finditer(ctx.title)]
    breaks = ctx._title_breaks
    starts = [b + 1 for b in breaks if b < h.start]
    ends = [b for b in breaks if b >= h.end]
    span = (starts[-1] if starts else 0, ends[0] if ends else len(ctx.title))
    if span not in ctx._title_clauses:
        ctx._title_clauses[span] = _future_clause(ctx, span, first=not starts, last=not ends)
    return ctx._title_clauses[span]


def _future_clause(ctx: Context, span: tuple[int, int], first: bool, last: bool) -> bool:
    clause = ctx.title[span[0] : span[1]]
    if first:
        # the headline's first clause names the event, unless all of it speaks of the future
        # ("… करेंगी पहला संयुक्त अभ्यास" over a report of the meeting that decided it)
        return last and tense(clause, 0) == "future"
    if tense(clause, 0) == "future":
        return True
    if ctx.published is None:
        return False
    for r in find_dates(clause, ctx.kb, relative=False):
        value, _end = resolve(r, ctx.published, "future")
        if value and len(value) == 10 and not value.startswith("X") and value > ctx.published.isoformat():
            return True
    return False


def _planned_aside(ctx: Context, h: Hit) -> bool:
    """A type cue in a sentence about a future event, inside a report of something that happened."""
    if _lead_tense(ctx) != "past":
        return False
    if ctx.in_lead(h.start):
        # "…हुई बैठक में तय हुआ कि … पहला संयुक्त अभ्यास करेंगी", "agreed that the armies will
        # hold their first exercise": a clause reporting what was decided for later, in a report
        # whose first sentence says outright that something happened
        if ctx._first_said_past is None:
            ctx._first_said_past = said_in_past(ctx.first)
        if not ctx._first_said_past:
            return False
        si = ctx.sentence_of(h.start)
        s_start, s_end = ctx.sentences[si] if ctx.sentences else (0, len(ctx.body))
        that = [m.end() for m in _THAT.finditer(ctx.body, s_start, h.start)]
        if not that:
            return False
        end = _CLAUSE_BREAK.search(ctx.body, h.end, s_end)
        return tense(ctx.body[that[-1] : end.start() if end else s_end], 0) == "future"
    if ctx._planned_sentences is None:
        ctx._planned_sentences = {ctx.sentence_of(c.start) for c in ctx.hits if c.kind == "cue_status" and c.value == "planned"}
    return ctx.sentence_of(h.start) in ctx._planned_sentences


def engagement_type(ctx: Context) -> str:
    sc = _type_scores(ctx)
    if not sc:
        return "other"
    best = max(sc.values())
    if best < 2.0:
        return "other"
    # "on the phone", "on the sidelines of" in the title or lead say what kind of meeting it was,
    # whoever met and whatever else the text mentions
    lead_cues = {
        h.value
        for h in ctx.title_hits + [h for h in ctx.hits if ctx.in_lead(h.start)]
        if h.kind == "cue_type" and h not in ctx.other_events
    }
    if "phone_call" in lead_cues and sc.get("two_plus_two", 0.0) < best:
        return "phone_call"
    if "sidelines_multilateral" in lead_cues and max(sc.get("two_plus_two", 0.0), sc.get("phone_call", 0.0)) < best:
        return "sidelines_multilateral"
    for t in _PRIORITY:
        if sc.get(t, 0.0) >= best - 1e-9:
            return t
    return "other"


_MULTI_DAY = ("exercise", "visit")
_UNTIL_AFTER = re.compile(rf"\s*(?:तक|tak|ke baad tak|{_scripts.UNTIL})(?![\u0900-\u0963\u0966-\u097f\w])")
_UNTIL_BEFORE = re.compile(r"(?:until|till|through|to|se|से|ending on|ends on|concludes on|conclude on)\s+(?:the\s+)?$", re.I)


_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5, "छह": 6, "सात": 7, "आठ": 8, "दस": 10, "बारह": 12, "चौदह": 14, "पंद्रह": 15,
    "do": 2, "teen": 3, "char": 4, "paanch": 5, "das": 10,
}
_DURATION_UNITS = ('day', 'days', 'week', 'weeks', 'दिवसीय', 'दिन', 'दिनों', 'सप्ताह', 'हफ्ते', 'हफ़्ते', 'din', 'hafte')
_DURATION = re.compile(
    r"(?<![\w\u0900-\u0963\u0966-\u097f])(\d{1,2}|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")[\s-]*(" + "|".join(_DURATION_UNITS) + r")(?![\w\u0900-\u0963\u0966-\u097f])",
    re.I,
)


def duration_days(text: str) -> int | None:
    """The first stated length of a multi-day event in days ("two-week" -> 14, "12 दिवसीय" -> 12)."""
    from dashboard.parse.dates import ascii_digits

    low = text.lower()
    if not any(unit in low for unit in _DURATION_UNITS):
        return None  # the pattern's lookbehind makes a scan slow; most texts name no length
    for m in _DURATION.finditer(ascii_digits(text)):
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS.get(m.group(1).lower())
        unit = m.group(2).lower()
        if not n:
            continue
        days = n * 7 if unit in ("week", "weeks", "सप्ताह", "हफ्ते", "हफ़्ते", "hafte") else n
        if 2 <= days <= 60:
            return days
    return None


_SAID_ON = re.compile(r"\b(?:said|says|told|announced|stated|informed|confirmed)\s+(?:\w+\s+){0,2}on\s+$", re.I)
_SAID_AFTER = re.compile(r"\s*को\s+(?:\S+\s+){0,2}(?:बताया|कहा|जानकारी दी|घोषणा की)")
_RANGE_GAP = re.compile(r"\s*(?:to|till|until|through|-|–|—|से|तक)\s*(?:the\s+)?", re.I)


def _range_start(body: str, r: RawDate, nxt: RawDate | None) -> bool:
    """"from March 29 to April 1", "29 मार्च से 1 अप्रैल": the first date of a span written as two dates."""
    return nxt is not None and _RANGE_GAP.fullmatch(body, r.end, nxt.start) is not None


def _plus_days(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def classify_dates(
    ctx: Context, raw: list[RawDate], published: date | None, published_text: str | None, etype: str = "other"
) -> tuple[list[DateMention], DateMention | None]:
    """Give each date a role; the best-placed date near the engagement's words is the engagement's."""
    cue_pos = [h.start for h in ctx.hits if h.kind in ("cue_type", "exercise", "dialogue")]
    # cues of the very type this engagement is ("रक्षा मंत्री स्तरीय बैठक" for a ministerial; not
    # the "visit" that brought the minister the day before)
    own_pos = [
        h.start
        for h in ctx.hits
        if h not in ctx.other_events
        and (
            (h.kind == "cue_type" and h.value == etype)
            or (h.kind == "exercise" and etype == "exercise")
            or (h.kind == "dialogue" and ctx.kb.dialogues.get(h.value, {}).get("engagement_type") == etype)
        )
    ]
    ref_pos = [h for h in ctx.hits if h.kind == "cue_reference"]
    person_pos = [p.start for p in ctx.people]
    scored: list[tuple[float, int, DateMention]] = []
    mentions: list[DateMention] = []
    ends: list[DateMention] = []
    phases = [h for h in ctx.hits if h.kind == "cue_phase"]
    for i, r in enumerate(raw):
        si = ctx.sentence_of(r.start)
        s_start, s_end = ctx.sentences[si] if ctx.sentences else (0, len(ctx.body))
        sentence = ctx.body[s_start:s_end]
        when = tense(sentence, r.start - s_start)
        value, end_value = resolve(r, published, when)
        score = 0.0
        if ctx.is_lead(si):
            score += 2.0
        elif 0 <= si - ctx.lead_start < 4:
            score += 1.0
        if any(s_start <= p < s_end for p in cue_pos):
            score += 2.0
        if any(s_start <= p < s_end for p in own_pos):
            score += 1.0
        if any(s_start <= p < s_end for p in person_pos):
            score += 1.0
        near_ref = [h for h in ref_pos if s_start <= h.start < s_end]
        if near_ref:
            # "the attack on 22 April": a reference cue right by the date marks another event
            close = any(abs(h.start - r.end) < 40 or abs(r.start - h.end) < 40 for h in near_ref)
            score -= 3.0 if close else 1.5
        if r.kind == "month":
            score -= 1.0
        if r.kind in ("relative", "weekday"):
            score -= 0.5
        if value is None:
            score -= 10.0
        span_start = r.end_day is not None or bool(value and end_value) or _range_start(ctx.body, r, raw[i + 1] if i + 1 < len(raw) else None)
        if _SAID_ON.search(ctx.body, max(0, r.start - 30), r.start) or _SAID_AFTER.match(ctx.body, r.end):
            score -= 2.0  # "the navy said on Sunday", "मंत्रालय ने सोमवार को बताया": when it was told
        if etype in _MULTI_DAY:
            # an exercise or a visit is dated by its start: "from 26 to 28 September", "began on Monday"
            if span_start:
                score += 2.0
            for h in phases:
                if s_start <= h.start < s_end and (abs(h.start - r.end) < 40 or abs(r.start - h.end) < 40):
                    score += 1.5 if h.value == "start" else -1.5
        is_end = bool(_UNTIL_AFTER.match(ctx.body, r.end) or _UNTIL_BEFORE.search(ctx.body[max(0, r.start - 12) : r.start]))
        if is_end:
            score -= 2.5  # "till 26 January", "9 मार्च तक": where it ends, not when it happened
        if published and value and not value.startswith("X"):
            try:
                d = date.fromisoformat(value if len(value) == 10 else value + "-28")
                gap = (d - published).days
            except ValueError:
                gap = 0
            if gap < -45:
                score -= 1.5  # long before the report: likely background
            if gap < -400:
                score -= 1.5
        dm = DateMention(value, "referenced", r.text, r.start, r.end, end_value)
        mentions.append(dm)
        scored.append((score, -i, dm))
        if is_end and value and len(value) == 10:
            ends.append(dm)
    engagement = None
    if scored:
        best = max(scored, key=lambda x: (x[0], x[1]))
        if best[0] >= 1.0 and best[2].date is not None:
            engagement = best[2]
    if engagement is not None and not engagement.end_date and len(engagement.date) == 10:
        # the end of a multi-day event, said elsewhere in the text
        later = [e.date for e in ends if e.date[:4] != "XXXX" and engagement.date < e.date <= _plus_days(engagement.date, 60)]
        if later:
            engagement = DateMention(engagement.date, engagement.role, engagement.text, engagement.start, engagement.end, min(later))
        elif etype in _MULTI_DAY and not engagement.date.startswith("X"):
            # "the two-week exercise", "14 दिवसीय अभ्यास": the length gives the end
            days = duration_days(ctx.body)
            if days:
                engagement = DateMention(engagement.date, engagement.role, engagement.text, engagement.start, engagement.end, _plus_days(engagement.date, days - 1))
    out: list[DateMention] = []
    if published is not None:
        out.append(
            DateMention(published.isoformat(), "published", published_text or published.isoformat())
        )
    for dm in mentions:
        if engagement is not None and dm.start == engagement.start and dm.text == engagement.text:
            out.append(DateMention(dm.date, "engagement", dm.text, dm.start, dm.end, engagement.end_date))
        elif engagement is not None and dm.date == engagement.date and dm.date is not None:
            out.append(DateMention(dm.date, "engagement", dm.text, dm.start, dm.end, dm.end_date))
        else:
            out.append(dm)
    eng = next((d for d in out if d.role == "engagement"), None)
    return out, eng


def status(ctx: Context, etype: str, eng_date: DateMention | None) -> str:
    """The engagement date against the page date decides; cue words and tense only without them."""
    pub = ctx.published
    last_lead = ctx.lead_start + LEAD_SENTENCES - 1
    lead_end = ctx.sentences[last_lead][1] if len(ctx.sentences) > last_lead else len(ctx.body)
    planned = ongoing = 0.0
    for h in ctx.title_hits:
        if h.kind == "cue_status":
            if h.value == "planned":
                planned += 2.0
            elif h.value == "ongoing":
                ongoing += 2.0
    for h in ctx.hits:
        if h.kind == "cue_status" and h.start < lead_end:
            if h.value == "planned":
                planned += 1.0
            elif h.value == "ongoing":
                ongoing += 1.5
    if (
        eng_date
        and eng_date.date
        and pub
        and len(eng_date.date) == 10
        and not eng_date.date.startswith("X")
    ):
        d = date.fromisoformat(eng_date.date)
        if d > pub:
            return "planned"
        if etype in ("exercise", "visit"):
            lead_phase = {h.value for h in ctx.title_hits + [h for h in ctx.hits if ctx.in_lead(h.start)] if h.kind == "cue_phase"}
            if "end" in lead_phase:
                return "held"  # "…संपन्न", "concluded": it is over
            if eng_date.end_date and pub <= date.fromisoformat(eng_date.end_date):
                return "ongoing"
            if ongoing >= 1.5 and (pub - d).days <= 14:
                return "ongoing"
            if "start" in lead_phase and (pub - d).days <= 1:
                return "ongoing"  # "JIMEX शुरू", "began today": it is under way on the page's day
            days = duration_days(ctx.body)
            if days and (pub - d).days < days:
                return "ongoing"  # "the two-week exercise" that began five days ago
        return "held"
    # no date to compare: the tense where the engagement's date is given ("यह अभ्यास 24 फरवरी से …
    # आयोजित किया जाएगा"), else of the first sentence that names the engagement
    cue = next((h for h in ctx.hits if h.kind in ("cue_type", "exercise", "dialogue")), None)
    dated = eng_date is not None and eng_date.start >= 0 and bool(ctx.sentences)
    if dated:
        si = ctx.sentence_of(eng_date.start)
        s_start, s_end = ctx.sentences[si]
        when = tense(ctx.body[s_start:s_end], eng_date.start - s_start)
    elif cue is not None:
        si = ctx.sentence_of(cue.start)
        s_start, s_end = ctx.sentences[si]
        when = tense(ctx.body[s_start:s_end], cue.start - s_start)
    else:
        when = _lead_tense(ctx)
    if ongoing >= 1.5 and ongoing >= planned:
        return "ongoing"
    if when == "future":
        planned += 2.0 if dated else 1.5  # the sentence that dates it says "will": decisive
    if ctx.title and tense(ctx.title, 0) == "future":
        planned += 1.0
    if planned >= 2.0:
        return "planned"
    return "held"


_OWNER_AFTER = re.compile(
    r"\s*(?:का|के|की)\s+(?!भीतर|अंदर|बाहर|परिसर|मुख्यालय|सभागार|हॉल|में)|'s\b|\s+(?:delegation|officials?|team|spokes\w+|said|says)\b",
    re.I,
)


_COAST_AFTER = re.compile(r"\s*(?:के\s+)?(?:तट|समुद्र तट|coast)", re.I)
_OFF_BEFORE = re.compile(r"\boff\s+(?:the\s+)?(?:coast\s+of\s+)?$", re.I)


def place(ctx: Context, etype: str, eng_date: DateMention | None) -> str | None:
    """The most specific place named where the engagement is described (not where a past event was)."""
    if etype == "phone_call":
        return None
    kb = ctx.kb
    ref = [h for h in ctx.hits if h.kind == "cue_reference"]
    best: dict[str, float] = {}
    eng_sent = ctx.sentence_of(eng_date.start) if eng_date and eng_date.start >= 0 else None
    waters = any(h.kind == "place" and kb.places.get(h.value, {}).get("kind") == "water" for h in ctx.hits)
    for h in ctx.hits:
        if h.kind != "place":
            continue
        info = kb.places.get(h.value, {})
        kind = info.get("kind", "city")
        if kind == "country":
            continue  # "Japan" says who, not where
        if kind == "venue" and _OWNER_AFTER.match(ctx.body, h.end):
            continue  # "जापान के रक्षा मंत्रालय का प्रतिनिधिमंडल", "Japan's defence ministry officials": who, not where
        if kind == "city" and waters and (
            _COAST_AFTER.match(ctx.body, h.end) or _OFF_BEFORE.search(ctx.body, max(0, h.start - 25), h.start)
        ):
            continue  # "चेन्नई तट के पास बंगाल की खाड़ी में", "off Chennai": the sea named with it is the place
        if h.value in best:
            best[h.value] += 0.5
            continue
        w = _PLACE_WEIGHT.get(kind, 1.0)
        if etype == "exercise":
            w += {"base": 1.5, "water": 1.0}.get(kind, 0.0)
        elif kind == "water":
            w -= 1.0
        if info.get("country") not in ("India", "Japan", "") and etype not in (
            "sidelines_multilateral",
            "exercise",
        ):
            w -= 0.5
        si = ctx.sentence_of(h.start)
        s_start, s_end = ctx.sentences[si] if ctx.sentences else (0, len(ctx.body))
        if ctx.is_lead(si):
            w += 1.5
        if eng_sent is not None and si == eng_sent:
            w += 1.5
        if any(s_start <= r.start < s_end and abs(r.start - h.start) < 60 for r in ref):
            w -= 3.0
        best[h.value] = w
    for h in ctx.title_hits:
        if h.kind == "place" and kb.places.get(h.value, {}).get("kind") != "country":
            best[h.value] = (
                best.get(h.value, _PLACE_WEIGHT.get(kb.places[h.value].get("kind", "city"), 1.0))
                + 1.0
            )
    if ctx.dateline_place and kb.places.get(ctx.dateline_place, {}).get("kind") != "country":
        best[ctx.dateline_place] = best.get(ctx.dateline_place, 1.0) + 1.5
    abroad = _trip_destination(ctx)
    if abroad:
        # "Rajnath's visit to Japan", "जापान यात्रा": the engagement is where the trip goes, not
        # where the report was filed
        for name in best:
            country = kb.places.get(name, {}).get("country")
            if country == abroad:
                best[name] += 1.5
            elif country:
                best[name] -= 3.0
    if not best:
        return None
    # a venue named anywhere wins over its own city ("Manekshaw Centre, New Delhi" over "New Delhi")
    for venue in [v for v in best if ", " in v and kb.places.get(v, {}).get("kind") in ("venue", "base")]:
        city = venue.rsplit(", ", 1)[1]
        if city in best:
            best[venue] = max(best[venue], best[city]) + 0.5
    name, score = max(best.items(), key=lambda kv: kv[1])
    if score < 1.5:
        return None
    if etype == "visit" and kb.places.get(name, {}).get("kind") in ("venue", "base"):
        # a visit goes round a city's offices and bases: the city is where it was
        city = name.rsplit(", ", 1)[1] if ", " in name else None
        country = kb.places.get(name, {}).get("country")
        cities = [c for c, w in best.items() if kb.places.get(c, {}).get("kind") == "city" and kb.places[c].get("country") == country and w >= 1.5]
        if city in best or city in kb.places:
            return city
        if cities:
            return max(cities, key=lambda c: best[c])
    return name


def _trip_destination(ctx: Context) -> str | None:
    """The country a trip in the headline or lead goes to: a country (or a place in it) right next
    to a visit word ("visit to Japan", "Japan visit", "जापान की यात्रा", "जापान दौरे पर")."""
    kb = ctx.kb
    found: set[str] = set()
    for hits, text, lead_only in ((ctx.title_hits, ctx.title, False), (ctx.hits, ctx.body, True)):
        visits = [h for h in hits if h.kind == "cue_type" and h.value == "visit" and not (lead_only and not ctx.in_lead(h.start))]
        for v in visits:
            for h in hits:
                if h.kind not in ("country", "place"):
                    continue
                gap = text[h.end : v.start] if h.end <= v.start else text[v.end : h.start]
                if len(gap) <= 8 and not _CLAUSE_BREAK.search(gap):
                    country = h.value if h.kind == "country" else kb.places.get(h.value, {}).get("country")
                    if country:
                        found.add(country)
    return found.pop() if len(found) == 1 else None


def participants(ctx: Context, etype: str, eng_date: DateMention | None = None) -> list[str]:
    """Both sides' people where the engagement is told (for exercises, the forces of the exercise)."""
    kb = ctx.kb
    ref = [h for h in ctx.hits if h.kind == "cue_reference"]
    if etype == "exercise":
        ex_weight: dict[str, float] = defaultdict(float)
        for h in ctx.title_hits + ctx.hits:
            if h.kind == "exercise" and kb.exercises.get(h.value, {}).get("japan_force"):
                ex_weight[h.value] += (
                    3.0 if h in ctx.title_hits else (2.0 if ctx.in_lead(h.start) else 1.0)
                )
        forces: dict[str, float] = defaultdict(float)
        if ex_weight:
            main = max(ex_weight, key=ex_weight.get)
            for col in ("india_force", "japan_force"):
                if kb.exercises[main].get(col):
                    forces[kb.exercises[main][col]] += 5.0
        for h in ctx.title_hits + ctx.hits:
            if h.kind == "organisation":
                info = kb.organisations.get(h.value, {})
                if info.get("kind") in _FORCES and info.get("country") in ("India", "Japan"):
                    forces[h.value] += (
                        3.0 if h in ctx.title_hits else (2.0 if ctx.in_lead(h.start) else 0.5)
                    )
        chosen = [f for f, w in forces.items() if w >= 2.0]
        # "Japan Self-Defense Forces" next to JASDF names the same side twice: keep the service
        services = {kb.organisations[f]["country"] for f in chosen if kb.organisations[f].get("kind") == "force"}
        chosen = [f for f in chosen if not (kb.organisations[f].get("kind") == "armed_forces" and kb.organisations[f]["country"] in services)]
        return sorted(
            chosen,
            key=lambda f: (kb.organisations.get(f, {}).get("country") != "India", -forces[f], f),
        )
    cue_sent = {ctx.sentence_of(h.start) for h in ctx.hits if h.kind in ("cue_type", "dialogue")}
    names: dict[str, float] = defaultdict(float)
    for p in ctx.people:
        country = kb.people.get(p.name, "")
        if country not in ("India", "Japan"):
            continue
        si = ctx.sentence_of(p.start)
        s_start, s_end = ctx.sentences[si] if ctx.sentences else (0, len(ctx.body))
        w = 1.0 if p.name not in names else 0.5
        if ctx.is_lead(si):
            w += 1.5
        if si in cue_sent:
            w += 1.0
        if any(s_start <= r.start < s_end for r in ref):
            w -= 1.5
        names[p.name] += w
    for h in ctx.title_hits:
        if h.kind == "person" and kb.people.get(h.value) in ("India", "Japan"):
            names[h.value] += 3.0
    # the roles a type implies (a 2+2 has both sides' defence and foreign ministers, a summit the
    # PMs), held on the day: a minister of another year is background, not a participant
    day = None
    if eng_date and eng_date.date and len(eng_date.date) == 10 and not eng_date.date.startswith("X"):
        day = date.fromisoformat(eng_date.date)
    day = day or ctx.published
    wanted = {
        "two_plus_two": {"defence_minister", "foreign_minister"},
        "summit": {"prime_minister"},
        "bilateral_ministerial": {"defence_minister", "foreign_minister"},
    }.get(etype, set())
    title_names = {h.value for h in ctx.title_hits if h.kind == "person"}
    for n in list(names):
        rows = kb.tenures_of(n)
        if day is not None and rows and any(r.start or r.end for r in rows) and not any(r.covers(day) for r in rows):
            names[n] -= 2.5
            continue
        t = kb.role_on(n, day)
        if not t:
            continue
        if t.role_key in wanted:
            names[n] += 1.5
        elif n in title_names:
            continue
        elif t.role_key == "prime_minister" and etype not in ("summit", "sidelines_multilateral", "agreement", "other"):
            # ministers who call on the Prime Minister, a visit "under the vision of" the PMs:
            # the heads of government are the backdrop of any engagement but a summit
            names[n] -= 2.5
        elif wanted:
            names[n] -= 1.5  # a chief in a summit, a secretary in a ministers' meeting: background
    chosen = [n for n, w in names.items() if w >= 2.0]
    countries = {kb.people.get(n) for n in chosen}
    for side in ("India", "Japan"):
        if side not in countries:
            cands = [(w, n) for n, w in names.items() if kb.people.get(n) == side and w >= 1.0]
            if cands:
                chosen.append(max(cands)[1])
    return sorted(chosen, key=lambda n: (kb.people.get(n) != "India", -names[n], n))


def _year_from_people(ctx: Context, dm: DateMention, names: list[str]) -> str | None:
    """"May 5" and no year anywhere: the one year in which everyone taking part held a role on
    that day, and, when the text names the weekday ("on Monday"), on which that day falls."""
    try:
        month, day = int(dm.date[5:7]), int(dm.date[8:10])
    except ValueError:
        return None
    years = ctx.kb.years_all_in_office(names, month, day)
    si = ctx.sentence_of(dm.start) if dm.start >= 0 else 0
    weekdays = {int(h.value) for h in ctx.hits if h.kind == "weekday" and ctx.sentence_of(h.start) == si}
    if len(weekdays) == 1:
        wd = weekdays.pop()
        years = {y for y in years if date(y, month, day).weekday() == wd}
    return str(years.pop()) if len(years) == 1 else None


_SENTENCE_END = re.compile(r"[।.!?。۔]['\"”’)」]?$")


def is_analysis(ctx: Context) -> bool:
    """Opinion or analysis about the relationship as a whole: labelled so in the header or at the
    start of the headline, and the headline names no engagement (an explainer of one summit is
    still about that summit)."""
    labelled = any(h.kind == "cue_genre" for h in ctx.label_hits) or any(h.kind == "cue_genre" and h.start <= 2 for h in ctx.title_hits)
    if not labelled:
        return False
    # the standfirst under the headline (a first paragraph with no full stop) speaks for it too:
    # "The May 5 defence ministers' meeting showed how far …"
    para = ctx.body.split("\n", 1)[0].strip()
    dek_end = len(para) if para and len(para.split()) <= 40 and not _SENTENCE_END.search(para) else 0
    heads = ctx.title_hits + [h for h in ctx.hits if h.end <= dek_end]
    names_one = any(h.kind in ("exercise", "dialogue") or (h.kind == "cue_type" and h.value != "meeting") for h in heads)
    return not names_one


def build(
    ctx: Context, raw_dates: list[RawDate], published_text: str | None
) -> tuple[bool, float, Engagement | None, list[DateMention], list[str]]:
    strength = country_strength(ctx)
    relevant, score, reasons = is_india_japan(ctx, strength)
    etype = engagement_type(ctx) if relevant else "other"
    dates, eng_date = classify_dates(ctx, raw_dates, ctx.published, published_text, etype)
    if not relevant:
        return False, score, None, dates, reasons
    if is_analysis(ctx):
        # an op-ed or analysis is about the relationship, not one meeting: no date, place or side
        dates = [d if d.role != "engagement" else DateMention(d.date, "referenced", d.text, d.start, d.end, d.end_date) for d in dates]
        return True, score, Engagement(None, "other", "held", None, (), None, round(max(0.0, min(1.0, score / 10.0)), 2)), dates, reasons
    parts = participants(ctx, etype, eng_date)
    if eng_date is not None and eng_date.date and eng_date.date.startswith("XXXX"):
        year = _year_from_people(ctx, eng_date, parts)
        if year:
            dated = year + eng_date.date[4:]
            dates = [d._replace(date=dated) if d.date == eng_date.date else d for d in dates]
            eng_date = eng_date._replace(date=dated)
    st = status(ctx, etype, eng_date)
    pl = place(ctx, etype, eng_date)
    if etype in ("bilateral_ministerial", "summit") and pl and ctx.kb.places.get(pl, {}).get("country") not in ("India", "Japan", "", None):
        # Indian and Japanese ministers or leaders meeting in Vientiane or Bangkok do so on the
        # sidelines of something held there
        etype = "sidelines_multilateral"
        parts = participants(ctx, etype, eng_date)
    conf = max(0.0, min(1.0, score / 10.0))
    eng = Engagement(
        date=eng_date.date if eng_date else None,
        type=etype,
        status=st,
        place=pl,
        participants=tuple(parts),
        end_date=eng_date.end_date if eng_date else None,
        confidence=round(conf, 2),
    )
    return True, score, eng, dates, reasons
