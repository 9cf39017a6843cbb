"""Date spans in Hindi and English text, resolved against the publication date.

Spans are found with our own patterns (dateparser's search reads "2+2" and "10 वर्षों" as dates and
is far too slow per sentence); dateparser is kept for free-form metadata strings.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, datetime, timedelta
from typing import NamedTuple

from dashboard.parse import dates_ja
from dashboard.parse import scripts as _scripts
from dashboard.parse.matcher import INDIC_DIGITS, lower_same_length

_DIGITS = INDIC_DIGITS
DIGIT_TABLE = str.maketrans(_DIGITS)
_INDIC_DIGIT = re.compile("[" + "".join(chr(c) for c in _DIGITS) + "]")


def ascii_digits(text: str) -> str:
    """Indic digits to ASCII, same length (so offsets hold); skips the copy when there are none."""
    return text.translate(DIGIT_TABLE) if _INDIC_DIGIT.search(text) else text


_HI = "\u0900-\u0963\u0966-\u097f"
_FUTURE_HI = re.compile(
    rf"(?:ेंगे|ेंगी|ेगा|ेगी|ूंगा|ूँगा|ोगे|एंगे|एँगे|एगा|एगी|होगा|होगी|होंगे|जाएगा|जाएगी|जाएंगे)(?![{_HI}])"
)
# "होने वाली बैठक", "मिलने वाले हैं": about to happen (looked for only where "वाल" occurs)
_ABOUT_TO_HI = re.compile(rf"(?<=[{_HI}])ने\s+वाल(?:ा|ी|े)(?![{_HI}])")
_PAST_HI = re.compile(
    rf"(?<![{_HI}])(?:था|थी|थे|गया|गई|गए|गयी|गये|हुआ|हुई|हुए|हुईं|किया|लिया|दिया|कहा|मिले|बताया)(?![{_HI}])"
)
# lower-case patterns: tense() lowers the sentence once (case-insensitive alternations are
# two to three times slower)
_FUTURE_LATIN_HI = re.compile(
    r"\b\w+(?:ega|egi|enge|engi|oge|unga|ungi)\b|\b(?:hoga|hogi|honge)\b"
)
_PAST_LATIN_HI = re.compile(
    r"\b(?:tha|thi|hua|hui|hue|gaya|gayi|gaye|gai|kiya|kiye|liya|liye|diya|mila|mile|ki thi|ho gaya)\b"
)
_FUTURE_EN = re.compile(
    r"\b(?:will|shall|would|is to|are to|to be held|scheduled|going to|set to|slated|next|upcoming|plans? to|expected to)\b"
)
_PAST_EN = re.compile(
    r"\b(?:was|were|had|held|met|said|signed|discussed|agreed|called|visited|took|spoke|concluded|reviewed|began|ended|hosted|expressed|welcomed|condemned|attended)\b"
)
_YEAR = r"((?:19|20)\d\d)"
_ORD = r"(?:st|nd|rd|th)?"
_RANGE = r"(?:\s*(?:-|–|—|से|to|and|till|until|तक|व|और|एवं|se|aur)\s*)"


class RawDate(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # full | yearless | month | relative | weekday | relative_month | day (a day without its month: 本2日)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_day: int | None = None  # "10-15 October": last day of the range
    offset: str = ""  # relative spec: "0", "-1", "kal", "parson" or a weekday number


_A = r"(?<![\u0900-\u0963\u0966-\u097f\w])"
_ISO = re.compile(r"(?<![\d./-])((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?![\d])")
_NUMERIC_SHAPE = re.compile(r"\d[./-]\d")
_DAY_MONTH = re.compile(r"\s*(\d{1,2})\s*[।/.]\s*(\d{1,2})\s*")
_NUMERIC = re.compile(r"(?<![\d.:/])(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d)(?![\d./])")
# windows around a month word found by the automaton: "05 मई, 2025", "May 5th, 2025", "मार्च 2023"
_DAY_BEFORE = re.compile(
    rf"{_A}(\d{{1,2}}){_ORD}(?:{_RANGE}(\d{{1,2}}){_ORD})?(?:\s*|[-/ ]|\s+of\s+),?\s*$", re.I
)
_DAY_AFTER = re.compile(
    rf"\.?\s+(\d{{1,2}}){_ORD}(?!\d)(?:{_RANGE}(\d{{1,2}}){_ORD}(?!\d))?(?:,?\s+{_YEAR}(?!\d))?",
    re.I,
)
_YEAR_AFTER = re.compile(rf"\.?[\s,/-]*{_YEAR}(?!\d)")
_MONTH_YEAR = re.compile(rf"\.?,?\s*(?:के\s+|of\s+)?{_YEAR}(?!\d)")
_AMBIGUOUS = {
    "may",
    "mar",
    "jun",
    "jul",
    "dec",
    "oct",
    "nov",
    "sep",
    "sept",
    "aug",
    "jan",
    "feb",
    "apr",
    "march",
}


def _valid(y: int | None, m: int, d: int) -> bool:
    try:
        date(y or 2000, m, d)  # 2000 is a leap year: 29 February stays valid without a year
        return True
    except ValueError:
        return False


def find_dates(text: str, kb, hits=None, relative: bool = True) -> list[RawDate]:
    """Every date-like span in `text` (offsets into `text`), overlapping spans removed.

    Month, weekday and relative words come from the knowledge automaton (`hits`, computed if not
    given), so spelling variants fold the same way as names; the digits around them are read with
    small anchored patterns.
    """
    t = ascii_digits(text)
    if hits is None:
        hits = kb.matcher.find(text)
    found: list[RawDate] = []
    # the spans taken so far, kept sorted and disjoint: an overlap check is two neighbours, not a
    # scan of every earlier date (a page of a thousand dates stays linear)
    starts: list[int] = []
    ends: list[int] = []

    def add(rd: RawDate) -> None:
        i = bisect_left(starts, rd.start)
        if i > 0 and ends[i - 1] > rd.start:
            return
        if i < len(starts) and starts[i] < rd.end:
            return
        found.append(rd)
        starts.insert(i, rd.start)
        ends.insert(i, rd.end)

    # both shapes need "digit, separator, digit"; that check is fast, their lookbehinds are not
    numeric = _NUMERIC_SHAPE.search(t) is not None
    for m in _ISO.finditer(t) if numeric else ():
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and _valid(y, mo, d):
            add(RawDate(m.start(), m.end(), text[m.start() : m.end()], "full", y, mo, d))
    for m in _NUMERIC.finditer(t) if numeric else ():
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and _valid(y, mo, d):  # Indian order: day.month.year
            add(RawDate(m.start(), m.end(), text[m.start() : m.end()], "full", y, mo, d))
    if not relative and (dm := _DAY_MONTH.fullmatch(t)) and _valid(None, int(dm.group(2)), int(dm.group(1))):
        # a dateline's "୨।୯", "2/9": day and month, no year (Odia, Bengali and Hindi wires)
        add(RawDate(dm.start(1), dm.end(2), text[dm.start(1) : dm.end(2)], "yearless", None, int(dm.group(2)), int(dm.group(1))))
    if dates_ja.has_japanese(t):
        for rd in dates_ja.find_dates(text, RawDate, relative):  # 令和7年5月5日, 5日, 昨年8月
            add(rd)
    for h in hits:
        if h.kind != "month":
            continue
        mo = int(h.value)
        word = text[h.start : h.end]
        before = _DAY_BEFORE.search(t, max(0, h.start - 24), h.start)
        if before:
            y = _YEAR_AFTER.match(t, h.end, h.end + 10)
            d = int(before.group(1))
            e = int(before.group(2)) if before.group(2) else None
            year = int(y.group(1)) if y else None
            if e is not None and not (d < e <= 31):
                e = None
            if _valid(year, mo, d):
                end = y.end() if y else h.end
                add(
                    RawDate(
                        before.start(),
                        end,
                        text[before.start() : end],
                        "full" if year else "yearless",
                        year,
                        mo,
                        d,
                        e,
                    )
                )
            continue
        # "may" and "march" are words too: a lower-case one is a month only with a day before it
        ambiguous = (
            word.isascii() and word.lower().rstrip(".") in _AMBIGUOUS and not word[0].isupper()
        )
        if ambiguous:
            continue
        after = _DAY_AFTER.match(t, h.end, h.end + 24)
        if after:
            d = int(after.group(1))
            e = int(after.group(2)) if after.group(2) else None
            year = int(after.group(3)) if after.group(3) else None
            if e is not None and not (d < e <= 31):
                e = None
            if _valid(year, mo, d):
                add(
                    RawDate(
                        h.start,
                        after.end(),
                        text[h.start : after.end()],
                        "full" if year else "yearless",
                        year,
                        mo,
                        d,
                        e,
                    )
                )
                continue
        my = _MONTH_YEAR.match(t, h.end, h.end + 12)
        if my:
            add(RawDate(h.start, my.end(), text[h.start : my.end()], "month", int(my.group(1)), mo))
    if relative:
        for h in hits:
            if h.kind == "weekday":
                add(RawDate(h.start, h.end, text[h.start : h.end], "weekday", offset=h.value))
            elif h.kind == "relative":
                add(RawDate(h.start, h.end, text[h.start : h.end], "relative", offset=h.value))
            elif h.kind == "relative_month":
                add(RawDate(h.start, h.end, text[h.start : h.end], "relative_month", offset=h.value))
    # "25 फरवरी से 9 मार्च 2024": a year-less start takes the year of the range's end
    found.sort(key=lambda r: r.start)
    out: list[RawDate] = []
    for i, r in enumerate(found):
        if r.kind == "yearless" and i + 1 < len(found):
            nxt = found[i + 1]
            gap = t[r.end : nxt.start]
            if nxt.kind == "full" and len(gap) <= 12 and re.fullmatch(rf"{_RANGE}|\s*", gap):
                y = nxt.year if (r.month, r.day) <= (nxt.month, nxt.day) else nxt.year - 1
                if _valid(y, r.month, r.day):  # "29 फरवरी से 27 मार्च 2025": no 29 February in 2025
                    r = RawDate(r.start, r.end, r.text, "full", y, r.month, r.day, r.end_day)
            elif (
                nxt.kind == "yearless" and nxt.month == r.month and r.end_day is None and nxt.day > r.day
                and len(gap) <= 12 and re.fullmatch(_RANGE, gap)
            ):
                r = r._replace(end_day=nxt.day)  # "3 दिसंबर से 7 दिसंबर": one span, read as one
        out.append(r)
    return out


def said_in_past(text: str) -> bool:
    """A past-tense verb is there ("हुई", "held", "hua"), not merely no future one."""
    low = lower_same_length(text)
    return bool(_PAST_HI.search(low) or _PAST_EN.search(low) or _PAST_LATIN_HI.search(low))


# "will be held", "is to be signed": a past participle after a future auxiliary speaks of the future
_FUTURE_PASSIVE = re.compile(r"\b(?:will|shall|would|to|is to|are to|going to|set to)\s+(?:be|have been|get)\s+\w+")


class TenseIndex:
    """A sentence's future and past verbs, for placing each date in it in time. The first few
    questions are answered by searching from the date; a sentence that asks more (a page of a
    thousand dates) gets every verb found once and answers by binary search, so it stays linear."""

    _SEARCHES = 6

    def __init__(self, sentence: str) -> None:
        self.low = lower_same_length(sentence)
        self._asked = 0
        self._starts: dict[str, list[int]] = {}
        self._english: tuple[list[tuple[int, int]], list[tuple[int, int]]] | None = None
        self.other = _scripts.OTHER_SCRIPT.search(sentence) is not None  # Japanese, Bengali … Urdu verbs
        self.said: dict[int, bool | None] = {}  # per position asked: a verb decided (None: not yet known)
        self._passive_spans: list[tuple[int, int]] | None = None
        self._memo: dict[tuple[str, int], int | None] = {}
        self._about_to = "वाल" in self.low  # worth looking for "होने वाली" at all (asked once, not per date)

    def _first(self, name: str, rx: re.Pattern, pos: int) -> int | None:
        """Where the first match of `rx` at or after `pos` starts."""
        if self._asked < self._SEARCHES:
            key = (name, pos)
            if key not in self._memo:
                m = rx.search(self.low, pos)
                self._memo[key] = m.start() if m else None
            return self._memo[key]
        starts = self._starts.get(name)
        if starts is None:
            starts = self._starts[name] = [m.start() for m in rx.finditer(self.low)]
        i = bisect_left(starts, pos)
        return starts[i] if i < len(starts) else None

    def _future_hi(self, pos: int) -> int | None:
        f = self._first("fh", _FUTURE_HI, pos)
        if self._about_to:
            a = self._first("about", _ABOUT_TO_HI, pos)
            if a is not None and (f is None or a < f):
                return a
        return f

    @property
    def english(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        if self._english is None:
            low = self.low
            passive = [(m.start(), m.end()) for m in _FUTURE_PASSIVE.finditer(low)] if "be" in low else []
            fe = [(m.start(), m.end()) for m in _FUTURE_EN.finditer(low)]
            pe = [(m.start(), m.end()) for m in _PAST_EN.finditer(low) if not any(a < m.start() < b for a, b in passive)]
            self._english = (fe, pe)
            self._ends = ([b for _a, b in fe], [b for _a, b in pe])
        return self._english

    def _passive(self) -> list[tuple[int, int]]:
        if self._passive_spans is None:
            self._passive_spans = [(m.start(), m.end()) for m in _FUTURE_PASSIVE.finditer(self.low)] if "be" in self.low else []
        return self._passive_spans

    def _english_before(self, pos: int) -> tuple[int, int]:
        """Where the last English future and past verbs before `pos` start (-1: none)."""
        if self._asked > self._SEARCHES:
            fe, pe = self.english
            nf, np_ = bisect_right(self._ends[0], pos), bisect_right(self._ends[1], pos)
            return (fe[nf - 1][0] if nf else -1), (pe[np_ - 1][0] if np_ else -1)
        if pos <= 0:
            return -1, -1
        last_f = last_p = -1
        for m in _FUTURE_EN.finditer(self.low, 0, pos):
            last_f = m.start()
        passive = None
        for m in _PAST_EN.finditer(self.low, 0, pos):
            if passive is None:
                passive = self._passive()
            if not any(a < m.start() < b for a, b in passive):
                last_p = m.start()
        return last_f, last_p

    def _english_after(self, pos: int) -> tuple[bool, bool]:
        """Whether an English future, and a past, verb starts at or after `pos`."""
        if self._asked > self._SEARCHES:
            fe, pe = self.english
            return bool(fe and fe[-1][0] >= pos), bool(pe and pe[-1][0] >= pos)
        fut = _FUTURE_EN.search(self.low, pos) is not None
        if not fut:
            return False, False  # the only question asked of it: a future verb and no past one
        passive = self._passive()
        past = any(not any(a < m.start() < b for a, b in passive) for m in _PAST_EN.finditer(self.low, pos))
        return True, past

    def explicit(self, pos: int) -> bool:
        """Whether any verb placed the clause in time, rather than the default of the past."""
        if any(
            x is not None
            for x in (self._future_hi(0), self._first("ph", _PAST_HI, 0), self._first("fl", _FUTURE_LATIN_HI, 0), self._first("pl", _PAST_LATIN_HI, 0))
            + ((self._first("fo", _scripts.FUTURE, 0), self._first("po", _scripts.PAST, 0)) if self.other else ())
        ):
            return True
        if _FUTURE_EN.search(self.low) is not None:
            return True
        return any(not any(a < m.start() < b for a, b in self._passive()) for m in _PAST_EN.finditer(self.low))

    def at(self, pos: int) -> str:
        self._default = False
        when = self._at(pos)
        self.said[pos] = None if self._default else True
        return when

    def decided_by_a_verb(self, pos: int) -> bool:
        """Whether a verb placed the date at `pos` in time, rather than the default of the past."""
        if pos not in self.said:
            self.at(pos)
        if self.said[pos] is None:
            self.said[pos] = self.explicit(pos)
        return self.said[pos]

    def _at(self, pos: int) -> str:
        self._asked += 1
        # Hindi puts the verb after the date; English usually before it
        fh, ph = self._future_hi(pos), self._first("ph", _PAST_HI, pos)
        if fh is not None or ph is not None:
            return "future" if fh is not None and (ph is None or fh <= ph + 12) else "past"
        if self.other:
            fo, po = self._first("fo", _scripts.FUTURE, pos), self._first("po", _scripts.PAST, pos)
            if fo is not None or po is not None:
                # Japanese, Bengali … Urdu put the verb after the date, as Hindi does (scripts.py)
                return "future" if fo is not None and (po is None or fo <= po + 12) else "past"
        fl, pl = self._first("fl", _FUTURE_LATIN_HI, pos), self._first("pl", _PAST_LATIN_HI, pos)
        if fl is not None or pl is not None:
            # Romanised Hindi, like Hindi, puts the verb after the date
            return "future" if fl is not None and (pl is None or fl <= pl + 12) else "past"
        last_f, last_p = self._english_before(pos)
        if last_f >= 0 or last_p >= 0:
            return "future" if last_f > last_p else "past"
        if self._english_after(pos) == (True, False):
            return "future"
        first_fh, first_ph = self._future_hi(0), self._first("ph", _PAST_HI, 0)
        if first_fh is not None and first_fh < pos and not (first_ph is not None and first_ph < pos):
            return "future"
        self._default = True  # reached the default: whether any verb is there is asked only if needed
        return "past"


def tense(sentence: str, pos: int | None = None) -> str:
    """'future' or 'past' for the clause around `pos`: decides "कल" and year-less dates."""
    return TenseIndex(sentence).at(pos or 0)


def iso(d: date) -> str:
    return d.isoformat()


def resolve(r: RawDate, published: date | None, when: str = "past") -> tuple[str | None, str | None]:
    """(value, end value) of a raw date: ISO, YYYY-MM, XXXX-MM-DD, or None when unknowable (also
    when counting from the page date leaves the calendar: year 0, year 10000)."""
    try:
        if r.kind == "day" or r.offset[:1] in ("m", "y"):
            return dates_ja.resolve(r, published, when)  # a day alone (本2日), a month of 昨年
        return _resolve(r, published, when)
    except (ValueError, OverflowError):
        return None, None


def _resolve(r: RawDate, published: date | None, when: str) -> tuple[str | None, str | None]:
    if r.kind == "full":
        end = (
            iso(date(r.year, r.month, r.end_day))
            if r.end_day and _valid(r.year, r.month, r.end_day)
            else None
        )
        return iso(date(r.year, r.month, r.day)), end
    if r.kind == "month":
        return f"{r.year:04d}-{r.month:02d}", None
    if r.kind == "yearless":
        if published is None:
            end = f"XXXX-{r.month:02d}-{r.end_day:02d}" if r.end_day else None
            return f"XXXX-{r.month:02d}-{r.day:02d}", end
        year = published.year
        if r.end_day and (r.month, r.day) <= (published.month, published.day) <= (r.month, r.end_day):
            pass  # "1 से 14 नवंबर तक चलेगा" on 5 November: under way this year, whatever the tense
        elif when == "future":
            # a planned event: the earliest such date not before the page date
            if (r.month, r.day) < (published.month, published.day):
                year += 1
        elif (r.month, r.day) > (published.month, published.day):
            # a report: the latest such date not after the page date ("20 December" in January)
            year -= 1
        if not _valid(year, r.month, r.day):
            return None, None
        end = (
            iso(date(year, r.month, r.end_day))
            if r.end_day and _valid(year, r.month, r.end_day)
            else None
        )
        return iso(date(year, r.month, r.day)), end
    if published is None:
        return None, None
    if r.kind == "relative_month":
        # "next month" in a December report is January of the next year
        m = published.year * 12 + published.month - 1 + int(r.offset)
        return f"{m // 12:04d}-{m % 12 + 1:02d}", None
    if r.kind == "weekday":
        wd = int(r.offset)
        if when == "future":
            delta = (wd - published.weekday()) % 7
            return iso(published + timedelta(days=delta)), None
        delta = (published.weekday() - wd) % 7
        return iso(published - timedelta(days=delta)), None
    spec = r.offset
    if spec == "kal":
        days = 1 if when == "future" else -1
    elif spec == "parson":
        days = 2 if when == "future" else -2
    else:
        days = int(spec)
    return iso(published + timedelta(days=days)), None


def parse_date_string(value: str | None, kb) -> date | None:
    """A publication date from metadata or a page-date line: ISO first, our patterns, then dateparser."""
    if not value:
        return None
    s = ascii_digits(str(value).strip())
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"^((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})", s)
    if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for r in find_dates(s, kb, relative=False):
        if r.kind == "full":
            return date(r.year, r.month, r.day)
    try:
        import dateparser  # heavy import: only for metadata strings our patterns did not read

        dt = dateparser.parse(
            s,
            languages=["en", "hi"],
            settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year", "month", "day"]},
        )
    except Exception:  # dateparser raises assorted errors on junk; junk is simply not a date
        dt = None
    return dt.date() if dt else None
