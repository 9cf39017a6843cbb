"""Where the engagement was: the most specific place named where it is told, not where a past
event was, nor the office a delegation belongs to."""

from __future__ import annotations

import re

from dashboard.models import DateMention
from dashboard.parse.context import _CLAUSE_BREAK, Context

_PLACE_WEIGHT = {
    "venue": 3.0,
    "base": 3.0,
    "water": 2.0,
    "city": 1.5,
    "region": 0.8,
    "country": 0.0,
}


_OWNER_AFTER = re.compile(
    r"\s*(?:का|के|की)\s+(?!भीतर|अंदर|बाहर|परिसर|मुख्यालय|सभागार|हॉल|में)|'s\b|\s+(?:delegation|officials?|team|spokes\w+|said|says)\b",
    re.I,
)


_COAST_AFTER = re.compile(r"\s*(?:के\s+)?(?:तट|समुद्र तट|coast)", re.I)


_OFF_BEFORE = re.compile(r"\boff\s+(?:the\s+)?(?:coast\s+of\s+)?$", re.I)


def place(ctx: Context, etype: str, eng_date: DateMention | None) -> str | None:
    """The most specific place named where the engagement is described (not where a past event was)."""
    if etype == "phone_call":
        return None
    kb = ctx.kb
    ref = [h for h in ctx.hits if h.kind == "cue_reference"]
    best: dict[str, float] = {}
    eng_sent = ctx.sentence_of(eng_date.start) if eng_date and eng_date.start >= 0 else None
    waters = any(h.kind == "place" and kb.places.get(h.value, {}).get("kind") == "water" for h in ctx.hits)
    for h in ctx.hits:
        if h.kind != "place":
            continue
        info = kb.places.get(h.value, {})
        kind = info.get("kind", "city")
        if kind == "country":
            continue  # "Japan" says who, not where
        if kind == "venue" and _OWNER_AFTER.match(ctx.body, h.end):
            continue  # "जापान के रक्षा मंत्रालय का प्रतिनिधिमंडल", "Japan's defence ministry officials": who, not where
        if kind == "city" and waters and (
            _COAST_AFTER.match(ctx.body, h.end) or _OFF_BEFORE.search(ctx.body, max(0, h.start - 25), h.start)
        ):
            continue  # "चेन्नई तट के पास बंगाल की खाड़ी में", "off Chennai": the sea named with it is the place
        if h.value in best:
            best[h.value] += 0.5
            continue
        w = _PLACE_WEIGHT.get(kind, 1.0)
        if etype == "exercise":
            w += {"base": 1.5, "water": 1.0}.get(kind, 0.0)
        elif kind == "water":
            w -= 1.0
        if info.get("country") not in ("India", "Japan", "") and etype not in (
            "sidelines_multilateral",
            "exercise",
        ):
            w -= 0.5
        si = ctx.sentence_of(h.start)
        s_start, s_end = ctx.sentences[si] if ctx.sentences else (0, len(ctx.body))
        if ctx.is_lead(si):
            w += 1.5
        if eng_sent is not None and si == eng_sent:
            w += 1.5
        if any(s_start <= r.start < s_end and abs(r.start - h.start) < 60 for r in ref):
            w -= 3.0
        best[h.value] = w
    for h in ctx.title_hits:
        if h.kind == "place" and kb.places.get(h.value, {}).get("kind") != "country":
            best[h.value] = (
                best.get(h.value, _PLACE_WEIGHT.get(kb.places[h.value].get("kind", "city"), 1.0))
                + 1.0
            )
    if ctx.dateline_place and kb.places.get(ctx.dateline_place, {}).get("kind") != "country":
        best[ctx.dateline_place] = best.get(ctx.dateline_place, 1.0) + 1.5
    abroad = _trip_destination(ctx)
    if abroad:
        # "Rajnath's visit to Japan", "जापान यात्रा": the engagement is where the trip goes, not
        # where the report was filed
        for name in best:
            country = kb.places.get(name, {}).get("country")
            if country == abroad:
                best[name] += 1.5
            elif country:
                best[name] -= 3.0
    if not best:
        return None
    # a venue named anywhere wins over its own city ("Manekshaw Centre, New Delhi" over "New Delhi")
    for venue in [v for v in best if ", " in v and kb.places.get(v, {}).get("kind") in ("venue", "base")]:
        city = venue.rsplit(", ", 1)[1]
        if city in best:
            best[venue] = max(best[venue], best[city]) + 0.5
    name, score = max(best.items(), key=lambda kv: kv[1])
    if score < 1.5:
        return None
    if etype == "visit" and kb.places.get(name, {}).get("kind") in ("venue", "base"):
        # a visit goes round a city's offices and bases: the city is where it was
        city = name.rsplit(", ", 1)[1] if ", " in name else None
        country = kb.places.get(name, {}).get("country")
        cities = [c for c, w in best.items() if kb.places.get(c, {}).get("kind") == "city" and kb.places[c].get("country") == country and w >= 1.5]
        if city in best or city in kb.places:
            return city
        if cities:
            return max(cities, key=lambda c: best[c])
    return name


def _trip_destination(ctx: Context) -> str | None:
    """The country a trip in the headline or lead goes to: a country (or a place in it) right next
    to a visit word ("visit to Japan", "Japan visit", "जापान की यात्रा", "जापान दौरे पर")."""
    kb = ctx.kb
    found: set[str] = set()
    for hits, text, lead_only in ((ctx.title_hits, ctx.title, False), (ctx.hits, ctx.body, True)):
        visits = [h for h in hits if h.kind == "cue_type" and h.value == "visit" and not (lead_only and not ctx.in_lead(h.start))]
        for v in visits:
            for h in hits:
                if h.kind not in ("country", "place"):
                    continue
                gap = text[h.end : v.start] if h.end <= v.start else text[v.end : h.start]
                if len(gap) <= 8 and not _CLAUSE_BREAK.search(gap):
                    country = h.value if h.kind == "country" else kb.places.get(h.value, {}).get("country")
                    if country:
                        found.add(country)
    return found.pop() if len(found) == 1 else None
