"""The regrouping's hook for corrections: every regrouping (after each ingest, a correction, an
import, `ingest --rebuild`) goes through Fixes, so no derived table ever shows the parser's value
where a reviewer set another one."""

from __future__ import annotations

from dashboard.review import apply
from dashboard.store import corrections as stored


class Fixes:
    """What the stored corrections do to one regrouping, step by step:

        fixes = Fixes(db)                       # article rows corrected (relevance, dates, sources)
        articles = fixes.input(grouping_input)  # relevant articles without an engagement get one
        engagements, links = grouping.group(articles, constrain=fixes.constrain)  # merges, splits
        engagements, links = fixes.apply(engagements, links, people)               # field values
        area_rows = fixes.area_rows(area_rows, engagements)
        ... replace_engagements ...
        fixes.record(db, links)                 # the review log, reviewers' evidence sentences
    """

    def __init__(self, db) -> None:
        self.corrections = stored.active(db)
        self.log = apply.Log()
        self.log.states.update(stored.apply_to_articles(db, self.corrections))
        self.constrain = apply.constrainer(self.corrections, self.log)
        self._areas: dict = {}

    def input(self, articles: list[dict]) -> list[dict]:
        return apply.adjust_input(articles, self.corrections) if self.corrections else articles

    def apply(self, engagements: list[dict], links: dict[str, str], people: dict[str, str]) -> tuple[list[dict], dict[str, str]]:
        if not self.corrections:
            return engagements, links
        engagements, links, self._areas = apply.apply_fields(engagements, links, self.corrections, people, self.log)
        return engagements, links

    def area_rows(self, rows: list[tuple], engagements: list[dict]) -> list[tuple]:
        return apply.patch_area_rows(rows, engagements, self._areas)

    def record(self, db, links: dict[str, str]) -> None:
        if not self.corrections and not db.execute("SELECT 1 FROM corrections LIMIT 1").fetchone():
            return  # nobody has corrected anything: nothing to log, no reviewer's evidence to clear
        stored.set_states(db, self.log.states)
        first: dict[str, str] = {}
        evidence = []
        for (eid, area), c in self._areas.items():
            text = (c.extra.get("evidence") or "").strip() if c is not None else ""
            if not text:
                continue
            aid = c.extra.get("article")
            if links.get(aid) != eid:
                if not first:
                    for a, e in sorted(links.items()):
                        first.setdefault(e, a)
                aid = first.get(eid)
            if aid:
                evidence.append((aid, area, text))
        stored.reviewer_evidence(db, evidence)
