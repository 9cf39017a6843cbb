"""Which kind of engagement: cue words (the title and lead weigh most), named exercises and dialogues,
and the roles of the people on each side."""

from __future__ import annotations

import re
from collections import defaultdict

from dashboard.models import Decision
from dashboard.parse.context import _CLAUSE_BREAK, Context, _lead_tense
from dashboard.parse.dates import find_dates, resolve, said_in_past, tense
from dashboard.parse.matcher import Hit, Near

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
    notes = ctx.type_notes
    notes.clear()

    # why each type scored: (weight, where, start, end); the words are quoted only for the winner
    def add(t: str, h: Hit | None, title: bool, bonus: float = 0.0) -> None:
        if title:
            sc[t] += 4.0 + bonus
            notes[t].append((4.0 + bonus, "in the headline", h.start, h.end))
        elif h is not None and ctx.in_lead(h.start):
            sc[t] += 2.0 + bonus
            notes[t].append((2.0 + bonus, "in the lead", h.start, h.end))
        else:
            body[t] += 0.4 + bonus / 4
            if h is not None:
                notes[t].append((0.4 + bonus / 4, "in the text", h.start, h.end))

    # "Japan wants to join the exercise", "शामिल होना चाहता है": a wish, not an engagement
    wished = {ctx.sentence_of(h.start) for h in ctx.hits if h.kind == "cue_intent"}
    wished_title = any(h.kind == "cue_intent" for h in ctx.title_hits)
    if ctx.lead_start in wished:
        # a report that opens on a wish ("Japan says it wants to join …") speaks of it throughout
        # its lead: "the proposed exercise" in the next sentence is the same wish
        wished |= {si for si in range(ctx.lead_start, ctx.lead_start + 2)}
    earlier = ctx.near("earlier")
    for hits, title in ((ctx.title_hits, True), (ctx.hits, False)):
        text = ctx.title if title else ctx.body
        asides = Near(h for h in hits if h.kind == "cue_aside")
        multis = Near(h for h in hits if h.kind == "cue_multilateral")
        for h in hits:
            if h.kind in ("cue_type", "dialogue", "exercise") and (
                # "Rajnath meets Kono in Bangkok, 2+2 on Nov 30" over a report of the meeting
                (title and h.value != "meeting" and _planned_title_clause(ctx, h))
                # "the first 2+2 will be held later this month" in a report of another meeting
                or (not title and h.value != "meeting" and _planned_aside(ctx, h))
                # "they had spoken by telephone last month": an earlier engagement
                or (not title and earlier and _about_earlier(ctx, h, earlier))
                or (h.value != "meeting" and (wished_title if title else ctx.sentence_of(h.start) in wished))
                # "ahead of the first India-Japan 2+2", "2+2 से पहले": another engagement, not this one
                or (asides and any(
                    (a.value == "pre" and 0 <= h.start - a.end <= _ASIDE_REACH and not _CLAUSE_BREAK.search(text, a.end, h.start))
                    or (a.value == "post" and 0 <= a.start - h.end <= 12)
                    for a in asides.touching(h.start - _ASIDE_REACH, h.end + 13)
                ))
            ):
                ctx.other_events.add(h)
                continue
            if h.kind == "cue_type":
                t = h.value
                if t == "summit" and multis and any(
                    abs(m.end - h.start) <= 12 or abs(h.end - m.start) <= 12 for m in multis.touching(h.start - 12, h.end + 13)
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
    # who met: the roles of the people named in the lead sentence where both sides appear (else
    # the first sentence); a side it leaves unnamed takes the roles named anywhere ("Parrikar also
    # called on Prime Minister Abe" does not make a summit)
    sides_by_sentence: dict[int, set[str]] = defaultdict(set)
    roles_of: list[tuple[int, str, str]] = []
    for p in ctx.people:
        t = ctx.role_of(p.name)
        if t and t.country in ("India", "Japan"):
            si = ctx.sentence_of(p.start)
            sides_by_sentence[si].add(t.country)
            roles_of.append((si, t.country, t.role_key))
    both_sides = [si for si, sides in sorted(sides_by_sentence.items()) if len(sides) == 2 and ctx.is_lead(si)]
    focus = both_sides[0] if both_sides else ctx.lead_start
    roles: dict[str, set[str]] = defaultdict(set)
    anywhere: dict[str, set[str]] = defaultdict(set)
    for si, country, role_key in roles_of:
        anywhere[country].add(role_key)
        if si == focus:
            roles[country].add(role_key)
    for side in ("India", "Japan"):
        if not roles.get(side):
            roles[side] = anywhere.get(side, set())
    india, japan = roles.get("India", set()), roles.get("Japan", set())
    both = india & japan
    if "prime_minister" in both:
        sc["summit"] += 2.5
        notes["summit"].append((2.5, "both prime ministers take part", -1, -1))
    if "defence_minister" in both:
        sc["bilateral_ministerial"] += 2.5
        notes["bilateral_ministerial"].append((2.5, "both sides' defence ministers take part", -1, -1))
    if {"defence_minister", "foreign_minister"} <= both:
        sc["two_plus_two"] += 2.0
        notes["two_plus_two"].append((2.0, "both sides' defence and foreign ministers take part", -1, -1))
    # a minister calling on the other side's prime minister pays a visit, whatever brought them
    calls_on_pm = ("prime_minister" in india) != ("prime_minister" in japan) and bool((india | japan) & {"defence_minister", "foreign_minister"} - (india if "prime_minister" in india else japan))
    ministers_both = (bool(india & _MINISTERS) and bool(japan & _MINISTERS)) and not calls_on_pm
    meeting = sc.pop("meeting", 0.0)
    # "X is on a five-day tour. During it he met Japan's defence minister Y": the lead says they met
    lead_sides = set().union(*(sides for si, sides in sides_by_sentence.items() if ctx.is_lead(si))) if sides_by_sentence else set()
    met_in_lead = len(lead_sides) == 2 and any(
        h.kind == "cue_type" and h.value in ("meeting", "bilateral_ministerial") and ctx.in_lead(h.start) for h in ctx.hits
    )
    if calls_on_pm:
        sc["visit"] += 1.5 + meeting * 0.5
        notes["visit"].append((1.5 + meeting * 0.5, "a minister calls on the other side's prime minister", -1, -1))
    elif ministers_both:
        key = "summit" if "prime_minister" in both else "bilateral_ministerial"
        sc[key] += meeting * 0.5
        # a minister's visit is how ministers of both sides come to meet: it is the meeting
        # that is the engagement, unless nothing says they met
        if said.get(key, 0.0) + meeting * 0.5 >= 2.0 or met_in_lead:
            sc["visit"] *= 0.5
        if met_in_lead:
            sc[key] += 1.0  # the lead says the two sides' ministers met: that meeting is the story
            notes[key].append((1.0, "the lead says they met", -1, -1))
    else:
        # a minister meeting a service chief or an official is a visit or a dialogue, not a ministerial
        sc["bilateral_ministerial"] *= 0.3
        if (india | japan) & _CHIEFS:
            sc["visit"] += 1.5 + meeting * 0.5
            notes["visit"].append((1.5 + meeting * 0.5, "a service chief meets the other side", -1, -1))
        elif (india | japan) & _OFFICIALS:
            sc["official_dialogue"] += 1.5 + meeting * 0.5
            notes["official_dialogue"].append((1.5 + meeting * 0.5, "officials of the two sides meet", -1, -1))
    multilateral = sc.pop("_multilateral", 0.0)
    if multilateral >= 2.0 and (meeting >= 2.0 or ministers_both):
        sc["sidelines_multilateral"] += 1.0 + min(multilateral, 4.0) / 2
        notes["sidelines_multilateral"].append((1.0 + min(multilateral, 4.0) / 2, "they meet at a multilateral gathering", -1, -1))
    return sc


_THAT = re.compile(r"(?<![\w\u0900-\u0963\u0966-\u097f])(?:कि|that)\s", re.I)


_ASIDE_REACH = 60  # "ahead of" may govern a long noun phrase, within one clause


_EARLIER_REACH = 40


def _about_earlier(ctx: Context, h: Hit, earlier: Near) -> bool:
    """A cue in the same clause as "last month", "had spoken", "पिछले महीने": another, earlier event."""
    for r in earlier.touching(h.start - _EARLIER_REACH, h.end + _EARLIER_REACH + 1):
        lo, hi = (r.end, h.start) if r.end <= h.start else (h.end, r.start)
        if 0 <= hi - lo <= _EARLIER_REACH and not _CLAUSE_BREAK.search(ctx.body, lo, hi):
            return True
    return False


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
    # the headline's hits are known: the clause's own, shifted to its offsets (no second matcher pass)
    hits = [h._replace(start=h.start - span[0], end=h.end - span[0]) for h in ctx.title_hits if span[0] <= h.start and h.end <= span[1]]
    for r in find_dates(clause, ctx.kb, hits, relative=False):
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


def engagement_type(ctx: Context) -> tuple[str, Decision]:
    sc = _type_scores(ctx)
    best = max(sc.values(), default=0.0)
    if best < 2.0:
        return "other", Decision(0.6, "nothing says which kind of engagement it was")
    # "on the phone", "on the sidelines of" in the title or lead say what kind of meeting it was,
    # whoever met and whatever else the text mentions
    lead_cues = {
        h.value
        for h in ctx.title_hits + ctx.lead_hits()
        if h.kind == "cue_type" and h not in ctx.other_events
    }
    chosen = None
    if "phone_call" in lead_cues and sc.get("two_plus_two", 0.0) < best:
        chosen = "phone_call"
    elif "sidelines_multilateral" in lead_cues and max(sc.get("two_plus_two", 0.0), sc.get("phone_call", 0.0)) < best:
        chosen = "sidelines_multilateral"
    else:
        chosen = next((t for t in _PRIORITY if sc.get(t, 0.0) >= best - 1e-9), "other")
    return chosen, _type_decision(ctx, chosen, sc, decided_by_cue=chosen in ("phone_call", "sidelines_multilateral") and chosen in lead_cues)


def _type_decision(ctx: Context, chosen: str, sc: dict[str, float], decided_by_cue: bool) -> Decision:
    own = sc.get(chosen, 0.0)
    rival = max((v for t, v in sc.items() if t != chosen), default=0.0)
    margin = own - rival
    conf = 0.9 if margin >= 3.0 or decided_by_cue else (0.8 if margin >= 1.5 else 0.65)
    if rival >= 4.0 and not decided_by_cue:
        conf = min(conf, 0.75)  # strong words for another kind too: an agreement signed at a summit
    top = sorted(ctx.type_notes.get(chosen, []), key=lambda n: -n[0])[:2]
    words = []
    for _w, where, start, end in top:
        if where in ("in the headline", "in the lead", "in the text"):
            text = (ctx.title if where == "in the headline" else ctx.body)[start:end]
            words.append(f"'{text}' {where}")
        else:
            words.append(where)
    reason = "; ".join(words) or f"the evidence for {chosen}"
    span = next(((n[2], n[3]) for n in top if n[2] >= 0 and n[1] != "in the headline"), (-1, -1))
    return Decision(conf, reason, *span)
