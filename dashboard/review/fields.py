"""What a reviewer may correct, how a typed value is read, and how a correction is shown.

Pure: the page, the CLI and the import all read values through `read_value`, so a value that
one of them accepts, the others accept too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dashboard.knowledge import AREA_IDS
from dashboard.models import ENGAGEMENT_TYPES, STATUSES

# fields of an engagement the grouping derives, and the reviewer may set
ENGAGEMENT_FIELDS = ("date", "end_date", "type", "status", "place", "india", "japan", "relevant")
# structural corrections: they change which reports form an engagement
STRUCTURAL = ("merge", "split")
ARTICLE_FIELDS = ("relevant", "published", "outlet", "engagement")
REVIEWED = "reviewed"  # "looked at, and right as shown": a truth snapshot, no change
SIDES = {"india": "India", "japan": "Japan"}
AREA_PREFIX = "area:"

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_TRUE = ("yes", "y", "true", "1", "relevant")
_FALSE = ("no", "n", "false", "0", "not relevant", "irrelevant")


class BadValue(ValueError):
    """A value a reviewer typed that cannot be a correction; the message says why, in words."""


@dataclass(frozen=True)
class Correction:
    """One corrected field, as stored (store/corrections.py) and as the grouping applies it.

    `anchors` are article ids (hashes of the report texts), the engagement's earliest report
    first: a correction finds its engagement again after any regrouping through them."""

    id: int
    uid: str
    batch: str
    target_kind: str  # engagement | article | knowledge
    target: str  # the id the reviewer saw
    anchors: tuple[str, ...]
    field: str
    old: Any
    new: Any
    by: str
    at: str
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def day(self) -> str:
        return (self.at or "")[:10]


def is_area(name: str) -> bool:
    return name.startswith(AREA_PREFIX) and name[len(AREA_PREFIX) :] in AREA_IDS


def _date(value: str, what: str) -> str:
    v = value.strip()
    if not (_DAY.match(v) or _MONTH.match(v)):
        raise BadValue(f"{what} {value!r} is not a date: write YYYY-MM-DD, or YYYY-MM when only the month is known")
    from datetime import date

    try:
        date.fromisoformat(v if len(v) == 10 else v + "-01")
    except ValueError:
        raise BadValue(f"{what} {value!r} is not a day of the calendar") from None
    return v


def _bool(value: Any, what: str) -> bool:
    if isinstance(value, bool):
        return value
    v = str(value).strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise BadValue(f"{what} {value!r} must be true or false")


def _names(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        items = [str(v) for v in value]
    else:
        items = re.split(r"[;,]", str(value or ""))
    out: list[str] = []
    for n in (x.strip() for x in items):
        if n and n not in out:
            out.append(n)
    return out


def read_value(kind: str, name: str, value: Any) -> Any:
    """The stored form of a typed value for field `name` of an engagement or article; raises
    BadValue with the reason. Dates stay as written (YYYY-MM-DD or YYYY-MM), lists are names."""
    if kind == "engagement":
        if name in ("date", "end_date"):
            if name == "end_date" and (value is None or str(value).strip() == ""):
                return None
            return _date(str(value), name.replace("_", " "))
        if name == "type":
            v = str(value).strip()
            if v not in ENGAGEMENT_TYPES:
                raise BadValue(f"type {value!r} is not one of {', '.join(ENGAGEMENT_TYPES)}")
            return v
        if name == "status":
            v = str(value).strip()
            if v not in STATUSES:
                raise BadValue(f"status {value!r} is not one of {', '.join(STATUSES)}")
            return v
        if name == "place":
            v = str(value or "").strip()
            return v or None
        if name in SIDES:
            return _names(value)
        if name == "relevant":
            return _bool(value, "relevant")
        if is_area(name):
            return _bool(value, name)
        raise BadValue(f"an engagement has no field {name!r}; fields: {', '.join(ENGAGEMENT_FIELDS)}, area:ID")
    if kind == "article":
        if name == "relevant":
            return _bool(value, "relevant")
        if name == "published":
            return _date(str(value), "published")
        if name in ("outlet", "source"):
            v = str(value or "").strip()
            if not v:
                raise BadValue("source must not be empty")
            return v
        raise BadValue(f"an article has no field {name!r}; fields: relevant, published, source, engagement")
    raise BadValue(f"nothing of kind {kind!r} can be corrected")


def parse_assignments(kind: str, pairs: list[str]) -> dict[str, Any]:
    """`--set date=2020-12-22 --set type=phone_call` as {field: value}; a date range
    `date=2020-12-22..2020-12-24` sets the end date too."""
    out: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise BadValue(f"--set {pair!r}: write FIELD=VALUE")
        name, value = (s.strip() for s in pair.split("=", 1))
        name = "outlet" if (kind == "article" and name == "source") else name
        if kind == "engagement" and name == "date" and ".." in value:
            first, last = (s.strip() for s in value.split("..", 1))
            out["date"] = read_value(kind, "date", first)
            out["end_date"] = read_value(kind, "end_date", last)
            if out["end_date"] and out["end_date"] < out["date"]:
                raise BadValue(f"date range {value!r} ends before it starts")
            continue
        if kind == "article" and name == "engagement":
            out[name] = value
            continue
        out[name] = read_value(kind, name, value)
    return out


def shown(value: Any) -> str:
    """A stored value in words, for the history and the review log."""
    if value is None or value == []:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("engagement") or value)
    return str(value)


FIELD_WORDS = {
    "date": ("date", "तिथि"),
    "end_date": ("end date", "अंतिम तिथि"),
    "type": ("type", "प्रकार"),
    "status": ("status", "स्थिति"),
    "place": ("place", "स्थान"),
    "india": ("India's side", "भारत की ओर से"),
    "japan": ("Japan's side", "जापान की ओर से"),
    "relevant": ("India–Japan", "भारत–जापान"),
    "published": ("published", "प्रकाशित"),
    "outlet": ("source", "स्रोत"),
    "engagement": ("engagement", "बैठक"),
    "merge": ("merged", "जोड़ा गया"),
    "split": ("split", "अलग किया गया"),
    "reviewed": ("reviewed", "समीक्षित"),
}


def field_word(name: str, hindi: bool = False) -> str:
    if is_area(name):
        from dashboard import labels

        return labels.t(name[len(AREA_PREFIX) :], hindi, labels.AREAS)
    pair = FIELD_WORDS.get(name, (name, name))
    return pair[1] if hindi else pair[0]


def mark(info: dict | None, hindi: bool = False) -> str:
    """"✎ corrected by A. Sharma on 2026-12-08" for one corrected field (engagements.corrected)."""
    if not info:
        return ""
    day = (info.get("at") or "")[:10]
    if hindi:
        return f"✎ {info.get('by', '')} द्वारा {day} को सुधारा गया"
    return f"✎ corrected by {info.get('by', '')} on {day}"


def marks_line(corrected: dict | None, hindi: bool = False) -> str:
    """All corrected fields of an engagement in one line, for exports: fields grouped by who and
    when ("date, place ✎ corrected by A. Sharma on 2026-12-08")."""
    if not isinstance(corrected, dict) or not corrected:
        return ""
    groups: dict[tuple[str, str], list[str]] = {}
    for name, info in corrected.items():
        groups.setdefault((info.get("by", ""), (info.get("at") or "")[:10]), []).append(field_word(name, hindi))
    parts = []
    for (by, day), names in sorted(groups.items(), key=lambda kv: kv[0][1]):
        parts.append(f"{', '.join(names)} {mark({'by': by, 'at': day}, hindi)}")
    return "; ".join(parts)
