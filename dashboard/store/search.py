"""Full-text search: the tokenizer that keeps Hindi words whole, and safe queries from user text."""

from __future__ import annotations

import re

from dashboard.parse.segment import has_japanese
from dashboard.parse.segment import words as segment_words
from dashboard.parse.text import normalise

# Keeps Hindi vowel signs, viramas and nuktas inside tokens (the default splits words at them).
FTS_TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
# NUL ends an FTS5 query string early ("unterminated string"); no control character or lone
# surrogate is ever part of a word, so all become spaces
_NOT_TEXT = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def searchable(text: str) -> str:
    """Search text with control characters (NUL …) and lone surrogates as spaces: the first step
    of every query made from what a user typed."""
    return _NOT_TEXT.sub(" ", text or "")


def fts_query(text: str) -> str | None:
    """User search text -> a safe FTS5 query.

    Each word is quoted (so AND, NOT, parentheses, ^ or a stray quote are just text), a trailing
    * stays outside the quotes as a prefix search, a "quoted phrase" stays a phrase, and OR
    between two words keeps its meaning. Nothing a user types can raise a syntax error.
    """
    if not text:
        return None
    text = searchable(text)
    parts: list[str] = []
    for m in re.finditer(r'"([^"]+)"|(\S+)', text):
        if m.group(1) is not None:
            phrase = normalise(m.group(1))
            if has_japanese(phrase):
                phrase = " ".join(segment_words(phrase))
            words = [w for w in re.findall(r"[^\s\"()*^:]+", phrase)]
            words = [w.strip("'.,;!?।-") for w in words]
            words = [w for w in words if w]
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        raw = m.group(2)
        if raw == "OR" and parts and parts[-1] != "OR":
            parts.append("OR")
            continue
        if raw in ("AND", "NOT", "NEAR"):
            continue
        prefix = raw.rstrip("\"')").endswith("*")
        tok = normalise(raw).replace('"', " ")
        for w in re.findall(r"[^\s()*^:]+", tok):
            w = w.strip("'.,;!?।-+。、")
            if w and has_japanese(w):
                # Japanese is indexed as words (store/segmented.py): 共同訓練 is the phrase "共同 訓練"
                w = " ".join(x.replace('"', "") for x in segment_words(w))
            if w:
                parts.append(f'"{w}"')
        if prefix and parts and parts[-1].startswith('"'):
            parts[-1] += "*"
    while parts and parts[-1] == "OR":
        parts.pop()
    while parts and parts[0] == "OR":
        parts.pop(0)
    return " ".join(parts) if parts else None
