"""When the engagement was: every date gets a role, and the best-placed date near the engagement's
own words is the engagement's (a multi-day event by its start)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from dashboard.models import DateMention, Decision
from dashboard.parse import scripts as _scripts
from dashboard.parse.context import Context, _lead_tense
from dashboard.parse.dates import RawDate, find_dates, resolve

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


class _Candidate(NamedTuple):
    score: float
    order: int  # earlier mentions win ties
    mention: DateMention
    raw: RawDate
    own: bool  # in a sentence that names this engagement's own type
    lead: bool
    notes: tuple[str, ...]


_MEETS_ON_A_TRIP = ("summit", "bilateral_ministerial", "two_plus_two", "official_dialogue", "agreement", "sidelines_multilateral")
_LEAD_PHRASE = "in the lead"


def sentence_flags(ctx: Context, etype: str) -> tuple[set[int], set[int], set[int], set[int]]:
    """Sentence numbers with an engagement cue, with this engagement's own type, with a cue of
    another type only, and with another exercise than the one the text is about (worked out once
    per article and type: the date, place, status and participants all ask)."""
    flags = ctx.flags_by_type.get(etype)
    if flags is None:
        flags = ctx.flags_by_type[etype] = _sentence_flags(ctx, etype)
    return flags


def _sentence_flags(ctx: Context, etype: str) -> tuple[set[int], set[int], set[int], set[int]]:
    kb = ctx.kb
    main = ctx.main_exercise if etype == "exercise" else None
    multis = ctx.near("cue_multilateral")
    # a meeting takes place on a trip: for a summit or a ministerial the visit is its vehicle,
    # not another engagement
    neutral = {"meeting", etype} | ({"visit"} if etype in _MEETS_ON_A_TRIP else set())
    cue, own, other, other_ex, met = set(), set(), set(), set(), set()
    for h in ctx.by_kind["cue_type"] + ctx.by_kind["exercise"] + ctx.by_kind["dialogue"]:
        si = ctx.sentence_of(h.start)
        cue.add(si)
        if h.kind == "exercise":
            if etype == "exercise" and h not in ctx.other_events:
                if main is None or h.value == main:
                    own.add(si)
                elif kb.exercises.get(h.value, {}).get("japan_force"):
                    other_ex.add(si)
            continue
        kind = h.value if h.kind == "cue_type" else kb.dialogues.get(h.value, {}).get("engagement_type", "")
        if kind == "summit" and any(abs(m.end - h.start) <= 12 or abs(h.end - m.start) <= 12 for m in multis.touching(h.start - 12, h.end + 13)):
            kind = "_multilateral"  # "the SCO summit" is another gathering, not this summit
        if h not in ctx.other_events and kind == etype:
            own.add(si)
        elif kind == "meeting" and etype in _MEETS_ON_A_TRIP:
            met.add(si)  # "हुई बैठक में", "the meeting": this meeting, whatever else the sentence says
        elif kind and kind not in neutral:
            other.add(si)
    if main is not None:
        # "अभ्यास" beside another exercise's name is that exercise, not this one
        named_main = {ctx.sentence_of(h.start) for h in ctx.by_kind["exercise"] if h.value == main}
        own -= other_ex - named_main
    return cue, own, other - own - met, other_ex - own


def stated_length(ctx: Context, etype: str) -> int | None:
    """The length this engagement is said to last ("the two-week exercise", "12 दिवसीय अभ्यास"),
    read in the lead and in the sentences naming it, never in one about another exercise or an
    earlier edition ("last year's three-day JIMEX")."""
    _cue, own, other, other_ex = sentence_flags(ctx, etype)
    earlier = {ctx.sentence_of(h.start) for h in ctx.near("earlier").spans}
    lead = {si for si in range(ctx.lead_start, ctx.lead_start + 2)}
    for si in sorted((own | lead) - other - other_ex - earlier):
        if si >= len(ctx.sentences) and ctx.sentences:
            continue
        s_start, s_end = ctx.sentence_span(si)
        days = duration_days(ctx.body[s_start:s_end])
        if days:
            return days
    return None


def _candidates(ctx: Context, raw: list[RawDate], etype: str) -> list[_Candidate]:
    published = ctx.published
    cue_s, own_s, other_s, other_ex_s = sentence_flags(ctx, etype)
    ref_pos = ctx.near("cue_reference")
    earlier = ctx.near("earlier")
    person_s = {ctx.sentence_of(p.start) for p in ctx.people}
    phases = ctx.near("cue_phase")
    resolved = []
    for r in raw:
        when = ctx.tense_at(r.start)
        value, end_value = resolve(r, published, when)
        if value and value.startswith("XXXX") and ctx.page_month:
            value, end_value = _year_from_month_stamp(value, end_value, ctx.page_month, when)
        resolved.append((value, end_value))
    out: list[_Candidate] = []
    for i, r in enumerate(raw):
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        si = ctx.sentence_of(r.start)
        s_start, s_end = ctx.sentence_span(si)
        value, end_value = resolved[i]
        ranged = _range_start(ctx.body, r, nxt)
        if ranged and not end_value and value and len(value) == 10 and not value.startswith("X"):
            # "from 29 March to 1 April, 2015": the span ends at the second date
            later = resolved[i + 1][0]
            if later and len(later) == 10 and not later.startswith("X") and value < later <= _plus_days(value, 60):
                end_value = later
        notes: list[str] = []
        score = 0.0
        lead = ctx.is_lead(si)
        if lead:
            score += 2.0
            notes.append(_LEAD_PHRASE)
        elif 0 <= si - ctx.lead_start < 4:
            score += 1.0
        if si in cue_s:
            score += 2.0
        own = si in own_s
        if own:
            score += 1.0
            notes.append("in the sentence naming the engagement")
        elif si in other_s:
            score -= 1.5  # "during his visit in September 2019" in a report of a phone call
        if si in other_ex_s:
            score -= 2.5  # the dates of another exercise running alongside this one
        if si in person_s:
            score += 1.0
        near_ref = ref_pos.starting(s_start, s_end)
        if r.kind == "weekday":
            # "underway since Sunday": the day this one began, not a past event's
            near_ref = [h for h in near_ref if not (h.value != "earlier" and 0 <= r.start - h.end <= 2)]
        if near_ref:
            # "the attack on 22 April": a reference cue right by the date marks another event
            close = any(abs(h.start - r.end) < 40 or abs(r.start - h.end) < 40 for h in near_ref)
            score -= 3.0 if close else 1.5
        if r.kind in ("month", "relative_month"):
            score -= 1.0
            if not lead:
                score -= 2.0  # "started in January 2012", "नवंबर 2024 में": background, not a guess to make
            if earlier.starting(s_start, s_end):
                score -= 2.0
        if r.kind in ("relative", "weekday"):
            score -= 0.5
        if value is None:
            score -= 10.0
        span_start = r.end_day is not None or bool(value and end_value) or ranged
        if _SAID_ON.search(ctx.body, max(0, r.start - 30), r.start) or _SAID_AFTER.match(ctx.body, r.end):
            score -= 2.0  # "the navy said on Sunday", "मंत्रालय ने सोमवार को बताया": when it was told
        if etype in _MULTI_DAY:
            # an exercise or a visit is dated by its start: "from 26 to 28 September", "began on Monday"
            if span_start:
                score += 2.0
                notes.append("the start of its span")
            for h in phases.starting(s_start, s_end):
                if abs(h.start - r.end) < 40 or abs(r.start - h.end) < 40:
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
        out.append(_Candidate(score, -i, dm, r, own, lead, tuple(notes) + (("end",) if is_end else ())))
    return out


def _year_from_month_stamp(value: str, end: str | None, stamp: str, when: str) -> tuple[str, str | None]:
    """"5 May" on a page stamped only "2025-05": the stamp's year (the year before it, for a past
    event in a later month; the year after, for a planned one in an earlier month)."""
    year, month = int(stamp[:4]), int(stamp[5:7])
    m = int(value[5:7])
    if when == "future" and m < month:
        year += 1
    elif when != "future" and m > month:
        year -= 1
    if not _valid_iso(f"{year}{value[4:]}"):
        return value, end
    return f"{year}{value[4:]}", (f"{year}{end[4:]}" if end and _valid_iso(f"{year}{end[4:]}") else None)


def _valid_iso(s: str) -> bool:
    try:
        date.fromisoformat(s)
        return True
    except ValueError:
        return False


def _choose(cands: list[_Candidate], etype: str) -> tuple[_Candidate | None, _Candidate | None]:
    """(the engagement's date, or None; the unreadable relative date that outranks every readable
    one, when that is why there is none)."""
    good = [c for c in cands if c.mention.date is not None]
    unread = [c for c in cands if c.mention.date is None and c.raw.kind in ("weekday", "relative")]
    top_unread = max(unread, key=lambda c: (c.score, c.order)) if unread else None
    if not good:
        return None, top_unread
    best = max(good, key=lambda c: (c.score, c.order))
    if best.score < 1.0:
        return None, top_unread
    if top_unread is not None and top_unread.score + 10.0 >= best.score - (1.0 if best.raw.kind == "month" else 0.0) and (top_unread.own or top_unread.lead):
        # "underway since Sunday" with no page date to count from outranks "started in January
        # 2012": the day is stated, just not readable; a month elsewhere would be a guess
        return None, top_unread
    if best.raw.kind == "relative_month":
        # "later this month … on November 30": the day, when the text gives one in that month
        days = [c for c in good if c is not best and len(c.mention.date) == 10 and c.mention.date[:7] == best.mention.date[:7] and c.score >= best.score - 3.0]
        if days:
            return max(days, key=lambda c: (c.score, c.order)), None
    if best.mention.end_date and etype not in _MULTI_DAY:
        # "visiting Japan from 29 March to 1 April … held the ministerial meeting on 30 March": a
        # meeting inside the trip is dated by its own day
        inside = [
            c
            for c in good
            if c is not best and c.own and c.mention.date and len(c.mention.date) == 10
            and best.mention.date <= c.mention.date <= best.mention.end_date and c.score >= best.score - 2.0
        ]
        if inside:
            return max(inside, key=lambda c: (c.score, c.order)), None
    return best, None


def _describe(ctx: Context, c: _Candidate) -> str:
    r, value, pub = c.raw, c.mention.date, ctx.published
    if r.kind == "weekday":
        way = "forward" if pub and value and value > pub.isoformat() else "back"
        what = f"weekday '{r.text}' counted {way} from the page date {pub.isoformat() if pub else '?'}"
    elif r.kind == "relative":
        what = f"'{r.text}' read against the page date {pub.isoformat() if pub else '?'}"
    elif r.kind == "yearless" and value and not value.startswith("X"):
        src = f"page date {pub.isoformat()}" if pub else f"page stamp {ctx.page_month}"
        what = f"'{r.text}' in the year of the {src}"
    elif r.kind == "yearless":
        what = f"'{r.text}' (no year in the text)"
    elif r.kind == "month":
        what = f"'{r.text}' (the month only)"
    elif r.kind == "relative_month":
        what = f"'{r.text}' counted from the page date {pub.isoformat() if pub else '?'} (the month only)"
    else:
        what = f"'{r.text}'"
    notes = [n for n in c.notes if n != "end"]
    return what + ("; " + ", ".join(notes) if notes else "")


_KIND_CONFIDENCE = {"full": 0.92, "yearless": 0.88, "weekday": 0.84, "relative": 0.86, "month": 0.6, "relative_month": 0.55}


def _confidence(ctx: Context, c: _Candidate, cands: list[_Candidate]) -> float:
    conf = _KIND_CONFIDENCE.get(c.raw.kind, 0.7)
    if c.mention.date.startswith("X"):
        conf = min(conf, 0.75)  # the year is unknown
    rivals = [x.score for x in cands if x.mention.date and x.mention.date != c.mention.date and x is not c]
    margin = c.score - max(rivals, default=-99.0)
    if margin < 1.0:
        conf *= 0.75
    elif margin < 2.0:
        conf *= 0.9
    if not (c.lead or c.own):
        conf *= 0.85
    if c.raw.kind in ("weekday", "relative") and ctx.published_from == "header":
        conf *= 0.85  # a date above the headline may be the site's clock, not the story's
    if c.raw.kind in ("weekday", "relative", "yearless") and not ctx.tense_is_said(c.raw.start):
        conf *= 0.85  # no verb says whether it is past or to come: counted back by default
    return round(conf, 2)


def _fallback(ctx: Context, etype: str) -> tuple[str | None, Decision] | None:
    """No date in the text for the engagement: the dateline's day (the day the story was filed,
    the year from the page date), or a page stamped only to the month. Never a page's full date:
    a report may come days after the meeting."""
    if etype == "other":
        return None
    if ctx.dateline_date:
        for r in find_dates(ctx.dateline_date, ctx.kb, relative=False):
            if r.kind == "full":
                return date(r.year, r.month, r.day).isoformat(), Decision(0.6, f"the dateline's day '{ctx.dateline_date}'; the text gives no other")
            if r.kind == "yearless":
                year = ctx.published.year if ctx.published else (int(ctx.page_month[:4]) if ctx.page_month else None)
                if year and _valid_iso(f"{year}-{r.month:02d}-{r.day:02d}"):
                    return f"{year}-{r.month:02d}-{r.day:02d}", Decision(0.6, f"the dateline's day '{ctx.dateline_date}' in the year of the page date; the text gives no other")
    if ctx.page_month and _lead_tense(ctx) == "past":
        return ctx.page_month, Decision(0.5, f"the page is stamped {ctx.page_month} and reports it as done; the text gives no day")
    return None


def classify_dates(
    ctx: Context, raw: list[RawDate], published_text: str | None, etype: str = "other"
) -> tuple[list[DateMention], DateMention | None, Decision]:
    """Give each date a role; the best-placed date near the engagement's words is the engagement's."""
    published = ctx.published
    cands = _candidates(ctx, raw, etype)
    chosen, unread = _choose(cands, etype)
    engagement = chosen.mention if chosen else None
    decision = Decision(0.6, "no date in the text is the engagement's") if raw else Decision(0.6, "the text gives no date")
    if unread is not None and chosen is None:
        decision = Decision(0.7, f"'{unread.raw.text}' names the day, but the page has no date to count from", unread.mention.start, unread.mention.end)
    if chosen is not None:
        decision = Decision(_confidence(ctx, chosen, cands), _describe(ctx, chosen), chosen.mention.start, chosen.mention.end)
    ends = [c.mention for c in cands if "end" in c.notes and c.mention.date and len(c.mention.date) == 10]
    if engagement is not None and not engagement.end_date and len(engagement.date) == 10:
        # the end of a multi-day event, said elsewhere in the text
        later = [e.date for e in ends if e.date[:4] != "XXXX" and engagement.date < e.date <= _plus_days(engagement.date, 60)]
        if later:
            engagement = engagement._replace(end_date=min(later))
        elif etype in _MULTI_DAY and not engagement.date.startswith("X"):
            # "the two-week exercise", "14 दिवसीय अभ्यास": the length gives the end
            days = stated_length(ctx, etype)
            if days:
                engagement = engagement._replace(end_date=_plus_days(engagement.date, days - 1))
    out: list[DateMention] = []
    if published is not None:
        out.append(DateMention(published.isoformat(), "published", published_text or published.isoformat()))
    elif ctx.page_month:
        out.append(DateMention(ctx.page_month, "published", published_text or ctx.page_month))
    for c in cands:
        dm = c.mention
        if engagement is not None and dm.start == engagement.start and dm.text == engagement.text:
            out.append(engagement._replace(role="engagement"))
        elif engagement is not None and dm.date == engagement.date and dm.date is not None:
            out.append(dm._replace(role="engagement"))
        else:
            out.append(dm)
    eng = next((d for d in out if d.role == "engagement"), None)
    if eng is None and unread is None:
        fb = _fallback(ctx, etype)
        if fb is not None:
            eng = DateMention(fb[0], "engagement", ctx.dateline_date or (published_text or ""), -1, -1)
            decision = fb[1]
            out.append(eng)
    return out, eng, decision


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
