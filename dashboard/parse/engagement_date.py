"""When the engagement was: every date gets a role, and the best-placed date near the engagement's
own words is the engagement's (a multi-day event by its start)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.models import DateMention
from dashboard.parse.context import Context
from dashboard.parse.dates import RawDate, resolve, tense

_MULTI_DAY = ("exercise", "visit")


_UNTIL_AFTER = re.compile(r"\s*(?:तक|tak|ke baad tak)(?![\u0900-\u0963\u0966-\u097f\w])")


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
