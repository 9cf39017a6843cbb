"""People, places, forces, exercises and dialogues from matcher hits, canonicalised by the knowledge base."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from dashboard.models import EntityMention, PersonMention, Span
from dashboard.parse.matcher import Hit, Near, cjk_class

_AFTER_TITLE = re.compile(
    r"(?:श्री|श्रीमती|मिस्टर|सुश्री|डॉ\.?|जनरल|जेन|मंत्री|एडमिरल)\s+(?:जनरल\s+|जेन\s+)?([\u0900-\u0963\u0966-\u097f]+)"
)


class PersonHit(NamedTuple):
    name: str
    start: int
    end: int
    via: str  # alias | role | fuzzy
    stated_role: str = ""  # the role the text puts before the name ("जापान के रक्षा मंत्री …")


@lru_cache(maxsize=8192)
def _loose_latin(deva: str) -> str:
    from indic_transliteration import sanscript

    latin = sanscript.transliterate(deva, sanscript.DEVANAGARI, sanscript.IAST)
    s = re.sub(
        r"[^a-z]",
        "",
        latin.lower().translate(str.maketrans("āīūṛṝḷēōṃṁḥñṅṇṭḍśṣ", "aiurrleommhnnntdss")),
    )
    s = re.sub(r"[aeiouyh]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


_SPELL_FOLD = str.maketrans("āīūṛṝḷēōṃṁḥñṅṇṭḍśṣ", "aiurrleommhnnntdss")
_PLACE_KEYS: dict[int, dict[str, str]] = {}
_DATELINE_FUZZ = 72  # a misspelt city ("वियतितिन") scores 73 against its name; words that are no place stay under 68


@lru_cache(maxsize=8192)
def _spelling_key(text: str) -> str:
    """A loose Latin spelling (vowels kept, doubled letters single) for comparing place names."""
    if not text.isascii():
        from indic_transliteration import sanscript

        text = sanscript.transliterate(text, sanscript.DEVANAGARI, sanscript.IAST)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", text.lower().translate(_SPELL_FOLD)))


_DATELINE_SEEN: dict[tuple[int, str], tuple[str | None, str]] = {}


def dateline_place(head: str, kb) -> tuple[str | None, str]:
    """The city a dateline names ("नयी दिल्ली", "Vientiane [Laos]"), and how it was read: by its
    spelling in the knowledge base, or, for a misspelt one, as the one city it is clearly close to.
    Remembered per spelling: the same few datelines and header words recur on every page."""
    key = (id(kb), head)
    if key not in _DATELINE_SEEN:
        if len(_DATELINE_SEEN) > 4096:
            _DATELINE_SEEN.clear()
        _DATELINE_SEEN[key] = _dateline_place(head, kb)
    return _DATELINE_SEEN[key]


def _dateline_place(head: str, kb) -> tuple[str | None, str]:
    word = re.split(r"\s*[,(\[|]", head.strip(), maxsplit=1)[0].strip()
    # the place must be all of the dateline's first part: "गांधीनगर शिखर वार्ता:" is a headline
    whole = [h for h in kb.matcher.find(word) if h.start == 0 and h.end >= len(word) - 1]
    names = [h.value for h in whole if h.kind == "place"]
    if names:
        return names[0], "alias"
    if whole:
        return None, ""  # a known word of another kind ("गुरुवार", a weekday) is never a misspelt city
    if not word or len(word.split()) > 2 or any(c.isdigit() for c in word):
        return None, ""
    keys = _PLACE_KEYS.get(id(kb))
    if keys is None:
        keys = {}
        for alias, name in kb.place_aliases:
            if kb.places.get(name, {}).get("kind") in ("city", "base"):
                keys.setdefault(_spelling_key(alias), name)
        _PLACE_KEYS[id(kb)] = keys
    key = _spelling_key(word)
    if len(key) < 4:
        return None, ""
    from rapidfuzz import process

    # a misspelling keeps the first sound and about the length ("वियतितिन" ~ Vientiane): another
    # city that merely rhymes (हैदराबाद ~ Ahmedabad, चंडीगढ़ ~ Gandhinagar) is no match
    alike = [k for k in keys if k[:1] == key[:1] and 0.7 <= len(k) / len(key) <= 1.4]
    best = process.extract(key, alike, scorer=fuzz.ratio, limit=5)
    if not best or best[0][1] < _DATELINE_FUZZ:
        return None, ""
    name = keys[best[0][0]]
    rivals = [sc for k, sc, _ in best if keys[k] != name]
    if rivals and rivals[0] > best[0][1] - 5:
        return None, ""
    return name, "spelling"


def find_people(
    body: str, hits: list[Hit], kb, ref_date: date | None
) -> tuple[list[PersonHit], list[str]]:
    """Person hits: aliases, then role phrases resolved by date, then fuzzy Japanese surnames."""
    warnings: list[str] = []
    alias_hits = [h for h in hits if h.kind == "person"]
    full_names = {h.value for h in alias_hits if h.flag != "context"}
    out: list[PersonHit] = []
    for h in alias_hits:
        if h.flag == "context" and h.value not in full_names:
            continue  # a bare "Singh" counts only when the article names the person in full
        out.append(PersonHit(h.value, h.start, h.end, "alias"))
    country_hits = [h for h in hits if h.kind == "country"]
    sorted(out, key=lambda p: p.start)

    def principal_role() -> tuple[str, str] | None:
        for p in sorted(out, key=lambda p: p.start):
            t = kb.role_on(p.name, ref_date)
            if t and t.country == "India":
                return t.country, t.role_key
        return None

    named = Near(out)
    countries = Near(country_hits)
    for h in hits:
        if h.kind != "role":
            continue
        country, role_key = h.value.split("|")
        # Japanese puts the title after the name, often inside one alias: 浜田防衛大臣, シン国防相
        if any(p.start <= h.start and h.end <= p.end for p in named.touching(h.start, h.start + 1) if p.via == "alias") or (
            cjk_class(body[h.start]) and any(0 <= h.start - p.end <= 2 for p in named.touching(h.start - 2, h.start + 1) if p.via == "alias")
        ):
            continue  # … or right after it: ラージナート・シン・インド国防大臣
        # a title directly before a name ("रक्षा मंत्री राजनाथ सिंह", "Defence Minister Gen Nakatani")
        following = body[h.end : h.end + 14]
        if named.starting(h.end, h.end + 13) and not re.search(r"[।.,;]", following[:3]):
            continue
        if not country:
            before = [c for c in countries.touching(h.start - 12, h.start + 1) if 0 <= h.start - c.end <= 12]
            after = [
                c
                for c in countries.starting(h.end, h.end + 9)
                if 0 <= c.start - h.end <= 8
                and re.match(r"\s*(of|के|का|की)\b", body[h.end : c.start] or " ")
            ]
            if before:
                country = before[-1].value
            elif after:
                country = after[0].value
        if not country and role_key == "defence_minister" and not body[h.start : h.end].isascii():
            country = "India"  # Hindi press: a bare "रक्षा मंत्री" is India's
        if role_key == "counterpart":
            pr = principal_role()
            if not pr:
                continue
            role_key = pr[1]
            if not country:
                country = "Japan"
            if country == "India":
                continue
        if not country or ref_date is None:
            continue
        name = kb.holder(country, role_key, ref_date)
        if name:
            out.append(PersonHit(name, h.start, h.end, "role"))
    # fuzzy: an unknown Devanagari word right after an honorific or a title
    known = Near(out)
    if kb.surname_keys:
        for m in _AFTER_TITLE.finditer(body):
            w = m.group(1)
            if len(w) < 4 or any(p.start <= m.start(1) < p.end for p in known.touching(m.start(1), m.start(1) + 1)):
                continue
            key = _loose_latin(w)
            if len(key) < 3:
                continue
            best, score = None, 0.0
            for k, name in kb.surname_keys.items():
                sc = fuzz.ratio(key, k)
                if sc > score:
                    best, score = name, sc
            if best and score >= 86:
                out.append(PersonHit(best, m.start(1), m.end(1), "fuzzy"))
                warnings.append(f"name {w!r} read as {best} by spelling similarity")
    out.sort(key=lambda p: p.start)
    return _stated_roles(body, out, hits, kb), warnings


def _stated_roles(body: str, people: list[PersonHit], hits: list[Hit], kb) -> list[PersonHit]:
    """The role the text gives a person right before the name ("जापान के रक्षा मंत्री ताकेशी इवाया",
    "Defence Minister Nobuo Kishi"): with no page date, it is the surest sign of who they were then."""
    roles = Near(h for h in hits if h.kind == "role")
    if not roles:
        return people
    out = []
    for p in people:
        for h in roles.touching(p.start - 20, p.start + 1):
            if 0 <= p.start - h.end <= 20 and not re.search(r"[।.,;]", body[h.end : p.start]):
                country, role_key = h.value.split("|")
                if role_key != "counterpart" and country in ("", kb.people.get(p.name)):
                    p = p._replace(stated_role=role_key)
        out.append(p)
    return out


def people_records(
    body: str, person_hits: list[PersonHit], kb, ref_date: date | None
) -> list[PersonMention]:
    spans: dict[str, list[Span]] = defaultdict(list)
    stated: dict[str, str] = {}
    for p in person_hits:
        spans[p.name].append(Span(p.start, p.end, body[p.start : p.end]))
        if p.stated_role:
            stated.setdefault(p.name, p.stated_role)
    out = []
    for name, sp in spans.items():
        t = kb.role_on(name, ref_date)
        if ref_date is None and name in stated:
            # no date to read a tenure by: the role the text gives them
            t = next((r for r in reversed(kb.tenures_of(name)) if r.role_key == stated[name]), t)
        out.append(
            PersonMention(
                name=name,
                country=kb.people.get(name, ""),
                role=t.role if t else "",
                role_key=t.role_key if t else "",
                mentions=len(sp),
                spans=tuple(sp),
            )
        )
    out.sort(key=lambda p: (-p.mentions, p.spans[0].start))
    return out


def entity_records(body: str, hits: list[Hit], kind: str) -> list[EntityMention]:
    spans: dict[str, list[Span]] = defaultdict(list)
    for h in hits:
        if h.kind == kind:
            spans[h.value].append(Span(h.start, h.end, body[h.start : h.end]))
    out = [EntityMention(name, kind, len(sp), tuple(sp)) for name, sp in spans.items()]
    out.sort(key=lambda e: e.spans[0].start)
    return out
