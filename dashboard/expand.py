"""One query, every script: a search for a person, place, exercise or force also finds its other spellings.

An analyst types "Nakatani" and means the minister, whether the article writes नकातानी, 中谷元 or
Nakatani. The knowledge base knows every spelling of a name (data/knowledge/aliases*.csv), so the
query is widened with them, and the page says what it also searched for. A bare surname that the
knowledge marks as ambiguous (Singh, シン) widens nothing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dashboard.parse.matcher import fold
from dashboard.parse.segment import has_japanese
from dashboard.parse.segment import words as segment_words
from dashboard.store.search import fts_query

KINDS = ("person", "place", "exercise", "organisation")
_FORCE_KINDS = ("force", "armed_forces")


class Expanded(NamedTuple):
    query: str | None  # the FTS5 query: what was typed, OR every other spelling
    also: tuple[str, ...]  # the other spellings searched, as they are written
    names: tuple[str, ...]  # the canonical names the query was read as


def _index(kb) -> tuple[dict[str, set], dict[str, set]]:
    """folded spelling -> {(kind, name)}, and folded word -> {(kind, name)}; built once per knowledge base."""
    cached = getattr(kb, "_expand_index", None)
    if cached is not None:
        return cached
    exact: dict[str, set] = {}
    by_word: dict[str, set] = {}
    for (kind, name), spellings in kb.spellings.items():
        if kind not in KINDS:
            continue
        if kind == "organisation" and kb.organisations.get(name, {}).get("kind") not in _FORCE_KINDS:
            continue
        for text, _prefix in spellings:
            key = fold(text)
            exact.setdefault(key, set()).add((kind, name))
            for w in key.split():
                if len(w) >= 4:
                    by_word.setdefault(w, set()).add((kind, name))
    kb._expand_index = (exact, by_word)
    return kb._expand_index


def _phrase(text: str, prefix: bool) -> str | None:
    words = segment_words(text) if has_japanese(text) else re.findall(r"[^\s\"()*^:,.;]+", text)
    words = [w.replace('"', "") for w in words if w.strip("'.,;!?।-+。、・")]
    if not words:
        return None
    return '"' + " ".join(words) + '"' + ("*" if prefix else "")


def expand(text: str, kb, enabled: bool = True) -> Expanded:
    """The FTS query for `text`, widened with the other spellings of the one thing it names."""
    base = fts_query(text)
    if not enabled or not base or not text.strip() or '"' in text or " OR " in text:
        return Expanded(base, (), ())
    key = fold(text.strip().rstrip("*"))
    exact, by_word = _index(kb)
    found = exact.get(key, set())
    if not found:
        sets = [by_word.get(w, set()) for w in key.split()]
        found = set.intersection(*sets) if sets and all(sets) else set()
    names = {name for _kind, name in found}
    if len(names) != 1:
        return Expanded(base, (), ())  # nothing known, or ambiguous (a surname several people share)
    also: list[str] = []
    phrases: list[str] = []
    seen = {key}
    spellings = sorted({s for k in found for s in kb.spellings[k]}, key=lambda s: (len(s[0]), s[0]))
    kept: list[str] = []
    for spelling, prefix in spellings:
        f = fold(spelling)
        # "जनरल नाकातानी" adds nothing to "नाकातानी": a phrase already searched finds it
        if f in seen or any(re.search(rf"(?<!\w){re.escape(k)}(?!\w)", f) for k in kept + [key]):
            continue
        p = _phrase(spelling, prefix)
        if p is None or p in phrases:
            continue
        seen.add(f)
        kept.append(f)
        also.append(spelling)
        phrases.append(p)
    if not phrases:
        return Expanded(base, (), tuple(names))
    return Expanded(f"({base}) OR " + " OR ".join(phrases), tuple(also), tuple(names))
