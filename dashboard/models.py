"""The records the parser produces: frozen, JSON-ready, shared by every layer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

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


@dataclass(frozen=True)
class Span:
    """A stretch of the clean body: offsets let the dashboard highlight exactly what was read."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DateMention:
    date: str | None  # YYYY-MM-DD, YYYY-MM, XXXX-MM-DD or None when it cannot be resolved
    role: str  # engagement | published | referenced
    text: str
    start: int = -1  # offsets into the clean body; -1 for metadata dates
    end: int = -1
    end_date: str | None = None  # last day of a range ("10 से 15 अक्टूबर")


@dataclass(frozen=True)
class PersonMention:
    name: str  # canonical English name
    country: str
    role: str  # role held at the article's date ("" when unknown)
    role_key: str
    mentions: int
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class EntityMention:
    """A place, organisation, exercise or dialogue named in the text."""

    name: str
    kind: str
    mentions: int
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class AreaMention:
    id: str
    count: int
    evidence: tuple[Span, ...]  # the sentences that evidence the area
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Engagement:
    date: str | None
    type: str
    status: str
    place: str | None
    participants: tuple[str, ...]
    end_date: str | None = None
    confidence: float = 0.0


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
        """The JSON shape of `python -m dashboard parse --json` and of the stored record."""
        d = asdict(self)
        d.pop("extra")
        if self.engagement is not None:
            d["engagement"]["participants"] = list(self.engagement.participants)
        d["dates"] = [
            {k: v for k, v in x.items() if not (k == "end_date" and v is None)} for x in d["dates"]
        ]
        d["areas"] = [
            {
                "id": a.id,
                "count": a.count,
                "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in a.evidence],
                "keywords": list(a.keywords),
            }
            for a in self.areas
        ]
        d["people"] = [
            {
                "name": p.name,
                "country": p.country,
                "role": p.role,
                "role_key": p.role_key,
                "mentions": p.mentions,
                "spans": [[s.start, s.end] for s in p.spans],
            }
            for p in self.people
        ]
        for key in ("places", "organisations", "exercises", "dialogues"):
            d[key] = [
                {
                    "name": e.name,
                    "mentions": e.mentions,
                    "spans": [[s.start, s.end] for s in e.spans],
                }
                for e in getattr(self, key)
            ]
        d["warnings"] = list(self.warnings)
        return d
