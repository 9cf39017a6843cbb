"""A feed item's own date. feedparser reads RFC 822 and W3C dates well, and anything else badly:
"2025年5月5日" comes back as 1 December. Other shapes go to our own readers: a small one for
Japanese (Y年M月D日, with era years) and the parser's date reader for Hindi and English.
"""

from __future__ import annotations

import re
import time
import unicodedata
from datetime import date

_RFC822 = re.compile(
    r"^\s*(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3,9}\s+\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:[A-Za-z]{1,5}|[+-]\d{4})?\s*$"
)
_W3C = re.compile(r"^\s*\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_JA = re.compile(r"(?:(令和|平成|昭和)\s*(\d{1,2}|元)|(\d{4}))\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ERA = {"令和": 2018, "平成": 1988, "昭和": 1925}


def japanese_date(text: str) -> date | None:
    """2025年5月5日, ２０２５年５月５日, 令和7年5月5日 (元年 = the era's first year)."""
    m = _JA.search(unicodedata.normalize("NFKC", text))
    if not m:
        return None
    era, era_year, year, month, day = m.groups()
    if era:
        year = _ERA[era] + (1 if era_year == "元" else int(era_year))
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def item_date(raw: str | None, parsed: time.struct_time | None, kb=None) -> str | None:
    """ISO date of a feed or sitemap item: feedparser's reading only where it is reliable."""
    if raw and (_RFC822.match(raw) or _W3C.match(raw)) and parsed:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    if not raw:
        return None
    d = japanese_date(raw)
    if d is None:
        from dashboard.parse.dates import parse_date_string

        if kb is None:
            from dashboard import knowledge

            kb = knowledge.default()
        d = parse_date_string(raw, kb)
    return d.isoformat() if d else None
