"""From raw article text to a clean title and body: slug titles, boilerplate, page dates, datelines.

Boilerplate patterns come from data/knowledge/boilerplate.csv; this module only applies them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from dashboard.parse import scripts as _scripts

_HI = "\u0900-\u097f"
_OTHER = _scripts.OTHER_INDIC_ARABIC
_ZW_RX = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE_RX = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_SENT_END = re.compile(r"[।॥?!。！？۔؟]+|\.(?=\s|$)|\n")
_WORD_BEFORE_STOP = re.compile(r"([\w.]+)\.$")
_WORD_OR_DOT = re.compile(r"[\w.]")
_ABBREV_WINDOW = 12
_ABBREV = {
    "dr",
    "mr",
    "mrs",
    "ms",
    "gen",
    "lt",
    "col",
    "adm",
    "capt",
    "cdr",
    "maj",
    "brig",
    "sh",
    "shri",
    "smt",
    "no",
    "st",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "govt",
    "dept",
    "est",
    "approx",
    "etc",
    "i.e",
    "e.g",
    "u.s",
    "u.k",
    "inc",
    "ltd",
    "co",
    "jr",
    "sr",
    "vol",
    "fig",
    "rs",
    "prof",
    "hon",
    "h.e",
    "p.m",
    "a.m",
    "ft",
    "km",
}
_AGENCY = (
    r"(?:ANI|PTI|IANS|UNI|Reuters|AFP|AP|Kyodo|भाषा|वार्ता|एजेंसी|आईएएनएस|एएनआई|पीटीआई|यूएनआई|ब्यूरो)"
)
_AGENCY_RX = re.compile(_AGENCY, re.I)
_DATELINE = re.compile(
    rf"^(?P<head>[A-Z{_HI}{_OTHER}][A-Za-z{_HI}{_OTHER} .'/]{{1,40}}?(?:\s*\[[A-Za-z ]{{2,20}}\])?"
    rf"(?:\s*,\s*(?P<date>[A-Za-z{_HI}{_OTHER}0-9०-९ .।]{{3,22}}?))?"
    rf"(?:\s*\(\s*(?:{_AGENCY}|[^()]{{1,25}})\s*\))?)\s*(?P<sep>।|:|ः|\|| - | – | — | -- |(?<=\))\s)\s*",
)
# a header line that is only a dateline: "New Delhi, December 22", "Tokyo, 5 May"
_DATELINE_LINE = re.compile(
    rf"^(?P<head>[A-Z{_HI}][A-Za-z{_HI} .'/]{{1,40}}?(?:\s*\[[A-Za-z ]{{2,20}}\])?)\s*,\s*(?P<date>(?=[^,]*\d)[A-Za-z{_HI}0-9०-९ .]{{3,22}}?)\s*[:.]?$"
)
# " date 2022-09 …": a capture tool's (or feed's) page date put before the page text
_STAMP = re.compile(r"^\s*date\s+((?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)(?![\d-])[ \t]*")
# a ticker of other stories' headlines: "Headline one | Headline two | Headline three"
_TICKER_SPLIT = re.compile(r"\s+\|\s+")
# three words joined by hyphens ("nakatani-visits-delhi"): anchored on a word character right before
# the first hyphen, so a long run of letters with no hyphen is read once, not once per letter
_SLUG_HINT = re.compile(r"[\w\u0900-\u0963\u0966-\u097f]-[\w\u0900-\u0963\u0966-\u097f]+-[\w\u0900-\u0963\u0966-\u097f]")


@dataclass
class Cleaned:
    title: str
    body: str
    page_dates: list[str] = field(default_factory=list)  # texts of page-date lines
    dateline: str | None = None
    dateline_date: str | None = None
    warnings: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # section labels in the header ("OPINION", "विश्लेषण")
    stamp: str | None = None  # a leading " date YYYY-MM[-DD]" stamp: the page's date, maybe to the month only
    after_title: list[str] = field(default_factory=list)  # the page-date lines below the headline


def normalise(text: str) -> str:
    """NFC, no zero-width characters, plain spaces, Unix newlines: the one form we store and index."""
    t = unicodedata.normalize("NFC", text)
    if _ZW_RX.search(t):
        t = _ZW_RX.sub("", t)
    if _SPACE_RX.search(t):
        t = _SPACE_RX.sub(" ", t)
    return t.replace("\r\n", "\n").replace("\r", "\n")


def deslug(title: str) -> str:
    """'Nakatani -visits-Delhi-for-defence-talks' -> 'Nakatani visits Delhi for defence talks'."""
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
    return not re.search(r"[।.!?:。۔]\s*$", line) or line.endswith("?") or line.endswith("!")


def _key(s: str) -> str:
    return re.sub(r"[\W_]+", "", deslug(s).lower())


@lru_cache(maxsize=4)
def _combined(boilerplate: tuple) -> re.Pattern:
    """All boilerplate patterns as one alternation: one search per line instead of one per pattern.
    Every pattern is anchored at the line start, so the first alternative to match is the first
    pattern in file order, as before."""
    return re.compile("|".join(f"(?P<p{i}>{rx.pattern})" for i, (rx, _act) in enumerate(boilerplate)), re.IGNORECASE)


def _body_paragraph(line: str) -> bool:
    """A paragraph of article text: long, or many words ending in sentence punctuation (a long
    headline has no full stop)."""
    ends = bool(re.search(r"[।.!?。۔]['\"”’)」]?$", line))
    n = _scripts.length(line)
    return n >= 300 or (_scripts.words(line) >= 22 and ends) or (n >= 160 and bool(re.search(r"[।.!?۔]\s|。.", line)))


def clean(
    raw: str,
    boilerplate: list[tuple[re.Pattern, str]],
    meta_title: str | None = None,
    has_date: Callable[[str], bool] | None = None,
    is_place: Callable[[str], bool] | None = None,
) -> Cleaned:
    """Split a raw page into title, page-date lines, dateline and body.

    The lines before the first real paragraph are the page header: section labels, bylines,
    page dates, share buttons and the headline. The headline is the first header line of four or
    more words (or a URL slug); other short header lines are furniture and leave the body.
    """
    text = normalise(raw)
    stamp = None
    if (m := _STAMP.match(text)) is not None:
        stamp, text = m.group(1), text[m.end() :]
    lines = [ln.strip() for ln in text.split("\n")]
    warnings: list[str] = []
    title = deslug(normalise(meta_title)) if meta_title else ""
    page_dates: list[str] = []
    labels: list[str] = []

    combined = _combined(tuple(boilerplate))

    acted: dict[str, str | None] = {}

    def action_of(line: str) -> str | None:
        if line not in acted:
            m = combined.match(line)  # every pattern is anchored at the line start
            acted[line] = boilerplate[int(m.lastgroup[1:])][1] if m else None
        return acted[line]

    # 1. the header zone (share buttons and tickers are furniture: they do not count towards it)
    nonempty = [i for i, ln in enumerate(lines) if ln]
    header: list[int] = []
    counted = 0
    for i in nonempty:
        if _ticker(lines[i]) or (len(lines[i]) < 60 and action_of(lines[i]) == "drop_line"):
            header.append(i)
            continue
        counted += 1
        if counted > 12:
            break
        if _body_paragraph(lines[i]) or (
            # a long dateline opens the body; "प्रकाशित: 25 अप्रैल 2025, 07:30 | अपडेटेड: …" only looks like one
            len(lines[i]) > 80
            and (m := _DATELINE.match(lines[i])) is not None
            and _plausible_dateline(m, is_place)
            and action_of(lines[i]) != "page_date"
        ):
            break
        header.append(i)
    title_from_text = False
    dated: list[tuple[int, str]] = []  # page-date lines of the header, with their line numbers
    title_at = None
    header_dateline = None
    for i in header:
        line = lines[i]
        act = action_of(line)
        if _ticker(line):
            lines[i] = ""
            continue
        if header_dateline is None and (dl := _DATELINE_LINE.match(line)) and is_place is not None and is_place(dl.group("head")):
            header_dateline = (dl.group("head").strip(), dl.group("date").strip())
            lines[i] = ""
            continue
        # a date first: bylines often carry the page date ("By Desk | 18 Nov 2019 | 11:02 AM")
        if act == "page_date" or (
            act != "drop_rest" and has_date and _scripts.words(line) <= 20 and has_date(line)
        ):
            dated.append((i, line))
            lines[i] = ""
        elif act in ("drop_line", "byline") or _looks_like_nav(line) or _pipe_label(line):
            if _pipe_label(line):
                labels.append(line)
            lines[i] = ""
        elif (
            not title
            and (_scripts.words(line) >= 4 or _SLUG_HINT.search(line))
            and _is_title_line(line)
        ):
            # "OPINION | the headline | Site name": the headline is the longest part
            parts = re.split(r"\s+[|]\s+", line)
            title = deslug(max(parts, key=len))
            labels += [p for p in parts if p and len(p) < len(title)]
            title_from_text = True
            title_at = i
            lines[i] = ""
        elif _scripts.words(line) <= 6 and not re.search(r"[।.!?。۔]$", line):
            labels.append(line)
            lines[i] = ""  # section labels, office names, outlet names
    # the story's own stamp is the one nearest after its headline (the byline's "| Dec 24, 2020,
    # 06:41 am"); a date above the headline is often the site's clock ("December 26, 2025 02:50 pm")
    if title_at is not None:
        after = [ln for i, ln in dated if i > title_at]
        before = [ln for i, ln in reversed(dated) if i < title_at]
        page_dates = after + before
        after_title = after
    else:
        page_dates = [ln for _i, ln in dated]
        after_title = []
    # 2. repeats of the title (the seed repeats its slug title; pages repeat the headline)
    if title:
        tkey = _key(title)
        for j in range(len(lines)):
            if lines[j]:
                # a repeat is about as long as the title: a long paragraph need not be folded
                if len(lines[j]) <= 2 * len(title) + 20 and _key(lines[j]) == tkey:
                    lines[j] = ""
                    continue
                if title_from_text or j > 20:
                    break
                break
    # 3. boilerplate anywhere in the body
    kept: list[str] = []
    for line in lines:
        if not line:
            kept.append("")
            continue
        act = action_of(line)
        if act == "drop_rest":
            break
        if act == "page_date":
            page_dates.append(line)
            continue
        if act in ("drop_line", "byline") or _looks_like_nav(line) or _ticker(line):
            continue
        kept.append(line)
    body = "\n".join(kept)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    dateline, dateline_date = header_dateline or (None, None)
    if dateline is None and (jm := _scripts.DATELINE_JA.match(body)):
        dateline, body = jm.group("place"), body[jm.end() :]  # 【ニューデリー共同】, 【ワシントン＝時事】
    m = _DATELINE.match(body)
    if dateline is None and m and _plausible_dateline(m, is_place):
        dateline = m.group("head").strip()
        dateline_date = (m.group("date") or "").strip() or None
        body = body[m.end() :]
    if not title:
        first = re.split(r"(?<=[।.!?۔])\s|(?<=。)", body, maxsplit=1)[0]
        title = first[:120].rstrip() + ("…" if len(first) > 120 else "")
        warnings.append("no title found; using the first sentence")
    return Cleaned(title, body, page_dates, dateline, dateline_date, warnings, labels, stamp, after_title)


def _ticker(line: str) -> bool:
    """Three or more headlines joined by " | ": other stories, never this one's text."""
    if line.count("|") < 2 or len(line) < 150:
        return False  # a byline ("Posted by X | March 20, 2022 | 4 min read") is short
    parts = _TICKER_SPLIT.split(line)
    if len(parts) < 3:
        return False
    headline_like = sum(5 <= len(p.split()) <= 25 and not re.search(r"[।.!?]\s", p) for p in parts)
    return headline_like >= 0.7 * len(parts)


def _pipe_label(line: str) -> bool:
    """'ब्यूरो | नई दिल्ली', 'राष्ट्रीय | रक्षा': short labels split by pipes are page furniture."""
    parts = [p for p in re.split(r"\s*[|•·]\s*", line) if p]
    return len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts)


def _looks_like_nav(line: str) -> bool:
    """'Home | India | World | Defence' and hashtag or URL-only lines are page furniture."""
    if line.count("|") >= 3 and len(line) / (line.count("|") + 1) < 18:
        return True
    if line[:1] == "#":
        return bool(re.fullmatch(r"(#\S+\s*)+", line))
    if line[:4] == "http":
        return bool(re.fullmatch(r"(https?://\S+\s*)+", line))
    return False


def _plausible_dateline(m: re.Match, is_place: Callable[[str], bool] | None = None) -> bool:
    head = m.group("head")
    # the place is what counts: "New Delhi [India], May 5 (The Capital Wire)" is a two-word place
    words = re.split(r"\s*[,(\[]", head, maxsplit=1)[0].split()
    if len(words) > 7:
        return False
    sep = m.group("sep")
    if sep in (":", "|", "ः") and len(words) <= 3 and is_place is not None and is_place(" ".join(words)):
        return True  # "New Delhi: …", "नयी दिल्लीः …", "वियतितिन | …": a city, however it is written
    if sep in ("ः", "|"):
        return False  # "अतः …": a visarga ends many a word; "OPINION | headline" is a label
    if sep in (":", "|") and not (
        m.group("date") or "(" in head or head.isupper() or "[" in head
    ):
        # "NEW DELHI:" style needs capitals; "Tokyo: ..." needs an agency or a date
        # scripts without capitals (Bengali … Urdu): a short place name before the colon
        return len(words) <= 3 and (head.split()[0].isupper() or bool(_scripts.CASELESS.match(head)))
    if m.group("sep") == "।":
        return len(words) <= 4
    if not m.group("sep").strip():
        # "NEW DELHI (PTI) text": only an agency or a date in the brackets makes a dateline; a
        # Hindi word glossed in English ("द्वीप गुआम (Guam) में …") is running text
        paren = head[head.rfind("(") + 1 :].rstrip(") ")
        return bool(m.group("date") or _AGENCY_RX.fullmatch(paren.strip()))
    return True


def split_sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans over the body: danda, ?, !, a full stop that is not an abbreviation, newlines."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(body):
        end = m.end()
        if m.group().startswith("."):
            # the word before the full stop (abbreviations are short: a window keeps this linear)
            w0 = max(start, m.start() - _ABBREV_WINDOW)
            prev = _WORD_BEFORE_STOP.search(body, w0, m.start() + 1)
            word = prev.group(1).lower() if prev else ""
            if prev and prev.start() == w0 > start and _WORD_OR_DOT.match(body, w0 - 1):
                word = ""  # a longer word than the window: not an abbreviation
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
