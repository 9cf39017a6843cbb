"""Is India–Japan the subject, and is it about defence: a score over countries, people, forces and cues."""

from __future__ import annotations

import re
from collections import defaultdict

from dashboard.parse.context import Context


def _country_of_org(kb, name: str) -> str:
    return kb.organisations.get(name, {}).get("country", "")


def country_strength(ctx: Context) -> dict[str, float]:
    kb = ctx.kb
    s: dict[str, float] = defaultdict(float)
    body_counts: dict[str, int] = defaultdict(int)
    for h in ctx.title_hits:
        if h.kind == "country":
            s[h.value] += 3.0
    title_countries = {h.value for h in ctx.title_hits if h.kind == "country"}
    for h in ctx.title_hits:
        if h.kind == "person" and h.flag != "context":
            c = kb.people.get(h.value, "")
            if c and c not in title_countries:
                s[c] += 3.0
                title_countries.add(c)
    for h in ctx.hits:
        if h.kind == "country":
            body_counts[h.value] += 1
            if ctx.in_lead(h.start):
                s[h.value] += 1.0
        elif h.kind == "organisation":
            c = _country_of_org(kb, h.value)
            if c:
                s[c] += 0.5
                if ctx.in_lead(h.start):
                    s[c] += 1.0
    for c, n in body_counts.items():
        s[c] += min(n, 12) * 0.5
    seen_people = set()
    for p in ctx.people:
        c = kb.people.get(p.name, "")
        if not c:
            continue
        if p.name not in seen_people:
            s[c] += 2.0
            seen_people.add(p.name)
        if ctx.in_lead(p.start):
            s[c] += 1.0
    for h in ctx.hits + [h for h in ctx.title_hits if h.kind == "exercise"] * 2:
        if h.kind == "exercise":
            ex = kb.exercises.get(h.value, {})
            third_host = ex.get("host") and ex.get("host") not in ("India", "Japan")
            if ex.get("japan_force") and ex.get("india_force") and not third_host:
                w = 1.0 if ex.get("multilateral", "").lower() == "yes" else 2.5
                s["Japan"] += w
                s["India"] += w
            elif third_host:
                s[ex["host"]] += 2.5  # Pitch Black, RIMPAC: the host's exercise, whoever else flies in it
            elif ex.get("india_force"):
                s["India"] += 0.5
                s["_other_exercise"] += 2.5
    return dict(s)




def is_india_japan(ctx: Context, strength: dict[str, float]) -> tuple[bool, float, list[str]]:
    reasons: list[str] = []
    india, japan = strength.get("India", 0.0), strength.get("Japan", 0.0)
    others = {c: v for c, v in strength.items() if c not in ("India", "Japan")}
    top_other = max(others.values(), default=0.0)
    score = min(india, japan) - 0.6 * top_other
    if japan < 3.5:
        reasons.append("Japan is mentioned only in passing")
        return False, score, reasons
    if india < 3.0:
        reasons.append("India is not a party")
        return False, score, reasons
    if top_other > 0 and japan < 0.6 * top_other:
        reasons.append(f"the story is about {max(others, key=others.get)}")
        return False, score, reasons
    if top_other > 0 and india < 0.5 * top_other:
        reasons.append("India is not the other party")
        return False, score, reasons
    if _defence_evidence(ctx) < 2:
        # India beat Japan at cricket; the embassy's earthquake helpline; the economy rankings
        reasons.append("nothing in it is about defence or security")
        return False, score, reasons
    multilateral_lead = any(h.kind == "cue_multilateral" for h in ctx.title_hits) or any(
        h.kind == "cue_multilateral" and ctx.in_lead(h.start) for h in ctx.hits
    )
    if multilateral_lead and not _core_exercise(ctx) and not _bilateral_pair(ctx):
        reasons.append("a multilateral gathering with no India–Japan meeting of its own")
        return False, score, reasons
    return True, score, reasons


_FORCES = ("force", "armed_forces")


_BROAD_AREAS = ("strategic_partnership", "economic_security")  # also said of trade and diplomacy


def _defence_evidence(ctx: Context) -> int:
    """How much of the text is about defence: named exercises and dialogues, people in defence,
    foreign-policy or military roles, armed forces, cooperation areas, engagement words."""
    kb = ctx.kb
    hits = ctx.hits + ctx.title_hits
    score = (
        2 * any(h.kind == "exercise" for h in hits)
        + 2 * any(h.kind == "dialogue" for h in hits)
        + min(2, sum(h.kind == "organisation" and kb.organisations.get(h.value, {}).get("kind") in _FORCES for h in hits))
        + min(3, sum(h.kind == "area" and h.value not in _BROAD_AREAS for h in hits))
        + min(2, sum(h.kind == "cue_type" and h.value != "meeting" for h in hits))
    )
    if score < 2 and any((t := ctx.role_of(p.name)) and t.role_key != "prime_minister" for p in ctx.people):
        score += 2
    return score


def _core_exercise(ctx: Context) -> bool:
    """An exercise India and Japan both field forces in, hosted by one of them or rotating (Malabar)."""
    for h in ctx.title_hits + ctx.hits:
        if h.kind == "exercise":
            ex = ctx.kb.exercises.get(h.value, {})
            if ex.get("japan_force") and ex.get("india_force") and ex.get("host", "") in ("", "India", "Japan"):
                return True
    return False


def _bilateral_pair(ctx: Context) -> bool:
    """A sentence (or the title) where India's and Japan's people meet, and nobody else does."""
    kb = ctx.kb
    meet = {"meeting", "bilateral_ministerial", "sidelines_multilateral", "phone_call", "summit", "two_plus_two", "visit", "agreement"}
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for p in ctx.people:
        by_sentence[ctx.sentence_of(p.start)].add(kb.people.get(p.name, ""))
    cue_sentences = {ctx.sentence_of(h.start) for h in ctx.hits if h.kind == "cue_type" and h.value in meet}
    for si, countries in by_sentence.items():
        if {"India", "Japan"} <= countries and countries <= {"India", "Japan"} and si in cue_sentences:
            return True
    title_people = {kb.people.get(h.value, "") for h in ctx.title_hits if h.kind == "person"}
    title_meet = any(h.kind == "cue_type" and h.value in meet for h in ctx.title_hits)
    return {"India", "Japan"} <= title_people and title_meet


_SENTENCE_END = re.compile(r"[।.!?。۔]['\"”’)」]?$")


def is_analysis(ctx: Context) -> bool:
    """Opinion or analysis about the relationship as a whole: labelled so in the header or at the
    start of the headline, and the headline names no engagement (an explainer of one summit is
    still about that summit)."""
    labelled = any(h.kind == "cue_genre" for h in ctx.label_hits) or any(h.kind == "cue_genre" and h.start <= 2 for h in ctx.title_hits)
    if not labelled:
        return False
    # the standfirst under the headline (a first paragraph with no full stop) speaks for it too:
    # "The May 5 defence ministers' meeting showed how far …"
    para = ctx.body.split("\n", 1)[0].strip()
    dek_end = len(para) if para and len(para.split()) <= 40 and not _SENTENCE_END.search(para) else 0
    heads = ctx.title_hits + [h for h in ctx.hits if h.end <= dek_end]
    names_one = any(h.kind in ("exercise", "dialogue") or (h.kind == "cue_type" and h.value != "meeting") for h in heads)
    return not names_one
