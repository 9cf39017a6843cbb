"""Layer 3 of de-duplication: the same wire story (PTI, ANI, IANS …) re-published by many outlets
with their own headers and footers. MinHash over character shingles (datasketch) finds them in
any script; trafilatura's simhash is not used, since it drops every Hindi word with a vowel sign.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5  # characters: about two Devanagari syllables, or a short English word
THRESHOLD = 0.5  # estimated Jaccard similarity of the shingle sets
_NOT_WORD = re.compile(r"[\W_]+")


def shingles(text: str) -> set[bytes]:
    """Character shingles of the text with case, punctuation and spacing folded away."""
    t = _NOT_WORD.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()
    if len(t) <= SHINGLE:
        return {t.encode("utf-8")} if t else set()
    return {t[i : i + SHINGLE].encode("utf-8") for i in range(len(t) - SHINGLE + 1)}


def signature(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)  # stable across processes, unlike hash()
    m.update_batch(list(shingles(text)))
    return m


def to_bytes(m: MinHash) -> bytes:
    return m.hashvalues.astype(np.uint64).tobytes()


def from_bytes(b: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(b, dtype=np.uint64), hashfunc=zlib.crc32)


class Index:
    """Stored articles' signatures; `match` names the story a new text is another report of."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, MinHash] = {}
        self.story: dict[str, str] = {}

    def add(self, article_id: str, story_id: str, sig: MinHash) -> None:
        if article_id in self.sigs:
            return
        self.sigs[article_id] = sig
        self.story[article_id] = story_id
        self.lsh.insert(article_id, sig)

    def match(self, sig: MinHash) -> tuple[str, str, float] | None:
        """(article id, story id, similarity) of the closest stored report above the threshold."""
        best = None
        for aid in self.lsh.query(sig):
            j = sig.jaccard(self.sigs[aid])
            if j >= self.threshold and (best is None or j > best[2]):
                best = (aid, self.story[aid], j)
        return best
