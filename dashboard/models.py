"""The records the parser produces: frozen, JSON-ready, shared by every layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

ENGAGEMENT_TYPES = (
    "bilateral_ministerial",
    "two_plus_two",
    "summit",
    "phone_call",
    "sidelines_multilateral",
    "exercise",
    "official_dialogue",
    "visit",
    "agreement",
    "other",
)
STATUSES = ("held", "planned", "ongoing")
DATE_ROLES = ("engagement", "published", "referenced")


class Span(NamedTuple):
    """A stretch of the clean body: offsets let the dashboard highlight exactly what was read.
    (Named tuples: thousands are made per article, and a frozen dataclass is slower to build.)"""

    start: int
    end: int
    text: str


class DateMention(NamedTuple):
    date: str | None  # YYYY-MM-DD, YYYY-MM, XXXX-MM-DD or None when it cannot be resolved
    role: str  # engagement | published | referenced
    text: str
    start: int = -1  # offsets into the clean body; -1 for metadata dates
    end: int = -1
    end_date: str | None = None  # last day of a range ("10 से 15 अक्टूबर")


class PersonMention(NamedTuple):
    name: str  # canonical English name
    country: str
    role: str  # role held at the article's date ("" when unknown)
    role_key: str
    mentions: int
    spans: tuple[Span, ...] = ()


class EntityMention(NamedTuple):
    """A place, organisation, exercise or dialogue named in the text."""

    name: str
    kind: str
    mentions: int
    spans: tuple[Span, ...] = ()


class AreaMention(NamedTuple):
    id: str
    count: int
    evidence: tuple[Span, ...]  # the sentences that evidence the area
    keywords: tuple[str, ...] = ()


class Decision(NamedTuple):
    """How one engagement field was decided: how sure the parser is (0–1), why, in words a reader
    can check, and the stretch of the clean body that decided it (-1 when nothing in the text did)."""

    confidence: float
    reason: str
    start: int = -1
    end: int = -1


DECIDED_FIELDS = ("date", "type", "status", "place", "participants")
# below this an engagement field is shown as unsure ("date?") and the "sure dates" filter hides it;
# evaluate.py checks that at least 95 % of the fields at or above it are right (the calibration line)
SURE = 0.8


@dataclass(frozen=True)
class Engagement:
    date: str | None
    type: str
    status: str
    place: str | None
    participants: tuple[str, ...]
    end_date: str | None = None
    confidence: float = 0.0
    decisions: dict[str, Decision] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Article:
    source: str
    title: str
    body: str
    language: str
    url: str | None
    published: str | None
    india_japan: bool
    engagement: Engagement | None
    dates: tuple[DateMention, ...]
    people: tuple[PersonMention, ...]
    places: tuple[EntityMention, ...]
    organisations: tuple[EntityMention, ...]
    exercises: tuple[EntityMention, ...]
    dialogues: tuple[EntityMention, ...]
    areas: tuple[AreaMention, ...]
    warnings: tuple[str, ...] = ()
    outlet: str | None = None
    relevance: float = 0.0
    extra: dict = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict:
        """The JSON shape of `python -m dashboard parse --json` and of the stored record.

        Built by hand: dataclasses.asdict deep-copies every span and costs more than parsing.
        """
        e = self.engagement
        return {
            "source": self.source,
            "title": self.title,
            "body": self.body,
            "language": self.language,
            "url": self.url,
            "published": self.published,
            "india_japan": self.india_japan,
            "engagement": None
            if e is None
            else {
                "date": e.date,
                "type": e.type,
                "status": e.status,
                "place": e.place,
                "participants": list(e.participants),
                "end_date": e.end_date,
                "confidence": e.confidence,
                "decisions": {
                    f: {"confidence": d.confidence, "reason": d.reason, "start": d.start, "end": d.end}
                    for f, d in e.decisions.items()
                },
            },
            "dates": [
                {"date": x.date, "role": x.role, "text": x.text, "start": x.start, "end": x.end, **({"end_date": x.end_date} if x.end_date else {})}
                for x in self.dates
            ],
            "people": [
                {
                    "name": p.name,
                    "country": p.country,
                    "role": p.role,
                    "role_key": p.role_key,
                    "mentions": p.mentions,
                    "spans": [[s.start, s.end] for s in p.spans],
                }
                for p in self.people
            ],
            **{
                key: [{"name": x.name, "mentions": x.mentions, "spans": [[s.start, s.end] for s in x.spans]} for x in getattr(self, key)]
                for key in ("places", "organisations", "exercises", "dialogues")
            },
            "areas": [
                {
                    "id": a.id,
                    "count": a.count,
                    "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in a.evidence],
                    "keywords": list(a.keywords),
                }
                for a in self.areas
            ],
            "warnings": list(self.warnings),
            "outlet": self.outlet,
            "relevance": self.relevance,
        }
