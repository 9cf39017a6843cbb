"""Inputs for fuzzing the parse API, shared by tests/test_fuzz.py (hypothesis, CI-sized) and
scripts/fuzz.py (100,000 inputs, seeded): random Unicode drawn from the scripts and the oddities
news text carries, words the parser knows (so the deeper steps run), and mutations of the
team-written articles in tests/golden and tests/dev.

Mutated texts are kept to MAX_CHARS (a long article): how time grows with length is measured
by `scripts/bench_parse.py --scaling`, not here.

Publication-date placeholders (0001-01-01, 9999-12-31) are drawn too: the parser ignores a page
date outside 1900-2100 with a warning.
"""

from __future__ import annotations

import csv
import random
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_CHARS = 50_000

RANGES = {
    "devanagari": (0x0900, 0x097F),
    "hiragana": (0x3040, 0x309F),
    "katakana": (0x30A0, 0x30FF),
    "kanji": (0x4E00, 0x4FFF),
    "fullwidth": (0xFF01, 0xFF5E),
    "combining": (0x0300, 0x036F),
    "latin": (0x0041, 0x007A),
    "digits": (0x0030, 0x0039),
    "devanagari_digits": (0x0966, 0x096F),
    "controls": (0x0000, 0x001F),
    "c1": (0x007F, 0x009F),
    "surrogates": (0xD800, 0xDFFF),
    "bengali": (0x0980, 0x09FF),
    "arabic": (0x0600, 0x06FF),
}
SPECIAL = [
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",  # bidi
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u00a0", "\u2028", "\u2029", "\u3000",  # zero-width, spaces, separators
    "\n", "\n\n", "\r\n", "\t", " ", "।", "॥", "|", ":", "—", "-", "(", ")", "[", "]", '"', "'", "“", "”", ",", ".", "?", "!", "_", "*", "#", "/", "\\", "\ufffd",
]
DATES = ["2025-05-05", "2024-01-18", "2014-09-01", "2019-11-30T10:00:00Z", "5 May 2025", "05 मई 2025", "Monday", "yesterday", "", "not a date", "2025-13-45", "2025年5月5日", "0001-01-01T00:00:00Z", "9999-12-31"]


@cache
def words() -> tuple[str, ...]:
    """Names, places, months, cue words: what the parser looks for."""
    out: set[str] = set()
    k = ROOT / "data" / "knowledge"
    for name, cols in (
        ("aliases.csv", ("alias",)),
        ("places.csv", ("name",)),
        ("calendar.csv", ("word", "name")),
        ("cues.csv", ("cue", "phrase", "word")),
        ("exercises.csv", ("name",)),
        ("area_keywords.csv", ("keyword",)),
    ):
        f = k / name
        if not f.exists():
            continue
        with f.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for c in cols:
                    if row.get(c):
                        out.add(row[c])
    out.update(["India", "Japan", "भारत", "जापान", "defence", "रक्षा", "met", "बैठक", "2+2", "on", "को", "in", "में", "will", "tomorrow", "कल", "नई दिल्ली", "Tokyo", "PTI", "(भाषा)", "said"])
    return tuple(sorted(out))


@cache
def articles() -> tuple[str, ...]:
    """The team-written articles (never the realdev excerpts)."""
    files = sorted((ROOT / "tests" / "golden").glob("*.txt")) + sorted((ROOT / "tests" / "dev").glob("*.txt"))
    return tuple(f.read_text(encoding="utf-8") for f in files)


def random_char(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(SPECIAL)
    lo, hi = RANGES[rng.choice(list(RANGES))]
    return chr(rng.randint(lo, hi))


def random_text(rng: random.Random, size: int | None = None) -> str:
    """Characters and known words mixed; sometimes with a title line and paragraphs."""
    size = size if size is not None else rng.choice([0, 1, 5, 40, 200, 1000, 4000])
    parts: list[str] = []
    n = 0
    vocab = words()
    while n < size:
        piece = rng.choice(vocab) + rng.choice([" ", "", "\n", "। ", ", "]) if rng.random() < 0.45 else random_char(rng)
        parts.append(piece)
        n += len(piece)
    return "".join(parts)


def mutate(rng: random.Random, text: str) -> str:
    """A team-written article, damaged the ways saved pages are: cut, doubled, shuffled, with
    odd characters inserted, digits changed, lines joined or split."""
    for _ in range(rng.randint(1, 6)):
        if not text:
            text = random_text(rng, 50)
        i, j = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        op = rng.randrange(9)
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:j] + text[i:j] * rng.randint(2, 20) + text[j:]
        elif op == 2:
            text = text[:i] + random_text(rng, rng.randint(1, 60)) + text[i:]
        elif op == 3:
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        elif op == 4:
            text = "".join(str(rng.randrange(10)) if c.isdigit() and rng.random() < 0.5 else c for c in text)
        elif op == 5:
            text = text.replace("\n", rng.choice([" ", "", "\r", "\n\n\n", "\u2028"]))
        elif op == 6:
            text = text[:i] + "".join(random_char(rng) for _ in range(rng.randint(1, 30))) + text[i:]
        elif op == 7:
            text = text.upper() if rng.random() < 0.5 else text[::-1] if rng.random() < 0.1 else text.lower()
        else:
            text = text[: rng.randint(0, len(text))]
        text = text[:MAX_CHARS]
    return text


def random_meta(rng: random.Random) -> dict:
    meta: dict = {}
    if rng.random() < 0.5:
        meta["published"] = rng.choice(DATES) if rng.random() < 0.8 else random_text(rng, 12)
    if rng.random() < 0.4:
        meta["title"] = random_text(rng, rng.choice([3, 30, 120]))
    if rng.random() < 0.2:
        meta["source"] = random_text(rng, 10)
    if rng.random() < 0.1:
        meta["language"] = rng.choice(["hi", "en", "ja", "xx", ""])
    return meta


def draw(rng: random.Random) -> tuple[str, dict, str]:
    """One input: (text, meta, kind)."""
    if rng.random() < 0.5:
        return random_text(rng), random_meta(rng), "random"
    return mutate(rng, rng.choice(articles())), random_meta(rng), "mutated"
