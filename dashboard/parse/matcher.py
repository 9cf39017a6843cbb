"""One Aho-Corasick automaton for every alias, keyword and cue, over spelling-folded text.

Folding makes नुक़्ता/no-nukta, chandrabindu/anusvara, case, hyphens, dots and Indic digits compare
equal, while an offset map keeps every hit pointing at the original characters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

import ahocorasick

_DELETE = "\x00"
_MAP: dict[int, str | None] = {}
for _c in "\u093c\u09bc\u0a3c\u0abc\u0b3c\u200c\u200d\u00ad\ufeff\u2060":  # nukta, ZW(N)J, SHY, BOM
    _MAP[ord(_c)] = _DELETE
for _c in "\t\n\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
    _MAP[ord(_c)] = " "
for _c in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_/.":
    _MAP[ord(_c)] = " "
for _c in "\u2018\u2019\u201a\u201b\u2032`\u00b4":
    _MAP[ord(_c)] = "'"
for _c in "\u201c\u201d\u201e\u201f\u00ab\u00bb":
    _MAP[ord(_c)] = '"'
_MAP[0x0901] = "\u0902"  # chandrabindu -> anusvara: हाँ / हां
# digits of Indian scripts -> ASCII (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
# Kannada, Malayalam) and Arabic-Indic; dates.py reads digits with the same table
INDIC_DIGITS = {
    base + i: str(i)
    for base in (0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0660, 0x06F0)
    for i in range(10)
}
_MAP.update(INDIC_DIGITS)
# one regex pass that maps only the characters that fold: str.translate looks up every character
# in a dict and is four times slower on Devanagari text
_FOLDS = {chr(k): v for k, v in _MAP.items()}
_FOLD_RX = re.compile("[" + re.escape("".join(_FOLDS)) + "]")


def _fold_char(m: re.Match) -> str:
    return _FOLDS[m.group()]
_SPACE_RUN = re.compile(r" [ \x00]+")
_TRAILING_DROPPED = "\u093c\u09bc\u0a3c\u0abc\u0b3c\u200c\u200d\u00ad"


@lru_cache(maxsize=4096)
def is_word_char(c: str) -> bool:
    """Letters, digits and combining marks (Hindi vowel signs) all belong inside a word."""
    return c.isalnum() or unicodedata.category(c)[0] == "M"


def lower_same_length(s: str) -> str:
    """str.lower() that keeps offsets: a character whose lower case is longer ('İ') stays as it is."""
    low = s.lower()
    if len(low) == len(s):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


@lru_cache(maxsize=16)
def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Folded text plus the positions (in folded coordinates) where characters were dropped.
    Cached: the body is folded for the matcher and again for the article id."""
    t = _FOLD_RX.sub(_fold_char, text)
    # collapse runs of spaces to one: the extra spaces become deletions too
    if "  " in t or " \x00" in t:
        t = _SPACE_RUN.sub(lambda m: " " + _DELETE * (len(m.group()) - 1), t)
    deleted: list[int] = []
    if _DELETE in t:
        j = 0
        pos = t.find(_DELETE)
        while pos != -1:
            deleted.append(pos - j)
            j += 1
            pos = t.find(_DELETE, pos + 1)
        t = t.replace(_DELETE, "")
    return lower_same_length(t), deleted


def fold(text: str, normalised: bool = False) -> str:
    """The folded form of a key: what aliases and keywords are compared in."""
    return fold_with_offsets(text if normalised else unicodedata.normalize("NFC", text))[0].strip()


class Hit(NamedTuple):
    start: int  # offsets in the original text
    end: int
    kind: str
    value: str
    flag: str
    key: str


class Matcher:
    """Add (alias, kind, value, flag) entries, build once, then find all hits in a text."""

    def __init__(self) -> None:
        self._auto = ahocorasick.Automaton()
        self._entries: dict[str, list[tuple[str, str, str, bool]]] = {}

    def add(self, alias: str, kind: str, value: str, flag: str = "") -> None:
        key = fold(alias)
        if not key:
            return
        # an alias written in capitals (MRO, AI, US, PM) must match capitals only
        raw = alias.strip()
        case_sensitive = (
            raw.isupper() and any("a" <= c.lower() <= "z" for c in raw) and len(key) <= 6
        )
        entry = (kind, value, flag, case_sensitive)
        lst = self._entries.setdefault(key, [])
        if entry not in lst:
            lst.append(entry)

    def build(self) -> None:
        for key, entries in self._entries.items():
            # what find() checks per hit, worked out once per key
            self._auto.add_word(
                key,
                (
                    len(key),
                    is_word_char(key[0]),
                    is_word_char(key[-1]),
                    tuple(entries),
                    any(flag == "prefix" for _k, _v, flag, _cs in entries),
                ),
            )
        if self._entries:
            self._auto.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """Every hit at word boundaries, with original offsets; overlaps are kept."""
        if not self._entries:
            return []
        folded, deleted = fold_with_offsets(text)
        hits: list[Hit] = []
        n = len(folded)
        n_text = len(text)
        for end_idx, (klen, word_first, word_last, entries, any_prefix) in self._auto.iter(folded):
            start = end_idx - klen + 1
            if word_first and start > 0 and is_word_char(folded[start - 1]):
                continue
            after_ok = not word_last or end_idx + 1 >= n or not is_word_char(folded[end_idx + 1])
            if not after_ok and not any_prefix:
                continue
            if deleted:
                o_start = start + bisect_right(deleted, start)
                o_end = end_idx + bisect_right(deleted, end_idx) + 1
                while o_end < n_text and text[o_end] in _TRAILING_DROPPED:
                    o_end += 1
            else:
                o_start, o_end = start, end_idx + 1
            key = folded[start : end_idx + 1]
            for kind, value, flag, case_sensitive in entries:
                if not after_ok and flag != "prefix":
                    continue
                if (
                    case_sensitive
                    and not text[o_start:o_end].replace(".", "").replace(" ", "").isupper()
                ):
                    continue
                if not after_ok:
                    # a prefix keyword may take Hindi inflections, never Latin letters
                    nxt = folded[end_idx + 1]
                    if "a" <= nxt <= "z":
                        continue
                hits.append(Hit(o_start, o_end, kind, value, flag, key))
        return hits


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer hit of the same kind ("रक्षा मंत्री" inside "जापान के रक्षा मंत्री")."""
    out: list[Hit] = []
    by_kind: dict[str, list[Hit]] = {}
    for h in hits:
        by_kind.setdefault(h.kind, []).append(h)
    for group in by_kind.values():
        group.sort(key=lambda h: (h.start, -(h.end - h.start)))
        last_end = -1
        for h in group:
            if h.start >= last_end:
                out.append(h)
                last_end = h.end
            elif h.end <= last_end:
                continue
    out.sort(key=lambda h: (h.start, h.end))
    return out


class Near:
    """Spans (hits, people) sorted by start, for "which of them lie near here" asked thousands of
    times per long article: a binary search over starts instead of a scan of all of them."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans, key=lambda h: h.start)
        self.starts = [h.start for h in self.spans]
        self.longest = max((h.end - h.start for h in self.spans), default=0)

    def starting(self, lo: int, hi: int) -> list:
        """Those that start in [lo, hi)."""
        return self.spans[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def touching(self, lo: int, hi: int) -> list:
        """Those that start in [lo - longest, hi): every span that could end at or after lo."""
        return self.starting(lo - self.longest, hi)

    def __bool__(self) -> bool:
        return bool(self.spans)
