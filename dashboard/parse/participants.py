"""Who took part, on each side: the people named where the engagement is told, in the roles its
type implies (for exercises, the forces)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from dashboard.models import DateMention, Decision
from dashboard.parse.context import _CLAUSE_BREAK, Context
from dashboard.parse.engagement_date import sentence_flags
from dashboard.parse.relevance import _FORCES

_OFFICIAL_ROLES = {"defence_secretary", "vice_minister", "official", "ambassador"}
_CHIEF_ROLES = {"army_chief", "navy_chief", "air_chief", "cds", "joint_staff_chief", "coast_guard_chief"}
# the roles a type implies: a 2+2 has both sides' defence and foreign ministers, a summit the PMs
_WANTED = {
    "two_plus_two": {"defence_minister", "foreign_minister"},
    "summit": {"prime_minister"},
    "bilateral_ministerial": {"defence_minister", "foreign_minister"},
    "official_dialogue": _OFFICIAL_ROLES | _CHIEF_ROLES,
}
_PRESENCE_REACH = 60


def participants(ctx: Context, etype: str, eng_date: DateMention | None = None) -> tuple[list[str], Decision]:
    """Both sides' people where the engagement is told (for exercises, the forces of the exercise)."""
    if etype == "exercise":
        return _forces(ctx)
    kb = ctx.kb
    ref = ctx.near("cue_reference")
    present = ctx.near("cue_presence")
    cue_sent = {ctx.sentence_of(h.start) for h in ctx.hits if h.kind in ("cue_type", "dialogue")}
    best: dict[str, float] = {}
    extra: dict[str, float] = defaultdict(float)
    for p in ctx.people:
        if kb.people.get(p.name, "") not in ("India", "Japan"):
            continue
        si = ctx.sentence_of(p.start)
        s_start, s_end = ctx.sentence_span(si)
        w = 1.0
        if ctx.is_lead(si):
            w += 1.5
        if si in cue_sent:
            w += 1.0
        if ref.starting(s_start, s_end):
            w -= 1.5  # "इससे पहले … से मुलाकात की", "the attack": another event's people
        if any(_same_clause(ctx, h, p.start, p.end) for h in present.touching(p.start - _PRESENCE_REACH, p.end + _PRESENCE_REACH + 1)):
            w -= 2.0  # "विदेश मंत्री एस. जयशंकर भी मौजूद थे", "accompanied by": there, not a party to it
        if p.name in best:
            # named again: a little more sure, not twice as much (a PM named five times in a
            # report of a 2+2 is still its backdrop)
            extra[p.name] = min(extra[p.name] + 0.2, 0.6)
            best[p.name] = max(best[p.name], w)
        else:
            best[p.name] = w
    names = {n: best[n] + extra[n] for n in best}
    title_names = {h.value for h in ctx.title_hits if h.kind == "person"}
    for n in title_names:
        if kb.people.get(n) in ("India", "Japan"):
            names[n] = names.get(n, 0.0) + 3.0
    # roles held on the day: a minister of another year is background, not a participant
    day = None
    if eng_date and eng_date.date and len(eng_date.date) == 10 and not eng_date.date.startswith("X"):
        day = date.fromisoformat(eng_date.date)
    day = day or ctx.published
    wanted = set(_WANTED.get(etype, set()))
    if not wanted and etype in ("phone_call", "sidelines_multilateral"):
        wanted = _focus_roles(ctx)  # a call or a sidelines meeting is between the ranks that met
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
        elif etype == "official_dialogue" and t.role_key in ("defence_minister", "foreign_minister", "prime_minister") and n not in title_names:
            names[n] -= 2.5  # the ministers a dialogue of officials reports to are not at its table
        elif n in title_names:
            continue
        elif t.role_key == "prime_minister" and etype not in ("summit", "sidelines_multilateral", "agreement", "other", "visit"):
            # ministers who call on the Prime Minister, a visit "under the vision of" the PMs:
            # the heads of government are the backdrop of any engagement but a summit
            names[n] -= 3.0
        elif wanted:
            names[n] -= 1.5  # a chief in a summit, a secretary in a ministers' meeting: background
    chosen = [n for n, w in names.items() if w >= 2.0]
    countries = {kb.people.get(n) for n in chosen}
    filled = []
    for side in ("India", "Japan"):
        if side not in countries:
            cands = [(w, n) for n, w in names.items() if kb.people.get(n) == side and w >= 1.0]
            if cands:
                chosen.append(max(cands)[1])
                filled.append(side)
    out = sorted(chosen, key=lambda n: (kb.people.get(n) != "India", -names[n], n))
    unnamed = {p.name for p in ctx.people if p.via == "role"} - {p.name for p in ctx.people if p.via != "role"}
    ranks = {getattr(ctx.role_of(n, day), "role_key", "") for n in out}
    mixed = bool(wanted) and not ranks <= wanted
    return out, _decision(out, names, filled, kb, unnamed & set(out), mixed)


def _decision(out: list[str], names: dict[str, float], filled: list[str], kb, unnamed: set[str], mixed: bool) -> Decision:
    if not out:
        return Decision(0.5, "nobody of either side is named where it is told")
    sides = {kb.people.get(n) for n in out}
    weakest = min(names[n] for n in out)
    if filled or len(sides) < 2:
        conf = 0.6
    elif weakest >= 3.0 and not unnamed and not mixed:
        conf = 0.85
    else:
        conf = 0.7
    what = "named where the engagement is told"
    if unnamed:
        what += f"; {', '.join(sorted(unnamed))} by role only, as holder on the day"
    if mixed:
        what += "; ranks other than the type's own take part"
    if filled:
        what += f"; {' and '.join(filled)}'s side only named in passing"
    if len(sides) < 2:
        what += "; one side is not named"
    return Decision(conf, what)


def _same_clause(ctx: Context, h, start: int, end: int) -> bool:
    lo, hi = (h.end, start) if h.end <= start else (end, h.start)
    return 0 <= hi - lo <= _PRESENCE_REACH and not _CLAUSE_BREAK.search(ctx.body, lo, hi)


def _focus_roles(ctx: Context) -> set[str]:
    """The roles of the people in the first lead sentence that names both sides."""
    by_sentence: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for p in ctx.people:
        t = ctx.role_of(p.name)
        if t and t.country in ("India", "Japan"):
            by_sentence[ctx.sentence_of(p.start)][t.country].add(t.role_key)
    for si in sorted(by_sentence):
        if ctx.is_lead(si) and len(by_sentence[si]) == 2:
            return set().union(*by_sentence[si].values())
    return set()


def _forces(ctx: Context) -> tuple[list[str], Decision]:
    """An exercise's participants are its India and Japan forces: the exercise's own, and any
    service named in the headline or lead, never the forces of another exercise the text mentions."""
    kb = ctx.kb
    main = ctx.main_exercise
    _cue, _own, _other, other_ex = sentence_flags(ctx, "exercise")
    forces: dict[str, float] = defaultdict(float)
    if main:
        for col in ("india_force", "japan_force"):
            if kb.exercises[main].get(col):
                forces[kb.exercises[main][col]] += 5.0
    for h in ctx.title_hits + ctx.hits:
        if h.kind != "organisation":
            continue
        info = kb.organisations.get(h.value, {})
        in_title = h in ctx.title_hits
        if info.get("kind") not in _FORCES:
            continue
        if not in_title and ctx.sentence_of(h.start) in other_ex:
            continue  # "the Indian Army's Dharma Guardian, held alongside": another exercise's force
        if info.get("country") in ("India", "Japan"):
            forces[h.value] += 3.0 if in_title else (2.0 if ctx.in_lead(h.start) else 0.5)
    chosen = [f for f, w in forces.items() if w >= 2.0]
    # "Japan Self-Defense Forces" next to JASDF names the same side twice: keep the service
    services = {kb.organisations[f]["country"] for f in chosen if kb.organisations[f].get("kind") == "force"}
    chosen = [f for f in chosen if not (kb.organisations[f].get("kind") == "armed_forces" and kb.organisations[f]["country"] in services)]
    out = sorted(chosen, key=lambda f: (kb.organisations.get(f, {}).get("country") not in ("India",), kb.organisations.get(f, {}).get("country") != "Japan", -forces[f], f))
    if main and out:
        # graders name units ("JGSDF infantry regiment") as often as services: a service is right
        # in kind, not always in the grain asked for
        return out, Decision(0.75, f"the forces of {main}, and those named in the headline or lead")
    if out:
        return out, Decision(0.7, "the forces named in the headline or lead")
    return out, Decision(0.5, "no force is named")
