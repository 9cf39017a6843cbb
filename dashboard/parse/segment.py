"""Japanese word segmentation for the full-text index, the search box and search highlights.

Japanese has no spaces between words, so SQLite's unicode61 tokenizer makes a whole clause one
token (防衛 finds nothing) and the trigram tokenizer misses two-character words. The index keeps a
second copy of Japanese text with its words split by spaces, and a query is split the same way.

SudachiPy with sudachidict_core: both install from PyPI and need no download at run time; its
short unit (mode A) splits 防衛省 into 防衛 / 省 and 共同訓練 into 共同 / 訓練, so a query for 防衛 or
訓練 finds the compounds, while a phrase query keeps 共同訓練 whole. (fugashi with unidic-lite also
works offline; Sudachi's dictionary is maintained for current news words and its normalised forms
map 印度 to インド.) The dictionary is loaded on first use, once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache

CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f\u3005]")
# Sudachi refuses inputs over ~49 KB (in UTF-8); lines are fed one at a time and long ones in pieces
_MAX_CHARS = 4000
_SPACE_BETWEEN_CJK = re.compile(
    "(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f\u3005\x02\x03\\[\\]、。・「」（）]) "
    "(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f\u3005\x02\x03\\[\\]、。・「」（）])"
)


def has_japanese(text: str) -> bool:
    return bool(text) and CJK.search(text) is not None


@lru_cache(maxsize=1)
def _tokenizer():
    from sudachipy import Dictionary, SplitMode  # heavy: only when Japanese text is met

    return Dictionary(dict="core").tokenizer(mode=SplitMode.A)


def _pieces(text: str):
    for line in text.split("\n"):
        for i in range(0, len(line), _MAX_CHARS):
            yield line[i : i + _MAX_CHARS]


def words(text: str) -> list[str]:
    """The words of a text (spaces and punctuation-only tokens left out)."""
    if not has_japanese(text):
        return text.split()
    tok = _tokenizer()
    out: list[str] = []
    for piece in _pieces(text):
        if not piece.strip():
            continue
        out.extend(m.surface() for m in tok.tokenize(piece) if m.surface().strip())
    return out


def spans(text: str) -> list[tuple[int, int]]:
    """Where each word of a Japanese text starts and ends: the boundaries a highlight may use."""
    tok = _tokenizer()
    out: list[tuple[int, int]] = []
    base = 0
    for line in text.split("\n"):
        for i in range(0, len(line), _MAX_CHARS):
            piece = line[i : i + _MAX_CHARS]
            if piece.strip():
                out.extend((base + i + m.begin(), base + i + m.end()) for m in tok.tokenize(piece))
        base += len(line) + 1
    return out


def segmented(text: str) -> str:
    """Japanese lines with their words split by spaces; lines without Japanese as they are."""
    if not has_japanese(text):
        return text
    tok = _tokenizer()
    lines = []
    for line in text.split("\n"):
        if not CJK.search(line):
            lines.append(line)
            continue
        parts = []
        for i in range(0, len(line), _MAX_CHARS):
            parts.extend(m.surface() for m in tok.tokenize(line[i : i + _MAX_CHARS]))
        lines.append(" ".join(p for p in parts if p.strip()))
    return "\n".join(lines)


def for_index(title: str, body: str) -> str | None:
    """What the index's segmented column holds for an article: None unless it has Japanese."""
    if not (has_japanese(title) or has_japanese(body)):
        return None
    return segmented(title) + "\n" + segmented(body)


def unspace(snippet: str) -> str:
    """A snippet of the segmented column as it reads: no spaces between Japanese words."""
    return _SPACE_BETWEEN_CJK.sub("", snippet) if has_japanese(snippet) else snippet
