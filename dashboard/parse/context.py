"""What every engagement field reads: the clean body, its sentences, the hits found once, the lead."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from dashboard.parse.dates import TenseIndex, tense
from dashboard.parse.matcher import Hit, Near

LEAD_SENTENCES = 2


_LEAD_KINDS = ("country", "person", "role", "cue_type", "exercise", "dialogue")


_LEAD_SKIP_MAX = 4


@dataclass
class Context:
    body: str
    title: str
    sentences: list[tuple[int, int]]
    hits: list[Hit]  # body hits
    title_hits: list[Hit]
    people: list  # PersonHit
    kb: object
    published: date | None
    dateline_place: str | None
    label_hits: list = field(default_factory=list)  # hits in the header's section labels
    published_from: str = ""  # where the page date was read: metadata, stamp, byline, header, dateline
    page_month: str | None = None  # "2022-09": a page date known only to the month (a capture stamp)
    dateline_date: str | None = None  # the date words of the dateline ("November 22"), if any

    def __post_init__(self) -> None:
        self._ends = [e for _, e in self.sentences]
        self._last = max(len(self.sentences) - 1, 0)
        self._lead_tense: str | None = None
        self.other_events: set[Hit] = set()  # type cues about another engagement (set by _type_scores)
        self._first_said_past: bool | None = None
        self._title_clauses: dict[tuple[int, int], bool] = {}
        self._title_breaks: list[int] | None = None
        self._planned_sentences: set[int] | None = None
        self._main_exercise: str | None = ""  # "" until worked out
        self._tenses: dict[int, TenseIndex] = {}
        self._stated: dict[str, str] | None = None
        self._near: dict[str, Near] = {}
        self.flags_by_type: dict[str, tuple] = {}  # engagement_date.sentence_flags, per type
        # why each type scored (weight, words, span), filled by engagement_type._type_scores
        self.type_notes: defaultdict[str, list[tuple[float, str, int, int]]] = defaultdict(list)
        # the lead starts at the first sentence that names a side, a person or an engagement: a
        # bulletin's "नमस्कार, आप देख रहे हैं…" or a live blog's timestamp lines come before it
        self.lead_start = 0
        for h in self.hits:
            if h.kind in _LEAD_KINDS:
                self.lead_start = min(self.sentence_of(h.start), _LEAD_SKIP_MAX)
                break
        # the body's hits of each kind, and their sentences: asked for by every decision
        self.by_kind: defaultdict[str, list[Hit]] = defaultdict(list)
        for h in self.hits:
            self.by_kind[h.kind].append(h)
        first, last = self.lead_start, self.lead_start + LEAD_SENTENCES - 1
        self._lead_lo = self._ends[first - 1] if first >= 1 else float("-inf")
        self._lead_hi = self._ends[last] if last < self._last else float("inf")

    def sentence_of(self, pos: int) -> int:
        i = bisect_right(self._ends, pos)
        return i if i < self._last else self._last

    def in_lead(self, pos: int) -> bool:
        # is_lead(sentence_of(pos)) as two comparisons: asked for nearly every hit
        return self._lead_lo <= pos < self._lead_hi

    def is_lead(self, si: int) -> bool:
        return 0 <= si - self.lead_start < LEAD_SENTENCES

    def near(self, kind: str) -> Near:
        """The body hits of one kind ("cue_reference", or "earlier": the cues of an earlier event),
        indexed for window questions."""
        index = self._near.get(kind)
        if index is None:
            if kind == "earlier":
                pick = self.by_kind["cue_earlier"] + [h for h in self.by_kind["cue_reference"] if h.value == "earlier"]
            else:
                pick = self.by_kind[kind]
            index = self._near[kind] = Near(pick)
        return index

    def lead_hits(self) -> list[Hit]:
        """The body hits inside the lead's sentences."""
        lo, hi = self._lead_lo, self._lead_hi
        return [h for h in self.hits if lo <= h.start < hi]

    def role_of(self, name: str, day: date | None = None):
        """A person's role (a Tenure) on the day, else the page's day; with neither, the role the
        text itself states before their name, else their latest."""
        day = day or self.published
        if day is not None:
            return self.kb.role_on(name, day)
        if self._stated is None:
            self._stated = {}
            for p in self.people:
                if getattr(p, "stated_role", ""):
                    self._stated.setdefault(p.name, p.stated_role)
        key = self._stated.get(name)
        if key:
            rows = [t for t in self.kb.tenures_of(name) if t.role_key == key]
            if rows:
                return rows[-1]
        return self.kb.role_on(name, None)

    def tense_at(self, pos: int) -> str:
        """The tense of the clause around a body offset; each sentence is indexed once."""
        si = self.sentence_of(pos)
        s_start, _s_end = self.sentence_span(si)
        return self._tense_index(si).at(pos - s_start)

    def tense_is_said(self, pos: int) -> bool:
        """Whether a verb in the sentence says when, or the past is only assumed."""
        si = self.sentence_of(pos)
        return self._tense_index(si).decided_by_a_verb(pos - self.sentence_span(si)[0])

    def _tense_index(self, si: int) -> TenseIndex:
        index = self._tenses.get(si)
        if index is None:
            s_start, s_end = self.sentence_span(si)
            index = self._tenses[si] = TenseIndex(self.body[s_start:s_end])
        return index

    def sentence_span(self, si: int) -> tuple[int, int]:
        return self.sentences[si] if self.sentences else (0, len(self.body))

    @property
    def main_exercise(self) -> str | None:
        """The India–Japan exercise the text is about: the one the title, then the lead, name most."""
        if self._main_exercise == "":
            weight: dict[str, float] = {}
            for h in self.title_hits + self.hits:
                if h.kind == "exercise" and self.kb.exercises.get(h.value, {}).get("japan_force"):
                    w = 3.0 if h in self.title_hits else (2.0 if self.in_lead(h.start) else 1.0)
                    weight[h.value] = weight.get(h.value, 0.0) + w
            self._main_exercise = max(weight, key=weight.get) if weight else None
        return self._main_exercise

    @property
    def first(self) -> str:
        """The lead's first sentence: where a report says what happened."""
        if not self.sentences:
            return self.body
        s, e = self.sentences[self.lead_start]
        return self.body[s:e]


_CLAUSE_BREAK = re.compile(r"[,;:।.!?()|–—]")


def _lead_tense(ctx: Context) -> str:
    if ctx._lead_tense is None:
        ctx._lead_tense = tense(ctx.first, 0)
    return ctx._lead_tense
