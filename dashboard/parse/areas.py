"""Cooperation areas: keyword hits counted per area, each with the sentences that evidence it."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from dashboard.models import AreaMention, Span
from dashboard.parse.matcher import Hit


def find_areas(
    body: str, hits: list[Hit], sentences: list[tuple[int, int]], order: tuple[str, ...]
) -> list[AreaMention]:
    """Each keyword hit is a mention; a hit that names what is threatened ("…के लिए खतरा") is not."""
    threats = [h for h in hits if h.kind == "cue_threat"]
    # "Training" inside "East Fuji Manoeuvre Training Area" names a place, not an area of cooperation
    names = sorted(
        (h.start, h.end) for h in hits if h.kind in ("place", "organisation", "exercise", "person")
    )
    name_starts = [s for s, _ in names]
    starts = [s for s, _ in sentences]
    count: dict[str, int] = defaultdict(int)
    evidence: dict[str, dict[int, Span]] = defaultdict(dict)
    words: dict[str, list[str]] = defaultdict(list)
    for h in hits:
        if h.kind != "area":
            continue
        j = bisect_right(name_starts, h.start)
        if any(
            s <= h.start and h.end <= e and (e - s) > (h.end - h.start)
            for s, e in names[max(0, j - 4) : j]
        ):
            continue
        si = max(bisect_right(starts, h.start) - 1, 0)
        s_start, s_end = sentences[si] if sentences else (0, len(body))
        if any(
            (0 <= t.start - h.end <= 25 and t.start < s_end and "के लिए" in t.key)
            or (0 <= h.start - t.end <= 6 and t.start >= s_start)
            for t in threats
        ):
            continue
        count[h.value] += 1
        if si not in evidence[h.value]:
            evidence[h.value][si] = Span(s_start, s_end, body[s_start:s_end])
        kw = body[h.start : h.end]
        if kw not in words[h.value]:
            words[h.value].append(kw)
    out = [
        AreaMention(
            a, count[a], tuple(evidence[a][i] for i in sorted(evidence[a])), tuple(words[a])
        )
        for a in order
        if count.get(a)
    ]
    return out
