"""Date spans in Hindi and English text, resolved against the publication date.

Spans are found with our own patterns (dateparser's search reads "2+2" and "10 वर्षों" as dates and
is far too slow per sentence); dateparser is kept for free-form metadata strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

_DIGITS = {}
for _base in (0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0660, 0x06F0):
    for _i in range(10):
        _DIGITS[_base + _i] = str(_i)
DIGIT_TABLE = str.maketrans(_DIGITS)

_HI = "\u0900-\u097f"
_FUTURE_HI = re.compile(
    rf"(?:ेंगे|ेंगी|ेगा|ेगी|ूंगा|ूँगा|ोगे|एंगे|एँगे|एगा|एगी|होगा|होगी|होंगे|जाएगा|जाएगी|जाएंगे)(?![{_HI}])"
)
_PAST_HI = re.compile(
    rf"(?<![{_HI}])(?:था|थी|थे|गया|गई|गए|गयी|गये|हुआ|हुई|हुए|हुईं|किया|लिया|दिया|कहा|मिले|बताया)(?![{_HI}])"
)
_FUTURE_LATIN_HI = re.compile(r"\b\w+(?:ega|egi|enge|engi|oge|unga|ungi)\b|\b(?:hoga|hogi|honge)\b", re.I)
_PAST_LATIN_HI = re.compile(r"\b(?:tha|thi|hua|hui|hue|gaya|gayi|gaye|gai|kiya|kiye|liya|liye|diya|mila|mile|ki thi|ho gaya)\b", re.I)
_FUTURE_EN = re.compile(
    r"\b(?:will|shall|would|is to|are to|to be held|scheduled|going to|set to|slated|next|upcoming|plans? to|expected to)\b",
    re.I,
)
_PAST_EN = re.compile(
    r"\b(?:was|were|had|held|met|said|signed|discussed|agreed|called|visited|took|spoke|concluded|reviewed|began|ended|hosted|expressed|welcomed|condemned|attended)\b",
    re.I,
)
_YEAR = r"((?:19|20)\d\d)"
_ORD = r"(?:st|nd|rd|th)?"
_RANGE = r"(?:\s*(?:-|–|—|से|to|and|till|until|तक|व|और|एवं|se|aur)\s*)"


@dataclass(frozen=True)
class RawDate:
    start: int
    end: int
    text: str
    kind: str  # full | yearless | month | relative | weekday
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_day: int | None = None  # "10-15 October": last day of the range
    offset: str = ""  # relative spec: "0", "-1", "kal", "parson" or a weekday number


@lru_cache(maxsize=8)
def _patterns(month_words: tuple[str, ...], weekday_words: tuple[str, ...], relative_words: tuple[str, ...]):
    def alt(words):
        variants = set()
        for w in words:
            variants.add(re.escape(w))
            if "\u093c" in w:
                variants.add(re.escape(w.replace("\u093c", "")))
            else:
                # accept an inserted nukta anywhere (फ़रवरी for फरवरी)
                variants.add("\u093c?".join(re.escape(c) for c in w))
        return "|".join(sorted(variants, key=len, reverse=True))

    mon = rf"({alt(month_words)})\.?"
    b = rf"(?![{_HI}\w])"  # word end that understands Hindi vowel signs
    a = rf"(?<![{_HI}\w])"
    day_mon = re.compile(
        rf"{a}(\d{{1,2}}){_ORD}(?:{_RANGE}(\d{{1,2}}){_ORD})?(?:\s*|[-/ ]|\s+of\s+),?\s*{mon}{b}(?:[\s,/-]*{_YEAR}(?!\d))?",
        re.I,
    )
    mon_day = re.compile(
        rf"{a}{mon}\s+(\d{{1,2}}){_ORD}(?!\d)(?:{_RANGE}(\d{{1,2}}){_ORD}(?!\d))?(?:,?\s+{_YEAR}(?!\d))?",
        re.I,
    )
    numeric = re.compile(r"(?<![\d.:/])(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d)(?![\d./])")
    iso = re.compile(r"(?<![\d./-])((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?![\d])")
    mon_year = re.compile(rf"{a}{mon}{b},?\s*(?:के\s+)?{_YEAR}(?!\d)", re.I)
    weekday = re.compile(rf"{a}({alt(weekday_words)}){b}", re.I)
    relative = re.compile(rf"{a}({alt(relative_words)}){b}", re.I)
    return day_mon, mon_day, numeric, iso, mon_year, weekday, relative


def _valid(y: int | None, m: int, d: int) -> bool:
    try:
        date(y or 2000, m, d)  # 2000 is a leap year: 29 February stays valid without a year
        return True
    except ValueError:
        return False


def find_dates(text: str, months: dict[str, int], weekdays: dict[str, int], relative: dict[str, str]) -> list[RawDate]:
    """Every date-like span in `text` (offsets into `text`), overlapping spans removed."""
    t = text.translate(DIGIT_TABLE)
    day_mon, mon_day, numeric, iso, mon_year, weekday, rel = _patterns(
        tuple(months), tuple(weekdays), tuple(relative)
    )

    def month_of(word: str) -> int | None:
        w = word.lower().rstrip(".").replace("\u093c", "")
        return months.get(w) or months.get(word.lower().rstrip("."))

    found: list[RawDate] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    def add(rd: RawDate) -> None:
        if free(rd.start, rd.end):
            found.append(rd)
            taken.append((rd.start, rd.end))

    for m in iso.finditer(t):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and _valid(y, mo, d):
            add(RawDate(m.start(), m.end(), text[m.start() : m.end()], "full", y, mo, d))
    for m in numeric.finditer(t):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and _valid(y, mo, d):  # Indian order: day.month.year
            add(RawDate(m.start(), m.end(), text[m.start() : m.end()], "full", y, mo, d))
    for rx, order in ((day_mon, "dm"), (mon_day, "md")):
        for m in rx.finditer(t):
            if order == "dm":
                d1, d2, mw, y = m.group(1), m.group(2), m.group(3), m.group(4)
            else:
                mw, d1, d2, y = m.group(1), m.group(2), m.group(3), m.group(4)
            mo = month_of(mw)
            if not mo:
                continue
            d = int(d1)
            # "the range 10-15 October": start day d1, end day d2
            e = int(d2) if d2 else None
            if e is not None and not (d < e <= 31):
                e = None
            if not _valid(int(y) if y else None, mo, d):
                continue
            if mw.lower().rstrip(".") in ("may", "mar", "jun", "jul", "dec", "oct", "nov", "sep", "aug", "jan", "feb", "apr") and not y and order == "md":
                # "may 5" is a month, but "may" alone is a verb: require a capital M for bare "May N"
                if not mw[0].isupper():
                    continue
            kind = "full" if y else "yearless"
            add(RawDate(m.start(), m.end(), text[m.start() : m.end()], kind, int(y) if y else None, mo, d, e))
    for m in mon_year.finditer(t):
        mo = month_of(m.group(1))
        if mo and (m.group(1)[0].isupper() or not m.group(1).isascii()):
            add(RawDate(m.start(), m.end(), text[m.start() : m.end()], "month", int(m.group(2)), mo))
    for m in weekday.finditer(t):
        wd = weekdays.get(m.group(1).lower())
        if wd is not None:
            add(RawDate(m.start(), m.end(), text[m.start() : m.end()], "weekday", offset=str(wd)))
    for m in rel.finditer(t):
        spec = relative.get(m.group(1).lower())
        if spec is not None:
            add(RawDate(m.start(), m.end(), text[m.start() : m.end()], "relative", offset=spec))
    # "25 फरवरी से 9 मार्च 2024": a year-less start takes the year of the range's end
    found.sort(key=lambda r: r.start)
    out: list[RawDate] = []
    for i, r in enumerate(found):
        if r.kind == "yearless" and i + 1 < len(found):
            nxt = found[i + 1]
            gap = t[r.end : nxt.start]
            if nxt.kind == "full" and len(gap) <= 12 and re.fullmatch(rf"{_RANGE}|\s*", gap):
                y = nxt.year if (r.month, r.day) <= (nxt.month, nxt.day) else nxt.year - 1
                r = RawDate(r.start, r.end, r.text, "full", y, r.month, r.day, r.end_day)
        out.append(r)
    return out


def tense(sentence: str, pos: int | None = None) -> str:
    """'future' or 'past' for the clause around `pos`: decides "कल" and year-less dates."""
    if pos is None:
        pos = 0
    after, before = sentence[pos:], sentence[:pos]
    # Hindi puts the verb after the date; English usually before it
    fh, ph = _FUTURE_HI.search(after), _PAST_HI.search(after)
    if fh or ph:
        if fh and (not ph or fh.start() <= ph.start() + 12):
            return "future"
        return "past"
    fl, pl = _FUTURE_LATIN_HI.search(after), _PAST_LATIN_HI.search(after)
    if fl or pl:
        # Romanised Hindi, like Hindi, puts the verb after the date
        if fl and (not pl or fl.start() <= pl.start() + 12):
            return "future"
        return "past"
    fe = list(_FUTURE_EN.finditer(before))
    pe = list(_PAST_EN.finditer(before))
    if fe or pe:
        last_f = fe[-1].start() if fe else -1
        last_p = pe[-1].start() if pe else -1
        return "future" if last_f > last_p else "past"
    if _FUTURE_EN.search(after) and not _PAST_EN.search(after):
        return "future"
    if _FUTURE_HI.search(before) and not _PAST_HI.search(before):
        return "future"
    return "past"


def iso(d: date) -> str:
    return d.isoformat()


def resolve(r: RawDate, published: date | None, when: str = "past") -> tuple[str | None, str | None]:
    """(value, end value) of a raw date: ISO, YYYY-MM, XXXX-MM-DD, or None when unknowable."""
    if r.kind == "full":
        end = iso(date(r.year, r.month, r.end_day)) if r.end_day and _valid(r.year, r.month, r.end_day) else None
        return iso(date(r.year, r.month, r.day)), end
    if r.kind == "month":
        return f"{r.year:04d}-{r.month:02d}", None
    if r.kind == "yearless":
        if published is None:
            end = f"XXXX-{r.month:02d}-{r.end_day:02d}" if r.end_day else None
            return f"XXXX-{r.month:02d}-{r.day:02d}", end
        year = published.year
        if when == "future":
            # a planned event: the earliest such date not before the page date
            if (r.month, r.day) < (published.month, published.day):
                year += 1
        elif (r.month, r.day) > (published.month, published.day):
            # a report: the latest such date not after the page date ("20 December" in January)
            year -= 1
        if not _valid(year, r.month, r.day):
            return None, None
        end = iso(date(year, r.month, r.end_day)) if r.end_day and _valid(year, r.month, r.end_day) else None
        return iso(date(year, r.month, r.day)), end
    if published is None:
        return None, None
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


def parse_date_string(value: str | None, months: dict[str, int], weekdays: dict[str, int]) -> date | None:
    """A publication date from metadata or a page-date line: ISO first, our patterns, then dateparser."""
    if not value:
        return None
    s = str(value).strip().translate(DIGIT_TABLE)
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"^((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})", s)
    if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for r in find_dates(s, months, weekdays, {}):
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
