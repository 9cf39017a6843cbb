"""From raw article text to a clean title and body: slug titles, boilerplate, page dates, datelines.

Boilerplate patterns come from data/knowledge/boilerplate.csv; this module only applies them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_HI = "\u0900-\u097f"
_ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = {ord(c): " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"}
_SENT_END = re.compile(r"[।॥?!]+|\.(?=\s|$)|\n")
_ABBREV = {
    "dr", "mr", "mrs", "ms", "gen", "lt", "col", "adm", "capt", "cdr", "maj", "brig", "sh", "shri",
    "smt", "no", "st", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "govt", "dept", "est", "approx", "etc", "i.e", "e.g", "u.s", "u.k", "inc", "ltd",
    "co", "jr", "sr", "vol", "fig", "rs", "prof", "hon", "h.e", "p.m", "a.m", "ft", "km",
}
_AGENCY = r"(?:ANI|PTI|IANS|UNI|Reuters|AFP|AP|Kyodo|भाषा|वार्ता|एजेंसी|आईएएनएस|एएनआई|पीटीआई|यूएनआई|ब्यूरो)"
_DATELINE = re.compile(
    rf"^(?P<head>[A-Z{_HI}][A-Za-z{_HI} .'/]{{1,40}}?(?:\s*\[[A-Za-z ]{{2,20}}\])?"
    rf"(?:\s*,\s*(?P<date>[A-Za-z{_HI}0-9०-९ .]{{3,22}}?))?"
    rf"(?:\s*\(\s*{_AGENCY}\s*\))?)\s*(?P<sep>।|:|\|| - | – | — | -- )\s*",
)
_SLUG_HINT = re.compile(r"\w+-\w+-\w+", re.UNICODE)


@dataclass
class Cleaned:
    title: str
    body: str
    page_dates: list[str] = field(default_factory=list)  # texts of page-date lines
    dateline: str | None = None
    dateline_date: str | None = None
    warnings: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    """NFC, no zero-width characters, plain spaces, Unix newlines: the one form we store and index."""
    t = unicodedata.normalize("NFC", text).translate(_ZW).translate(_SPACES)
    return t.replace("\r\n", "\n").replace("\r", "\n")


def deslug(title: str) -> str:
    """'Rajnath Singh -strengthens-defence-ties-with-Japan' -> 'Rajnath Singh strengthens defence ties with Japan'."""
    t = title.strip()
    if "/" in t and re.match(r"^(https?://|www\.)", t):
        t = t.rstrip("/").rsplit("/", 1)[-1]
    if _SLUG_HINT.search(t) or ("_" in t and " " not in t):
        t = re.sub(r"\.(html?|php|aspx?|cms)$", "", t)
        t = re.sub(r"[-_](?:\d{5,}|[0-9a-f]{8,})$", "", t)  # trailing story ids
        t = re.sub(r"\s*[-_]+\s*", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def _is_title_line(line: str) -> bool:
    if len(line) > 250 or len(line) < 3:
        return False
    if _SLUG_HINT.search(line) and line.count(" ") <= 4:
        return True
    return not re.search(r"[।.!?:]\s*$", line) or line.endswith("?") or line.endswith("!")


def _key(s: str) -> str:
    return re.sub(r"[\W_]+", "", deslug(s).lower())


def clean(raw: str, boilerplate: list[tuple[re.Pattern, str]], meta_title: str | None = None) -> Cleaned:
    text = normalise(raw)
    lines = [ln.strip() for ln in text.split("\n")]
    warnings: list[str] = []
    title = deslug(normalise(meta_title)) if meta_title else ""
    i = 0
    while i < len(lines) and not lines[i]:
        i += 1
    if not title and i < len(lines) and _is_title_line(lines[i]):
        nxt = i + 1
        while nxt < len(lines) and not lines[nxt]:
            nxt += 1
        # a lone first line followed by body text is the title; so is a line repeated twice
        if nxt < len(lines) and (
            _key(lines[nxt]) == _key(lines[i]) or not _DATELINE.match(lines[i] + " ")
        ):
            title = deslug(lines[i])
            lines[i] = ""
    # drop repeats of the title at the top of the body (the seed repeats its slug title)
    if title:
        tkey = _key(title)
        for j in range(len(lines)):
            if lines[j]:
                if _key(lines[j]) == tkey:
                    lines[j] = ""
                    continue
                break

    kept: list[str] = []
    page_dates: list[str] = []
    for line in lines:
        if not line:
            kept.append("")
            continue
        action = None
        for rx, act in boilerplate:
            if rx.search(line):
                action = act
                break
        if action == "drop_rest":
            break
        if action == "page_date":
            page_dates.append(line)
            continue
        if action in ("drop_line", "byline"):
            continue
        if _looks_like_nav(line):
            continue
        kept.append(line)

    # paragraphs: blank lines separate, single newlines kept (headings stay on their own line)
    body = "\n".join(kept)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    # a bare date line at the very top is the page date, not article text
    m = re.match(r"^([^\n]{4,40})\n", body)
    if m and _bare_date_line(m.group(1)):
        page_dates.append(m.group(1))
        body = body[m.end() :].lstrip()
    dateline = dateline_date = None
    m = _DATELINE.match(body)
    if m and _plausible_dateline(m):
        dateline = m.group("head").strip()
        dateline_date = (m.group("date") or "").strip() or None
        body = body[m.end() :]
    if not title:
        first = re.split(r"(?<=[।.!?])\s", body, maxsplit=1)[0]
        title = first[:120].rstrip() + ("…" if len(first) > 120 else "")
        warnings.append("no title found; using the first sentence")
    return Cleaned(title, body, page_dates, dateline, dateline_date, warnings)


def _looks_like_nav(line: str) -> bool:
    """'Home | India | World | Defence' and hashtag or URL-only lines are page furniture."""
    if line.count("|") >= 3 and len(line) / (line.count("|") + 1) < 18:
        return True
    if re.fullmatch(r"(#\S+\s*)+", line) or re.fullmatch(r"(https?://\S+\s*)+", line):
        return True
    return False


_DATE_LINE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*|[" + _HI + r"]+वार,?\s*)?"
    r"[\w" + _HI + r" ,.:/-]{4,40}$",
    re.I,
)


def _bare_date_line(line: str) -> bool:
    return bool(re.search(r"(?:19|20|१९|२०)[\d०-९]{2}", line)) and bool(_DATE_LINE.match(line)) and len(line.split()) <= 7


def _plausible_dateline(m: re.Match) -> bool:
    head = m.group("head")
    words = head.split()
    if len(words) > 7:
        return False
    if m.group("sep") in (":", "|") and not (m.group("date") or "(" in head or head.isupper() or "[" in head):
        # "NEW DELHI:" style needs capitals; "Tokyo: ..." needs an agency or a date
        return len(words) <= 3 and head.split()[0].isupper()
    if m.group("sep") == "।":
        return len(words) <= 4
    return True


def split_sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans over the body: danda, ?, !, a full stop that is not an abbreviation, newlines."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(body):
        end = m.end()
        if m.group().startswith("."):
            prev = re.search(r"([\w.]+)\.$", body[start : m.start() + 1])
            word = prev.group(1).lower() if prev else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        seg = body[start:end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            spans.append((start + lead, start + trail))
        start = end
    if body[start:].strip():
        seg = body[start:]
        lead = len(seg) - len(seg.lstrip())
        spans.append((start + lead, start + len(seg.rstrip())))
    return spans
