"""Who took part, on each side: the people named where the engagement is told, in the roles its
type implies (for exercises, the forces)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from dashboard.models import DateMention
from dashboard.parse.context import Context
from dashboard.parse.relevance import _FORCES


def participants(ctx: Context, etype: str, eng_date: DateMention | None = None) -> list[str]:
    """Both sides' people where the engagement is told (for exercises, the forces of the exercise)."""
    kb = ctx.kb
    ref = [h for h in ctx.hits if h.kind == "cue_reference"]
    if etype == "exercise":
        ex_weight: dict[str, float] = defaultdict(float)
        for h in ctx.title_hits + ctx.hits:
            if h.kind == "exercise" and kb.exercises.get(h.value, {}).get("japan_force"):
                ex_weight[h.value] += (
                    3.0 if h in ctx.title_hits else (2.0 if ctx.in_lead(h.start) else 1.0)
                )
        forces: dict[str, float] = defaultdict(float)
        if ex_weight:
            main = max(ex_weight, key=ex_weight.get)
            for col in ("india_force", "japan_force"):
                if kb.exercises[main].get(col):
                    forces[kb.exercises[main][col]] += 5.0
        for h in ctx.title_hits + ctx.hits:
            if h.kind == "organisation":
                info = kb.organisations.get(h.value, {})
                if info.get("kind") in _FORCES and info.get("country") in ("India", "Japan"):
                    forces[h.value] += (
                        3.0 if h in ctx.title_hits else (2.0 if ctx.in_lead(h.start) else 0.5)
                    )
        chosen = [f for f, w in forces.items() if w >= 2.0]
        # "Japan Self-Defense Forces" next to JASDF names the same side twice: keep the service
        services = {kb.organisations[f]["country"] for f in chosen if kb.organisations[f].get("kind") == "force"}
        chosen = [f for f in chosen if not (kb.organisations[f].get("kind") == "armed_forces" and kb.organisations[f]["country"] in services)]
        return sorted(
            chosen,
            key=lambda f: (kb.organisations.get(f, {}).get("country") != "India", -forces[f], f),
        )
    cue_sent = {ctx.sentence_of(h.start) for h in ctx.hits if h.kind in ("cue_type", "dialogue")}
    names: dict[str, float] = defaultdict(float)
    for p in ctx.people:
        country = kb.people.get(p.name, "")
        if country not in ("India", "Japan"):
            continue
        si = ctx.sentence_of(p.start)
        s_start, s_end = ctx.sentences[si] if ctx.sentences else (0, len(ctx.body))
        w = 1.0 if p.name not in names else 0.5
        if ctx.is_lead(si):
            w += 1.5
        if si in cue_sent:
            w += 1.0
        if any(s_start <= r.start < s_end for r in ref):
            w -= 1.5
        names[p.name] += w
    for h in ctx.title_hits:
        if h.kind == "person" and kb.people.get(h.value) in ("India", "Japan"):
            names[h.value] += 3.0
    # the roles a type implies (a 2+2 has both sides' defence and foreign ministers, a summit the
    # PMs), held on the day: a minister of another year is background, not a participant
    day = None
    if eng_date and eng_date.date and len(eng_date.date) == 10 and not eng_date.date.startswith("X"):
        day = date.fromisoformat(eng_date.date)
    day = day or ctx.published
    wanted = {
        "two_plus_two": {"defence_minister", "foreign_minister"},
        "summit": {"prime_minister"},
        "bilateral_ministerial": {"defence_minister", "foreign_minister"},
    }.get(etype, set())
    title_names = {h.value for h in ctx.title_hits if h.kind == "person"}
    for n in list(names):
        rows = kb.tenures_of(n)
        if day is not None and rows and any(r.start or r.end for r in rows) and not any(r.covers(day) for r in rows):
            names[n] -= 2.5
            continue
        t = ctx.role_of(n, day)
        if not t:
            continue
        if t.role_key in wanted:
            names[n] += 1.5
        elif n in title_names:
            continue
        elif t.role_key == "prime_minister" and etype not in ("summit", "sidelines_multilateral", "agreement", "other"):
            # ministers who call on the Prime Minister, a visit "under the vision of" the PMs:
            # the heads of government are the backdrop of any engagement but a summit
            names[n] -= 2.5
        elif wanted:
            names[n] -= 1.5  # a chief in a summit, a secretary in a ministers' meeting: background
    chosen = [n for n, w in names.items() if w >= 2.0]
    countries = {kb.people.get(n) for n in chosen}
    for side in ("India", "Japan"):
        if side not in countries:
            cands = [(w, n) for n, w in names.items() if kb.people.get(n) == side and w >= 1.0]
            if cands:
                chosen.append(max(cands)[1])
    return sorted(chosen, key=lambda n: (kb.people.get(n) != "India", -names[n], n))
