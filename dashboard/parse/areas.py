"""Cooperation areas: keyword hits counted per area, each with the sentences that evidence it."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from dashboard.models import AreaMention, Span
from dashboard.parse.matcher import Hit, Near

# a "general" area (defence cooperation as such) is what a text is about only when it names at
# most this many specific ones: beside maritime security, industry and exercises it is just framing
GENERAL_ONLY_BESIDE = 1
_DRILL_REACH = 25  # "training" this close to an exercise's name or the word "exercise" describes it


def find_areas(
    body: str, hits: list[Hit], sentences: list[tuple[int, int]], areas: dict[str, dict], headline: frozenset[str] = frozenset()
) -> list[AreaMention]:
    """Each keyword hit is a mention; a hit that names what is threatened ("…के लिए खतरा") is not;
    "training" in a sentence about an exercise is the exercise. `headline`: the areas the page's
    own headline names."""
    order = tuple(areas)
    threats = Near(h for h in hits if h.kind == "cue_threat")
    drills = Near(h for h in hits if h.kind == "exercise" or (h.kind == "cue_type" and h.value == "exercise"))
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
            (0 <= t.start - h.end <= 25 and t.start < s_end and t.value == "after")
            or (0 <= h.start - t.end <= 6 and t.start >= s_start)
            for t in threats.touching(h.start - 6, h.end + 26)
        ):
            continue
        area = h.value
        if area == "training_exchanges" and any(abs(d.start - h.end) <= _DRILL_REACH or abs(h.start - d.end) <= _DRILL_REACH for d in drills.touching(h.start - _DRILL_REACH, h.end + _DRILL_REACH + 1)):
            area = "military_exercises"  # "bilateral fighter training" in "the exercise …" is the drill itself
        count[area] += 1
        if si not in evidence[area]:
            evidence[area][si] = Span(s_start, s_end, body[s_start:s_end])
        kw = body[h.start : h.end]
        if kw not in words[area]:
            words[area].append(kw)
    specific = [a for a in count if areas.get(a, {}).get("scope", "specific") == "specific"]
    if len(specific) > GENERAL_ONLY_BESIDE:
        # unless the headline frames the story so ("… strengthens defence ties with Japan")
        for a in [a for a in count if areas.get(a, {}).get("scope") == "general" and a not in headline]:
            del count[a]
    out = [
        AreaMention(
            a, count[a], tuple(evidence[a][i] for i in sorted(evidence[a])), tuple(words[a])
        )
        for a in order
        if count.get(a)
    ]
    return out
