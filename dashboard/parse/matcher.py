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
# full-width digits (５月５日) read like ASCII ones too
INDIC_DIGITS.update({0xFF10 + i: str(i) for i in range(10)})
_MAP.update(INDIC_DIGITS)
# full-width Latin letters and signs (ＪＩＭＥＸ, ２プラス２) fold to ASCII, and the katakana middle dot
# between the parts of a foreign name (ラージナート・シン) to a space, as a hyphen does
for _c in range(0xFF01, 0xFF5F):
    _a = chr(_c - 0xFEE0)
    _MAP.setdefault(_c, _MAP.get(ord(_a), _a))
for _c in "\u30fb\uff65":
    _MAP[ord(_c)] = " "
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


@lru_cache(maxsize=4096)
def cjk_class(c: str) -> int:
    """2 for katakana, 1 for kanji and hiragana, 0 otherwise.

    Japanese writes words without spaces: a kanji or hiragana name ends where the next word begins
    (中谷元 in 中谷元防衛相), so no boundary is asked of it; a katakana word only ends where the
    katakana does (シン is not inside シンユウ・マイトリ or シンガポール)."""
    o = ord(c)
    if 0x30A1 <= o <= 0x30FA or o == 0x30FC or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
        return 2
    if 0x3040 <= o <= 0x309F or 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or o in (0x3005, 0x3006):
        return 1
    return 0


def _edge(c: str) -> int:
    """How a key's first or last character asks for a word boundary: 0 none (a space, a sign),
    1 no word character beside it (a CJK character beside a Latin or Indic key is a boundary),
    2 no katakana beside it, 3 none (kanji, hiragana)."""
    cls = cjk_class(c)
    if cls == 2:
        return 2
    if cls == 1:
        return 3
    return 1 if is_word_char(c) else 0


@lru_cache(maxsize=16384)
def _blocks(edge: int, c: str) -> bool:
    """Whether the character `c` next to a key's edge makes the hit part of a longer word."""
    if edge == 1:
        return is_word_char(c) and not cjk_class(c)
    if edge == 2:
        return cjk_class(c) == 2
    return False


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
        if entry in lst:
            return
        for i, (k, v, f, cs) in enumerate(lst):
            if (k, v, cs) == (kind, value, case_sensitive) and {f, flag} == {"", "prefix"}:
                lst[i] = (k, v, "prefix", cs)  # one spelling in two files, one with inflections: one hit
                return
        lst.append(entry)

    def build(self) -> None:
        for key, entries in self._entries.items():
            # what find() checks per hit, worked out once per key
            self._auto.add_word(
                key,
                (
                    len(key),
                    _edge(key[0]),
                    _edge(key[-1]),
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
        for end_idx, (klen, edge_first, edge_last, entries, any_prefix) in self._auto.iter(folded):
            start = end_idx - klen + 1
            if edge_first and start > 0 and _blocks(edge_first, folded[start - 1]):
                continue
            after_ok = not edge_last or end_idx + 1 >= n or not _blocks(edge_last, folded[end_idx + 1])
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
        return drop_masked(hits) if any(h.kind == "mask" for h in hits) else hits


def drop_masked(hits: list[Hit]) -> list[Hit]:
    """Hits inside a "mask" hit (a compound that holds a name without naming it: the インド in
    インド太平洋) are dropped, and so are the masks; a hit as long as the mask (an area keyword
    spelled the same) stays."""
    masks = [(h.start, h.end) for h in hits if h.kind == "mask"]
    return [
        h
        for h in hits
        if h.kind != "mask"
        and not any(s <= h.start and h.end <= e and (h.end - h.start) < (e - s) for s, e in masks)
    ]


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer hit of the same kind ("रक्षा मंत्री" inside "जापान के रक्षा मंत्री")."""
    out: list[Hit] = []
    by_kind: dict[str, list[Hit]] = {}
    for h in hits:
        by_kind.setdefault(h.kind, []).append(h)
    for group in by_kind.values():
        group.sort(key=lambda h: (h.start, -(h.end - h.start)))
        last_end = last_start = -1
        for h in group:
            if h.start >= last_end or (h.start == last_start and h.end == last_end):
                # one word may name two things of a kind: 日印 is both Japan and India
                out.append(h)
                last_start, last_end = h.start, h.end
            elif h.end <= last_end:
                continue
    out.sort(key=lambda h: (h.start, h.end))
    return out


def _span_start(h) -> int:
    return h.start


class Near:
    """Spans (hits, people) sorted by start, for "which of them lie near here" asked thousands of
    times per long article: a binary search over starts instead of a scan of all of them. Made
    several times per article, so it does as little as it can until asked."""

    __slots__ = ("spans", "starts", "_longest")

    def __init__(self, spans) -> None:
        self.spans = list(spans)
        if len(self.spans) > 1:
            self.spans.sort(key=_span_start)
        self.starts = [h.start for h in self.spans]
        self._longest = -1

    def starting(self, lo: int, hi: int) -> list:
        """Those that start in [lo, hi)."""
        if not self.spans:
            return []
        return self.spans[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def touching(self, lo: int, hi: int) -> list:
        """Those that start in [lo - longest, hi): every span that could end at or after lo."""
        if not self.spans:
            return []
        if self._longest < 0:
            self._longest = max(h.end - h.start for h in self.spans)
        return self.starting(lo - self._longest, hi)

    def __bool__(self) -> bool:
        return bool(self.spans)
