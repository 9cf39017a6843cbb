"""Japanese dates: era years (令和7年, 平成30年, 令和元年), 2025年5月5日, ５月５日, a day alone (本2日,
20日夜, 今月3日, 先月20日), 昨年8月, ranges (2月3日～14日) and fiscal years (令和7年度).

dateparser reads no era year and ja-timex pins a beta pendulum, so this is a small matcher of our
own. It returns the RawDate records dates.py returns, so the engagement logic reads them unchanged;
what Hindi and English never write (a day without its month, a month of "last year") is said in
RawDate's kind and offset, and `resolve` below turns it into a date against the page's date.
"""

from __future__ import annotations

import re
from datetime import date

# the first year of each era, less one: 令和元年 (year 1) is 2019
ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_CJK = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
_FULLWIDTH_DIGITS = str.maketrans({0xFF10 + i: str(i) for i in range(10)})
_D = r"(\d{1,2})"
_TILDE = r"(?:\s*[～〜~－\-–]\s*|から)"
# "令和7年", "平成30年", "令和元年", "2025年"; "年度" makes it a fiscal year
_YEAR = rf"(?:(?P<era>{'|'.join(ERAS)})\s*(?P<eyear>元|\d{{1,2}})|(?P<gyear>(?:19|20)\d\d))\s*年(?P<fy>度)?"
# a year said relative to the page's: 昨年 (last year), 今年/本年 (this year), 来年 (next year)
_REL_YEAR = r"(?P<ryear>昨年|一昨年|今年|本年|来年|同年)"
# a month said relative to the page's: 先月, 今月, 本月, 来月
_REL_MONTH = r"(?P<rmonth>先月|今月|本月|来月|同月)"
_WEEKDAY = r"(?:\s*[（(][月火水木金土日](?:曜日?)?[)）])?"
_FULL = re.compile(
    rf"(?:{_YEAR}\s*|{_REL_YEAR})?(?<!\d){_D}\s*月(?:\s*{_D}\s*日(?!間){_WEEKDAY}(?:{_TILDE}(?:{_D}\s*月\s*)?{_D}\s*日{_WEEKDAY}(?:まで)?)?)?"
)
_FISCAL = re.compile(rf"{_YEAR}(?!\s*\d{{1,2}}\s*月)")
_YEAR_OFFSETS = {"昨年": -1, "一昨年": -2, "今年": 0, "本年": 0, "来年": 1, "同年": 0}
_MONTH_OFFSETS = {"先月": -1, "今月": 0, "本月": 0, "来月": 1, "同月": 0}
# a day alone: "5日", "本2日", "今月3日", "先月20日", "20日夜"; not a length ("5日間") or a shift ("3日後")
_DAY = re.compile(
    rf"(?:(?P<hon>本)|{_REL_MONTH}|(?<![\d月年.]))(?P<day>\d{{1,2}})\s*日(?!間|連続|以内|以上|前|後|目|ぶり|分|未満|程度|余り)"
    rf"{_WEEKDAY}(?:{_TILDE}(?P<end>\d{{1,2}})\s*日(?!間))?"
)


def has_japanese(text: str) -> bool:
    return _CJK.search(text) is not None


def _valid(y: int | None, m: int, d: int) -> bool:
    try:
        date(y or 2000, m, d)
        return True
    except ValueError:
        return False


def find_dates(text: str, raw_date, relative: bool = True) -> list:
    """Date spans in Japanese text as `raw_date` (dates.RawDate) records, offsets into `text`.

    Kinds: full, month, yearless (as dates.py), and day (a day without its month). A month or a
    day said against the page's date carries it in `offset`: "y-1" (昨年), "m-1" (先月), "m0" (本2日).
    With relative=False (page-date lines, datelines) only dates that stand on their own are read.
    """
    t = text.translate(_FULLWIDTH_DIGITS)
    out = []
    taken: list[tuple[int, int]] = []
    for m in _FISCAL.finditer(t) if "度" in t else ():
        if m.group("fy"):
            # a fiscal year runs from April of that year to March of the next
            g = m.groupdict()
            year = ERAS[g["era"]] + (1 if g["eyear"] == "元" else int(g["eyear"])) if g["era"] else int(g["gyear"])
            out.append(raw_date(m.start(), m.end(), text[m.start() : m.end()], "month", year, 4))
            taken.append((m.start(), m.end()))
    for m in _FULL.finditer(t) if "月" in t else ():
        g = m.groupdict()
        year = None
        offset = ""
        if g["era"]:
            n = 1 if g["eyear"] == "元" else int(g["eyear"])
            year = ERAS[g["era"]] + n
        elif g["gyear"]:
            year = int(g["gyear"])
        elif g["ryear"]:
            offset = f"y{_YEAR_OFFSETS[g['ryear']]:+d}".replace("+0", "0")
        month, day, end_month, end_day = m.groups()[-4:]
        if g["fy"]:
            continue  # "令和7年度5月": rare; the fiscal year was read above
        mo = int(month)
        if not 1 <= mo <= 12:
            continue
        if offset and not relative:
            continue
        span = (m.start(), m.end())
        if day is None:
            if year is None and not offset:
                continue  # "5月" alone: the month of an unstated year, too vague to keep
            out.append(raw_date(*span, text[span[0] : span[1]], "month", year, mo, offset=offset))
            taken.append(span)
            continue
        d = int(day)
        if not _valid(year, mo, d):
            continue
        e = int(end_day) if end_day else None
        if e is not None and (end_month and int(end_month) != mo or not d < e <= 31):
            e = None  # "3月29日～4月1日": the start is the date; the span's end is its own date
        kind = "full" if year else "yearless"
        out.append(raw_date(*span, text[span[0] : span[1]], kind, year, mo, d, e, offset))
        taken.append(span)
    if relative:
        taken.sort()
        j = 0
        for m in _DAY.finditer(t):
            # spans already read, walked once in order (a page of many dates stays linear)
            while j < len(taken) and taken[j][1] <= m.start():
                j += 1
            if j < len(taken) and taken[j][0] < m.end():
                continue
            d = int(m.group("day"))
            if not 1 <= d <= 31:
                continue
            if m.group("hon"):
                offset = "m0"  # 本2日: "today, the 2nd"
            elif m.group("rmonth"):
                offset = f"m{_MONTH_OFFSETS[m.group('rmonth')]:+d}".replace("+0", "0")
            else:
                offset = ""
            e = int(m.group("end")) if m.group("end") else None
            if e is not None and not d < e <= 31:
                e = None
            out.append(raw_date(m.start(), m.end(), text[m.start() : m.end()], "day", None, None, d, e, offset))
    return out


def _shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def resolve(r, published: date | None, when: str = "past") -> tuple[str | None, str | None]:
    """(value, end value) of a day alone or of a month or date said against the page's date."""
    iso = date.isoformat
    if r.kind == "day":
        if published is None:
            end = f"XXXX-XX-{r.end_day:02d}" if r.end_day else None
            return f"XXXX-XX-{r.day:02d}", end
        y, mo = published.year, published.month
        if r.offset:
            y, mo = _shift_month(y, mo, int(r.offset[1:] or 0))
        elif when == "future" and r.day < published.day:
            y, mo = _shift_month(y, mo, 1)  # "20日に訪問する" on the 25th: next month's 20th
        elif when != "future" and r.day > published.day and not (r.end_day and r.end_day >= published.day):
            y, mo = _shift_month(y, mo, -1)  # "20日に会談した" on the 5th: last month's 20th
        if not _valid(y, mo, r.day):
            return None, None
        end = iso(date(y, mo, r.end_day)) if r.end_day and _valid(y, mo, r.end_day) else None
        return iso(date(y, mo, r.day)), end
    # a month or a date of "last year" (昨年8月), "this year" (今年5月5日)
    if published is None:
        return None, None
    y = published.year + int(r.offset[1:] or 0)
    if r.kind == "month":
        return f"{y:04d}-{r.month:02d}", None
    if not _valid(y, r.month, r.day):
        return None, None
    end = iso(date(y, r.month, r.end_day)) if r.end_day and _valid(y, r.month, r.end_day) else None
    return iso(date(y, r.month, r.day)), end

