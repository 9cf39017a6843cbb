"""Names of people, places, forces and exercises in the analyst's script: in Hindi mode the
dashboard shows 'नरेंद्र मोदी', not 'Narendra Modi'. The spellings come from the knowledge base's
aliases (data/knowledge/aliases.csv), so an analyst who adds a spelling there changes the display."""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from dashboard.knowledge import KNOWLEDGE_DIR

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")


def _sounds_english(alias: str, name: str) -> bool:
    """'इंडियन नेवी' only spells 'Indian Navy' in Devanagari; 'भारतीय नौसेना' is its Hindi name."""
    from indic_transliteration import sanscript
    from rapidfuzz import fuzz

    latin = sanscript.transliterate(alias, sanscript.DEVANAGARI, sanscript.ITRANS).lower()
    return fuzz.ratio(re.sub(r"[^a-z]", "", latin), re.sub(r"[^a-z]", "", name.lower())) >= 55


@lru_cache(maxsize=1)
def _hindi() -> dict[str, str]:
    """Canonical name -> its Devanagari spelling: the first full alias in Devanagari (as many words
    as the name: not a surname alone); for a force or an office, a Hindi name before a mere
    transliteration of the English one."""
    first: dict[str, str] = {}
    best: dict[str, str] = {}
    hindi_name: dict[str, str] = {}
    with (KNOWLEDGE_DIR / "aliases.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            alias, name = (row.get("alias") or "").strip(), (row.get("name") or "").strip()
            if not alias or not name or not _DEVANAGARI.search(alias) or row.get("context"):
                continue
            first.setdefault(name, alias)
            if name not in best and len(alias.split()) == len(name.split()):
                best[name] = alias
            if row.get("kind") == "organisation" and name not in hindi_name and not _sounds_english(alias, name):
                hindi_name[name] = alias
    return {**first, **best, **hindi_name}


def shown(name: str | None, hindi: bool) -> str | None:
    """A name as the analyst reads it: in Devanagari in Hindi mode when the knowledge base knows
    a spelling; otherwise as stored."""
    if not name or not hindi:
        return name
    return _hindi().get(name, name)


def shown_all(names, hindi: bool) -> list[str]:
    return [shown(n, hindi) for n in names]
