"""Where the engagement was: the most specific place named where it is told, not where a past
event was, nor the office a delegation belongs to."""

from __future__ import annotations

import re

from dashboard.models import DateMention, Decision
from dashboard.parse.context import _CLAUSE_BREAK, Context
from dashboard.parse.engagement_date import sentence_flags

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


# a city as the actor of a sentence stands for its government: "तोक्यो ने …", "Tokyo said"
_METONYM_AFTER = re.compile(
    r"\s*(?:ने|का मानना|की ओर से)(?![\u0900-\u0963])|\s+(?:भारत|जापान|इंडिया)\s+(?:को|से|के\s+साथ)(?![\u0900-\u0963])"
    r"|\s+(?:said|says|has|have|had|wants?|agreed|believes|is keen|is ready|will)\b",
    re.I,
)
# where a sea or an ocean is the place, not a topic or part of a name ("Information Fusion Centre
# for Indian Ocean Region"): "in the Indian Ocean", "हिंद महासागर में"
_IN_WATER_BEFORE = re.compile(r"\b(?:in|at|into|across|off)\s+(?:the\s+)?(?:northern\s+|southern\s+|eastern\s+|western\s+|north\s+|south\s+)?$", re.I)
_IN_WATER_AFTER = re.compile(r"\s*(?:में|मे|के\s+(?:तट|पास|बीच|ऊपर))")
_IN_COUNTRY_BEFORE = re.compile(r"\b(?:in|to)\s+$", re.I)
_IN_COUNTRY_AFTER = re.compile(r"\s*(?:में|मे)(?![\u0900-\u0963])")


def place(ctx: Context, etype: str, eng_date: DateMention | None) -> tuple[str | None, Decision]:
    """The most specific place named where the engagement is described (not where a past event was)."""
    if etype == "phone_call":
        return None, Decision(0.9, "a phone call has no place")
    kb = ctx.kb
    ref = ctx.near("cue_reference")
    best: dict[str, float] = {}
    why: dict[str, tuple[str, int, int]] = {}
    eng_sent = ctx.sentence_of(eng_date.start) if eng_date and eng_date.start >= 0 else None
    waters = any(kb.places.get(h.value, {}).get("kind") == "water" for h in ctx.by_kind["place"])
    cue_s, own_s, other_s, other_ex_s = sentence_flags(ctx, etype)
    for h in ctx.by_kind["place"]:
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
        if kind == "water" and etype != "exercise" and not (
            _IN_WATER_BEFORE.search(ctx.body, max(0, h.start - 30), h.start) or _IN_WATER_AFTER.match(ctx.body, h.end)
        ):
            continue  # a meeting about "the Indian Ocean region" did not take place at sea
        if h.value in best:
            best[h.value] += 0.5
            continue
        w = _PLACE_WEIGHT.get(kind, 1.0)
        note = ""
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
        s_start, s_end = ctx.sentence_span(si)
        if ctx.is_lead(si):
            w += 1.5
            note = "in the lead"
        if eng_sent is not None and si == eng_sent:
            w += 1.5
            note = "in the sentence that dates it"
        elif si in own_s and not note:
            note = "in the sentence naming it"
        if si in other_ex_s:
            continue  # "Dharma Guardian, held at Komatsu": another exercise's place
        if si in other_s:
            w -= 1.5
        if etype != "visit" and not (ctx.is_lead(si) or si in cue_s or si == eng_sent):
            w -= 1.0  # a place in a sentence that does not speak of the engagement is background (a visit goes round several)
        if _METONYM_AFTER.match(ctx.body, h.end):
            w -= 3.0  # "तोक्यो भारत को … सहयोग करेगा": the government, not the venue
        if any(abs(r.start - h.start) < 60 for r in ref.starting(s_start, s_end)):
            w -= 3.0
        best[h.value] = w
        why[h.value] = (note or "named in the text", h.start, h.end)
    for h in ctx.title_hits:
        pkind = kb.places.get(h.value, {}).get("kind")
        if h.kind == "place" and pkind != "country":
            base = _PLACE_WEIGHT.get(pkind or "city", 1.0) + (
                {"base": 1.5, "water": 1.0}.get(pkind, 0.0) if etype == "exercise" else 0.0
            )
            best[h.value] = best.get(h.value, base) + 1.0
            why[h.value] = ("in the headline", -1, -1)
    if ctx.dateline_place and kb.places.get(ctx.dateline_place, {}).get("kind") != "country":
        best[ctx.dateline_place] = best.get(ctx.dateline_place, 1.0) + 1.5
        why.setdefault(ctx.dateline_place, ("the dateline", -1, -1))
    abroad = _trip_destination(ctx)
    located = abroad or _located_country(ctx)
    if located and not abroad and ctx.dateline_place in best and kb.places.get(ctx.dateline_place, {}).get("country") not in (located, None, ""):
        # "NEW DELHI: … an air exercise in Japan next month": the dateline is where it was filed
        if why.get(ctx.dateline_place, ("",))[0] == "the dateline":
            best[ctx.dateline_place] -= 3.0
    if abroad:
        # "Rajnath's visit to Japan", "जापान यात्रा", "an exercise in Japan next month": the
        # engagement is where it goes, not where the report was filed
        for name in best:
            country = kb.places.get(name, {}).get("country")
            if country == abroad:
                best[name] += 1.5
            elif country:
                best[name] -= 3.0
    if best:
        # a venue named anywhere wins over its own city ("Manekshaw Centre, New Delhi" over "New Delhi")
        for venue in [v for v in best if ", " in v and kb.places.get(v, {}).get("kind") in ("venue", "base")]:
            city = venue.rsplit(", ", 1)[1]
            if city in best:
                best[venue] = max(best[venue], best[city]) + 0.5
    name, score = max(best.items(), key=lambda kv: kv[1]) if best else (None, 0.0)
    if name is None or score < 1.5:
        if located:
            return located, Decision(0.6, f"it takes place in {located}; the text names no city there")
        return None, Decision(0.6, "no place is named where the engagement is told")
    if etype == "visit" and kb.places.get(name, {}).get("kind") in ("venue", "base"):
        # a visit goes round a city's offices and bases: the city is where it was
        city = name.rsplit(", ", 1)[1] if ", " in name else None
        country = kb.places.get(name, {}).get("country")
        cities = [c for c, w in best.items() if kb.places.get(c, {}).get("kind") == "city" and kb.places[c].get("country") == country and w >= 1.5]
        if city in best or city in kb.places:
            return city, Decision(0.75, f"a visit is placed in its city; it called at {name}")
        if cities:
            c = max(cities, key=lambda c: best[c])
            return c, Decision(0.75, f"a visit is placed in its city; it called at {name}")
    note, start, end = why.get(name, ("named in the text", -1, -1))
    rivals = [w for n, w in best.items() if n != name and not (", " in name and name.endswith(", " + n))]
    margin = score - max(rivals, default=0.0)
    conf = 0.9 if margin >= 2.0 else (0.8 if margin >= 1.0 else 0.65)
    pkind = kb.places.get(name, {}).get("kind")
    if pkind == "water" and any(kb.places.get(n, {}).get("kind") == "city" for n in best):
        conf = min(conf, 0.7)  # the sea or the port it sailed from: both are said of an exercise
    if pkind == "venue" or note == "the dateline":
        conf = min(conf, 0.75)  # a venue or its city; the dateline is where the story was filed
    return name, Decision(conf, f"'{name}' {note}", start, end)


def _located_country(ctx: Context) -> str | None:
    """The country an engagement in the lead is said to happen in ("an air exercise in Japan next
    month", "जापान में होगा"), when it is India or Japan and only one is so named."""
    found = set()
    lead = ctx.lead_hits()
    cues = [h for h in lead if h.kind in ("cue_type", "exercise", "dialogue")]
    for h in lead:
        if h.kind != "country" or h.value not in ("India", "Japan"):
            continue
        if not (_IN_COUNTRY_BEFORE.search(ctx.body, max(0, h.start - 6), h.start) or _IN_COUNTRY_AFTER.match(ctx.body, h.end)):
            continue
        # in the clause that names the engagement, not "Ishiba took office in Japan and then met …"
        for c in cues:
            lo, hi = (c.end, h.start) if c.end <= h.start else (h.end, c.start)
            if 0 <= hi - lo <= 60 and not _CLAUSE_BREAK.search(ctx.body, lo, hi):
                found.add(h.value)
    return found.pop() if len(found) == 1 else None


def _trip_destination(ctx: Context) -> str | None:
    """The country a trip in the headline or lead goes to: a country (or a place in it) right next
    to a visit word ("visit to Japan", "Japan visit", "जापान की यात्रा", "जापान दौरे पर")."""
    kb = ctx.kb
    found: set[str] = set()
    for hits, text in ((ctx.title_hits, ctx.title), (ctx.lead_hits(), ctx.body)):
        visits = [h for h in hits if h.kind == "cue_type" and h.value == "visit"]
        if not visits:
            continue
        where = [h for h in hits if h.kind in ("country", "place")]
        for v in visits:
            for h in where:
                gap = text[h.end : v.start] if h.end <= v.start else text[v.end : h.start]
                if len(gap) <= 8 and not _CLAUSE_BREAK.search(gap):
                    country = h.value if h.kind == "country" else kb.places.get(h.value, {}).get("country")
                    if country:
                        found.add(country)
    return found.pop() if len(found) == 1 else None
