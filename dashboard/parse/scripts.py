"""What the cleaning steps need to know about scripts other than Latin and Devanagari.

Japanese writes no spaces between words, so a line's length in words is estimated from its
characters; Urdu ends a sentence with ۔ and Japanese with 。; Bengali, Odia, Tamil, Telugu,
Gujarati and Urdu have no capital letters, so a dateline in them cannot be told by its capitals.
"""

from __future__ import annotations

import re

CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
# letters of the Indian scripts after Devanagari (Bengali … Malayalam) and of Urdu's Arabic script
OTHER_INDIC_ARABIC = "\u0980-\u0d7f\u0600-\u06ff"
CASELESS = re.compile(f"[{OTHER_INDIC_ARABIC}]")
SENTENCE_MARKS = "。！？۔؟"
# a Japanese word is about two characters long
CJK_CHARS_PER_WORD = 2


def words(line: str) -> int:
    """Words in a line; for Japanese, its CJK characters count as one word per two."""
    n = len(line.split())
    if CJK.search(line) is None:
        return n
    cjk = len(CJK.findall(line))
    return n + cjk // CJK_CHARS_PER_WORD


def length(line: str) -> int:
    """A line's length in Latin-equivalent characters: a CJK character carries a word's half."""
    if CJK.search(line) is None:
        return len(line)
    return len(line) + len(CJK.findall(line)) * 2
